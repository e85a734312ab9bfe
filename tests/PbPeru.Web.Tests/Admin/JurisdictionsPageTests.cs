using System.Net;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Admin;

[Trait("Capability", "Foundation")]
public sealed class JurisdictionsPageTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    [Fact]
    public async Task Index_ByDefault_ListsThe25Departments()
    {
        using var client = await app.SignInAsAdministratorAsync();

        var page = await client.GetPageAsync("/Admin/Jurisdictions");

        var rows = page.TableRows();
        Assert.Equal(25, rows.Count);
        Assert.Equal("Departamentos del Perú", page.QuerySelector("caption")?.TextContent.Trim());
        var cusco = rows.Single(r => r.Cells()[0] == "08").Cells();
        Assert.Equal(["08", "Cusco", "Departamento", "Gobierno regional", "1,406,165"], cusco);
        Assert.Null(page.QuerySelector("nav .pagination"));
    }

    [Fact]
    public async Task Index_WithParent08_ListsCuscosThirteenProvincesUnderABreadcrumb()
    {
        using var client = await app.SignInAsAdministratorAsync();

        var page = await client.GetPageAsync("/Admin/Jurisdictions?parent=08");

        var rows = page.TableRows();
        Assert.Equal(13, rows.Count);
        Assert.All(rows, r => Assert.Equal("Provincia", r.Cells()[2]));
        Assert.All(rows, r => Assert.Equal("Municipalidad provincial", r.Cells()[3]));
        Assert.Equal("0801", rows[0].Cells()[0]);
        Assert.Equal("/Admin/Jurisdictions?parent=0801", rows[0].QuerySelector("a")?.GetAttribute("href"));

        var crumbs = page.QuerySelectorAll(".breadcrumb li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Administración", "Perú", "Cusco"], crumbs);
        Assert.Equal("/Admin/Jurisdictions", page.QuerySelectorAll(".breadcrumb a")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task Index_WithParentProvince_ShowsTheCapitalDistrictGovernedByTheProvince()
    {
        using var client = await app.SignInAsAdministratorAsync();

        var page = await client.GetPageAsync("/Admin/Jurisdictions?parent=0801");

        var rows = page.TableRows();
        Assert.Equal(8, rows.Count);
        Assert.Equal("Capital de provincia: la gobierna la municipalidad provincial", rows[0].Cells()[3]);
        Assert.Equal("Municipalidad distrital", rows[1].Cells()[3]);
        var crumbs = page.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/Admin", "/Admin/Jurisdictions", "/Admin/Jurisdictions?parent=08"], crumbs);
    }

    [Theory]
    [InlineData("apurimac", "03", "Apurímac")]
    [InlineData("APURÍMAC", "03", "Apurímac")]
    [InlineData("nepeña", "021806", "Nepeña")]
    [InlineData("NEPENA", "021806", "Nepeña")]
    public async Task Search_ByName_IgnoresCaseAndAccents(string q, string ubigeo, string name)
    {
        using var client = await app.SignInAsAdministratorAsync();

        var page = await client.GetPageAsync($"/Admin/Jurisdictions?q={Uri.EscapeDataString(q)}");

        var row = page.TableRows().Select(r => r.Cells()).First(c => c[0] == ubigeo);
        Assert.StartsWith(name, row[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByUbigeo_FindsThePlaceAndEverythingUnderIt()
    {
        using var client = await app.SignInAsAdministratorAsync();

        var page = await client.GetPageAsync("/Admin/Jurisdictions?q=0801");

        var codes = page.TableRows().Select(r => r.Cells()[0]).ToList();
        Assert.Equal(["0801", "080101", "080102", "080103", "080104", "080105", "080106", "080107", "080108"], codes);
    }

    [Fact]
    public async Task Search_UnderAParent_OnlyLooksInsideIt()
    {
        using var client = await app.SignInAsAdministratorAsync();

        var page = await client.GetPageAsync("/Admin/Jurisdictions?parent=08&q=san");

        var codes = page.TableRows().Select(r => r.Cells()[0]).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.StartsWith("08", c, StringComparison.Ordinal));
        Assert.Contains("080104", codes); // San Jerónimo
    }

    [Fact]
    public async Task Search_WithoutMatches_SaysSo()
    {
        using var client = await app.SignInAsAdministratorAsync();

        var page = await client.GetPageAsync("/Admin/Jurisdictions?q=Atlantida");

        Assert.Empty(page.TableRows());
        Assert.Equal("Ninguna jurisdicción coincide con «Atlantida».", page.QuerySelector(".alert-info")?.TextContent.Trim());
    }

    [Fact]
    public async Task LevelFilter_Districts_Shows50PerPageWithPageLinks()
    {
        using var client = await app.SignInAsAdministratorAsync();

        var first = await client.GetPageAsync("/Admin/Jurisdictions?level=District");
        var last = await client.GetPageAsync("/Admin/Jurisdictions?level=District&page=38");

        Assert.Equal(50, first.TableRows().Count);
        Assert.Contains("1,891 jurisdicciones · página 1 de 38", first.QuerySelector("main p[role=status]")?.TextContent);
        var pageLinks = first.QuerySelectorAll(".pagination a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/Admin/Jurisdictions?level=District&page=2", pageLinks);
        Assert.Contains("/Admin/Jurisdictions?level=District&page=38", pageLinks);
        Assert.Equal("1", first.QuerySelector(".pagination [aria-current=page]")?.TextContent.Trim());

        Assert.Equal(1891 - 37 * 50, last.TableRows().Count);
        Assert.Equal("250401", last.TableRows()[^1].Cells()[0]);
        Assert.All(last.TableRows(), r => Assert.Equal("Distrito", r.Cells()[2]));
    }

    [Fact]
    public async Task Index_WithUnknownParent_Is404()
    {
        using var client = await app.SignInAsAdministratorAsync();

        using var response = await client.GetAsync("/Admin/Jurisdictions?parent=99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
