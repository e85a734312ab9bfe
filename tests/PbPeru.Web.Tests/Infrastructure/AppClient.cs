using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PbPeru.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like HTTP client for the app: keeps cookies, reads pages with AngleSharp, posts forms
/// with their antiforgery token. Made by <see cref="PbPeruFactory.CreateAppClient"/>.
/// </summary>
public sealed class AppClient : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    public const string LoginPath = "/Account/Login";

    private readonly HttpClient _following;
    private readonly HttpClient _manual;

    internal AppClient(HttpClient following, HttpClient manual, CookieContainer cookies, bool followRedirects)
    {
        _following = following;
        _manual = manual;
        Cookies = cookies;
        FollowRedirects = followRedirects;
    }

    /// <summary>
    /// A client of an app served by Kestrel, over real sockets, with cookies of its own: the
    /// factory's clients share one handler there, so many people at once need this.
    /// </summary>
    public static AppClient OverNetwork(Uri baseAddress, bool followRedirects = true)
    {
        var cookies = new CookieContainer();
        var following = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = baseAddress };
        var manual = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        return new AppClient(following, manual, cookies, followRedirects);
    }

    /// <summary>False: responses are returned as they come (a 302 stays a 302).</summary>
    public bool FollowRedirects { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The underlying client (cookies kept, redirects as <see cref="FollowRedirects"/>).</summary>
    public HttpClient Http => FollowRedirects ? _following : _manual;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>GETs a page that must answer 2xx and returns its parsed document.</summary>
    public async Task<IDocument> GetPageAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"GET {url} answered {(int)response.StatusCode} {response.StatusCode}"
                + (response.Headers.Location is { } location ? $" to {location}" : "")
                + $": {Truncate(await response.Content.ReadAsStringAsync())}");
        }

        return await ParseAsync(response);
    }

    /// <summary>Parses any response's body as HTML (for example a form posted back with errors).</summary>
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request
            .Content(html)
            .Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/")
            .Header("Content-Type", response.Content.Headers.ContentType?.ToString() ?? "text/html"));
    }

    /// <summary>
    /// GETs <paramref name="url"/>, takes the antiforgery token from its form (the first one, or the
    /// one matching <paramref name="formSelector"/>), and POSTs the fields to <paramref name="url"/>
    /// form-url-encoded. If the GET does not answer 2xx (for example a redirect to the login), the
    /// POST goes without a token so the test sees how the app answers it.
    /// </summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formSelector = null) =>
        PostFormAsync(Http, url, fields, formSelector);

    /// <inheritdoc cref="PostFormAsync(string, IEnumerable{KeyValuePair{string, string}}, string?)"/>
    public Task<HttpResponseMessage> PostFormAsync(string url, params (string Name, string Value)[] fields) =>
        PostFormAsync(Http, url, fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), formSelector: null);

    /// <summary>Signs in through the login form; throws (with the page's errors) unless the app redirects away from it.</summary>
    public async Task LoginAsync(string email, string password)
    {
        using var response = await PostFormAsync(
            _manual, LoginPath, [KeyValuePair.Create("Input.Email", email), KeyValuePair.Create("Input.Password", password)], formSelector: null);
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            && !location.Contains(LoginPath, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var errors = "";
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var page = await ParseAsync(response);
            errors = string.Join(" | ", page.QuerySelectorAll(".validation-summary-errors, .field-validation-error, [role=alert]")
                .Select(e => e.TextContent.Trim())
                .Where(t => t.Length > 0));
        }

        throw new InvalidOperationException(
            $"Login as {email} failed: {(int)response.StatusCode} {response.StatusCode}"
            + (location.Length > 0 ? $" to {location}" : "")
            + (errors.Length > 0 ? $"; page says: {errors}" : ""));
    }

    public void Dispose()
    {
        _following.Dispose();
        _manual.Dispose();
    }

    private async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formSelector)
    {
        var values = fields.ToList();
        using (var page = await _manual.GetAsync(url))
        {
            if (page.IsSuccessStatusCode)
            {
                var document = await ParseAsync(page);
                var token = FindToken(document, formSelector) ?? throw new InvalidOperationException(
                    $"GET {url} has no {AntiforgeryField} in {(formSelector is null ? "any form" : $"form '{formSelector}'")}.");
                values.RemoveAll(v => v.Key == AntiforgeryField);
                values.Add(KeyValuePair.Create(AntiforgeryField, token));
            }
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(url, content);
    }

    private static string? FindToken(IDocument document, string? formSelector)
    {
        var scope = formSelector is null ? document.DocumentElement : document.QuerySelector(formSelector);
        return (scope?.QuerySelector($"input[name='{AntiforgeryField}']") as IHtmlInputElement)?.Value;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
