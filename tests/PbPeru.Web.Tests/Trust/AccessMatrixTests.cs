using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// Every page, handler and endpoint of the running app, asked by every persona, against the
/// declared <see cref="AccessTable"/>. A POST by someone the table lets through goes without an
/// antiforgery token (it must get past access to be refused with a 400, so the matrix changes
/// nothing); a POST by someone the table refuses carries a valid token, so only the access checks
/// stand between it and the handler.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class AccessMatrixTests(TrustApp app) : IClassFixture<TrustApp>
{
    private sealed record Request(PageAccess Row, string Method, string? Handler)
    {
        public string Key => Handler is null ? Method : $"{Method} {Handler}";
    }

    [Fact]
    public async Task EveryPageAndHandler_AskedByEveryPersona_AnswersAsTheAccessTableDeclares()
    {
        var requests = await RequestsOfTheAppAsync();
        var mismatches = new ConcurrentBag<string>();

        await Task.WhenAll(Enum.GetValues<Persona>().Select(async persona =>
        {
            var client = await app.ClientAsync(persona);
            var token = await app.TokenAsync(persona);
            foreach (var request in requests)
            {
                var rule = request.Row.RuleOf(request.Key);
                var expected = AccessTable.Expected(request.Row.Page, rule, persona);
                var url = UrlOf(request);
                using var form = new FormUrlEncodedContent(
                    expected == Outcome.Allowed ? [] : [KeyValuePair.Create(AppClient.AntiforgeryField, token)]);
                using var response = request.Method == "GET" ? await client.GetAsync(url) : await client.Http.PostAsync(url, form);
                var actual = Classify(response);
                if (actual != expected)
                {
                    mismatches.Add($"{request.Key,-22} {url,-60} {persona,-18} expected {expected}, got {(int)response.StatusCode}"
                        + (response.Headers.Location is { } location ? $" → {location}" : ""));
                }
            }
        }));

        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} answers differ from the access table:\n" + string.Join("\n", mismatches.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task AccessTable_HasARowForEveryPageOfTheApp_AndNoRowForAPageThatIsGone()
    {
        var pages = (await PagesOfTheAppAsync()).Select(p => p.Descriptor.ViewEnginePath).ToHashSet();
        var declared = AccessTable.Pages.Select(p => p.Page).ToHashSet();

        Assert.Empty(pages.Except(declared).Order());
        Assert.Empty(declared.Except(pages).Order());
        Assert.Equal(AccessTable.Pages.Count, declared.Count);
    }

    private static Outcome? Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status switch
        {
            >= 200 and < 300 => Outcome.Allowed,
            >= 300 and < 400 => response.Headers.Location?.ToString().Contains(AppClient.LoginPath, StringComparison.OrdinalIgnoreCase) == true
                ? Outcome.Login
                : Outcome.Allowed,
            StatusCodes.Status400BadRequest => Outcome.Allowed,
            StatusCodes.Status401Unauthorized => Outcome.Login,
            StatusCodes.Status403Forbidden => Outcome.Forbidden,
            StatusCodes.Status404NotFound => Outcome.NotFound,
            _ => null,
        };
    }

    private string UrlOf(Request request)
    {
        var url = request.Row.Url(app.Ids);
        var query = new List<string>();
        if (request.Handler is not null)
        {
            query.Add($"handler={request.Handler}");
        }

        if (request.Row.HandlerQueries.TryGetValue(request.Key, out var extra))
        {
            query.Add(extra(app.Ids));
        }

        return query.Count == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query);
    }

    /// <summary>The requests the app itself declares: each page's handlers, each other endpoint's GET.</summary>
    private async Task<List<Request>> RequestsOfTheAppAsync()
    {
        var requests = new List<Request>();
        var rows = AccessTable.Pages.ToDictionary(p => p.Page);
        var missing = new List<string>();
        foreach (var (descriptor, compiled) in await PagesOfTheAppAsync())
        {
            if (!rows.TryGetValue(descriptor.ViewEnginePath, out var row))
            {
                missing.Add(descriptor.ViewEnginePath);
                continue;
            }

            foreach (var handler in compiled.HandlerMethods.DistinctBy(h => (h.HttpMethod.ToUpperInvariant(), h.Name)))
            {
                requests.Add(new Request(row, handler.HttpMethod.ToUpperInvariant(), handler.Name));
            }
        }

        var endpointRows = AccessTable.Endpoints.ToDictionary(p => p.Page);
        foreach (var pattern in OtherEndpoints())
        {
            if (endpointRows.TryGetValue(pattern, out var row))
            {
                requests.Add(new Request(row, "GET", null));
            }
            else
            {
                missing.Add(pattern);
            }
        }

        Assert.True(missing.Count == 0, "Pages or endpoints with no row in AccessTable: " + string.Join(", ", missing));
        return requests;
    }

    private async Task<List<(PageActionDescriptor Descriptor, CompiledPageActionDescriptor Compiled)>> PagesOfTheAppAsync()
    {
        var loader = app.Factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<(PageActionDescriptor, CompiledPageActionDescriptor)>();
        foreach (var endpoint in app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor
                && pages.TrueForAll(p => p.Item1.ViewEnginePath != descriptor.ViewEnginePath))
            {
                pages.Add((descriptor, await loader.LoadAsync(descriptor, endpoint.Metadata)));
            }
        }

        return pages;
    }

    private IEnumerable<string> OtherEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct();
}
