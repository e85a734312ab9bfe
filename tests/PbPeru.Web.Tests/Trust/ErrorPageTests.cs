using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// The app with one test-only fault: any page asked with <see cref="FaultHeader"/> throws. Not
/// product code: a filter registered by this factory alone.
/// </summary>
public sealed class FaultyPbPeruFactory : PbPeruFactory
{
    public const string FaultHeader = "X-Trust-Fault";
    public const string SecretMessage = "Detalle interno secreto: cadena de conexión y pila";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(new ThrowingFilter())));
    }

    private sealed class ThrowingFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
            context.HttpContext.Request.Headers.ContainsKey(FaultHeader) && !context.HttpContext.Request.Path.StartsWithSegments("/Error")
                ? throw new InvalidOperationException(SecretMessage)
                : next();
    }
}

/// <summary>An unhandled exception shows the generic error page: no exception type, message or stack trace.</summary>
[Trait("Capability", "Trust")]
public sealed class ErrorPageTests(FaultyPbPeruFactory app) : IClassFixture<FaultyPbPeruFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Public/OpenData")]
    [InlineData("/Account/Login")]
    public async Task AnUnhandledException_ShowsTheGenericErrorPage_WithoutAnyInternalDetail(string address)
    {
        using var client = app.CreateAppClient(followRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Add(FaultyPbPeruFactory.FaultHeader, "1");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("Ocurrió un error", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain(FaultyPbPeruFactory.SecretMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bat (PbPeru|Microsoft|System)\.|\.cs:line \d+", body);
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }
}
