using System.Net;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Foundation;

/// <summary>
/// The site's icon: declared by every page of the layout (an SVG) and served at /favicon.ico for
/// the browsers and tools that ask there, so that no page load ends in a 404 in the console.
/// </summary>
[Trait("Capability", "Foundation")]
public sealed class FaviconTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task TheIcon_IsServedToAnyone(string address, string contentType)
    {
        using var client = app.CreateAppClient(followRedirects: false);
        using var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task EveryLayoutPage_DeclaresTheIcon()
    {
        using var client = app.CreateAppClient();
        var page = await client.Http.GetStringAsync("/");

        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\" />", page, StringComparison.Ordinal);
    }
}
