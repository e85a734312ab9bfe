using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Cycles;

[Trait("Capability", "Foundation")]
public sealed class CreateCycleTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string CreateForm = "form[method=post]:not([action='/Culture']):not([action='/Account/Logout'])";

    [Fact]
    public async Task CreateCycle_WithValidInput_StoresItInDraftAndShowsItsDashboard()
    {
        using var client = await CycleTestData.SignedInManagerAsync(app, "0803");

        using var response = await client.SubmitAsync("/Cycles/Create", CreateForm, CycleTestData.CreateFields("0803", 2028, ceiling: "S/ 3,750,000.50"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cycle = await CycleTestData.FindCycleAsync(app, "0803", 2028);
        Assert.NotNull(cycle);
        Assert.Equal(Phase.Draft, cycle.Phase);
        Assert.Equal(375_000_050, cycle.Ceiling.Centimos);
        Assert.Equal(5, cycle.Criteria.Count);
        Assert.Equal($"/Cycles/Dashboard/{cycle.Id}", response.Headers.Location?.OriginalString);

        var dashboard = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Presupuesto Participativo de prueba", dashboard.QuerySelector("h1")!.TextContent);
        Assert.Contains("S/ 3,750,000.50", dashboard.Body!.TextContent);
        Assert.Contains("Municipalidad Provincial de Anta", dashboard.Body!.TextContent);
    }

    public static TheoryData<string, string, string, string> InvalidInputs => new()
    {
        // field, name, ceiling, expected Spanish message beside the field
        { "Input.Name", "", "1000", "Escriba el nombre del ciclo." },
        { "Input.Name", new string('x', Cycle.MaxNameLength + 1), "1000", "El nombre admite como máximo 200 caracteres." },
        { "Input.Ceiling", "Ciclo", "0", "El techo presupuestal debe ser un monto en soles mayor que cero" },
        { "Input.Ceiling", "Ciclo", "-5000", "El techo presupuestal debe ser un monto en soles mayor que cero" },
        { "Input.Ceiling", "Ciclo", "mil soles", "El techo presupuestal debe ser un monto en soles mayor que cero" },
        { "Input.Ceiling", "Ciclo", "1000.005", "El techo presupuestal debe ser un monto en soles mayor que cero" },
        { "Input.Ceiling", "Ciclo", "", "Indique el techo presupuestal en soles." },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task CreateCycle_WithInvalidInput_ShowsTheFieldMessageInSpanishAndSavesNothing(string field, string name, string ceiling, string message)
    {
        using var client = await CycleTestData.SignedInManagerAsync(app, "0804");
        var before = await CycleTestData.ReadAsync(app, db => db.Cycles.CountAsync());

        using var response = await client.SubmitAsync("/Cycles/Create", CreateForm, CycleTestData.CreateFields("0804", 2029, name, ceiling));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        var fieldMessage = page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
        Assert.Contains(message, fieldMessage);
        Assert.Equal(before, await CycleTestData.ReadAsync(app, db => db.Cycles.CountAsync()));
    }

    [Fact]
    public async Task CreateCycle_WithYearTypedAsLetters_ShowsASpanishMessage()
    {
        using var client = await CycleTestData.SignedInManagerAsync(app, "0804");

        using var response = await client.SubmitAsync("/Cycles/Create", CreateForm, ("Input.FiscalYear", "dos mil"), ("Input.Name", "Ciclo"), ("Input.Ceiling", "1000"));

        var page = await AppClient.ParseAsync(response);
        Assert.Contains("no es válido", page.QuerySelector("[data-valmsg-for='Input.FiscalYear']")!.TextContent);
        Assert.Null(await CycleTestData.FindCycleAsync(app, "0804", 2029));
    }

    [Fact]
    public async Task CreateCycle_SecondForSameJurisdictionAndYear_IsRefusedWithAMessage()
    {
        using var client = await CycleTestData.SignedInManagerAsync(app, "0805");
        using (var first = await client.SubmitAsync("/Cycles/Create", CreateForm, CycleTestData.CreateFields("0805", 2028)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await client.SubmitAsync("/Cycles/Create", CreateForm, CycleTestData.CreateFields("0805", 2028, name: "Otro ciclo"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await AppClient.ParseAsync(second);
        Assert.Contains("Ya existe un ciclo de esta jurisdicción para el año fiscal 2028.", page.QuerySelector("[data-valmsg-for='Input.FiscalYear']")!.TextContent);
        Assert.Equal(1, await CycleTestData.ReadAsync(app, db => db.Cycles.CountAsync(c => c.JurisdictionUbigeo == "0805")));
    }

    [Fact]
    public async Task CreateCycle_SameFormSentTwiceAtOnce_MakesOneCycle()
    {
        using var client = await CycleTestData.SignedInManagerAsync(app, "0806");
        var form = await client.GetPageAsync("/Cycles/Create");

        // A double click: the same form, with the same key, twice in parallel.
        var responses = await Task.WhenAll(
            client.SubmitAsync(form, CreateForm, CycleTestData.CreateFields("0806", 2028)),
            client.SubmitAsync(form, CreateForm, CycleTestData.CreateFields("0806", 2028)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await CycleTestData.ReadAsync(app, db => db.Cycles.CountAsync(c => c.JurisdictionUbigeo == "0806")));
    }

    [Fact]
    public async Task CreateCycle_ForAJurisdictionTheManagerDoesNotManage_IsRefused()
    {
        using var client = await CycleTestData.SignedInManagerAsync(app, "0807");

        using var response = await client.SubmitAsync("/Cycles/Create", CreateForm, CycleTestData.CreateFields("0808", 2028));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await CycleTestData.FindCycleAsync(app, "0808", 2028));
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.OrganizationRepresentative)]
    [InlineData(Roles.TechnicalTeam)]
    [InlineData(Roles.Administrator)]
    public async Task CyclePages_ForAnotherRole_Answer403(string role)
    {
        using var client = await CycleTestData.SignedInAsync(app, role);

        using var list = await client.GetAsync("/Cycles");
        using var create = await client.GetAsync("/Cycles/Create");
        using var post = await client.PostFormAsync("/Cycles/Create", CycleTestData.CreateFields("08", 2030));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Null(await CycleTestData.FindCycleAsync(app, "08", 2030));
    }

    [Theory]
    [InlineData("/Cycles")]
    [InlineData("/Cycles/Create")]
    [InlineData("/Cycles/Dashboard/1")]
    [InlineData("/Cycles/Rules/1")]
    public async Task CyclePages_ForAnAnonymousVisitor_RedirectToLogin(string url)
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task CreateCycle_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await CycleTestData.SignedInManagerAsync(app, "0809");
        using var content = new FormUrlEncodedContent(CycleTestData.CreateFields("0809", 2028).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

        using var response = await client.Http.PostAsync("/Cycles/Create", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await CycleTestData.FindCycleAsync(app, "0809", 2028));
    }
}
