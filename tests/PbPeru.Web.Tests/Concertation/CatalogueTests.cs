using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>The public catalogue of proposals: filters, search, pagination, states and no private data.</summary>
[Trait("Capability", "Concertation")]
public sealed class CatalogueTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Ubigeo = "0803";

    [Fact]
    public async Task The_catalogue_filters_searches_paginates_and_shows_no_private_data()
    {
        app.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);

        // 30 submitted: themes cycle 0,1,2; every third in the second district; titles numbered.
        var ids = new List<int>();
        for (var i = 1; i <= 30; i++)
        {
            var title = i % 3 == 2 ? $"Vía vecinal número {i:D2}" : i % 3 == 0 ? $"Educación inicial número {i:D2}" : $"Agua potable número {i:D2}";
            var district = i % 3 == 0 ? data.SecondDistrict : data.FirstDistrict;
            ids.Add(await data.ProposalAsync(ProposalTestData.Details(data, title: title, themeIndex: (i - 1) % 3, districts: [district]), at: ProposalTestData.Noon(ProposalTestData.SubmissionDay).AddMinutes(i)));
        }

        await data.ProposalAsync(ProposalTestData.Details(data, title: "Borrador secreto"), submit: false);
        var withdrawn = await data.ProposalAsync(ProposalTestData.Details(data, title: "Retirada del concurso"), submit: false);
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var p = await db.Proposals.SingleAsync(x => x.Id == withdrawn);
            p.Withdraw(cycle, ProposalTestData.SubmissionDay, ProposalTestData.Noon(ProposalTestData.SubmissionDay));
        });

        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        await data.ObserveAsync(ids[0], "Falta el plano de ubicación.");
        var (evaluator, _) = await data.AssignEvaluatorAsync(ids[1]);
        await data.RecordSheetAsync(ids[1], evaluator, Viability.NotViable, "El terreno no es de propiedad municipal.");

        using var anyone = app.CreateAppClient();
        var url = $"/Public/Proposals/{data.CycleId}";
        var first = await anyone.GetPageAsync(url);
        Assert.Contains("30", first.QuerySelector(".result-count")!.TextContent);
        Assert.Equal(25, first.QuerySelectorAll("table.catalogue tbody tr").Length);
        Assert.DoesNotContain("Borrador secreto", first.Body!.TextContent);
        var second = await anyone.GetPageAsync(url + "?page=2");
        Assert.Equal(5, second.QuerySelectorAll("table.catalogue tbody tr").Length);
        Assert.DoesNotContain("Retirada del concurso", first.Body!.TextContent + second.Body!.TextContent);

        var byTheme = await anyone.GetPageAsync($"{url}?theme={data.ThemeIds[1].ToString(CultureInfo.InvariantCulture)}");
        var rows = byTheme.QuerySelectorAll("table.catalogue tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Contains("Vía vecinal", r));

        var byDistrict = await anyone.GetPageAsync($"{url}?district={data.SecondDistrict}");
        Assert.Equal(10, byDistrict.QuerySelectorAll("table.catalogue tbody tr").Length);

        var search = await anyone.GetPageAsync($"{url}?q=EDUCACION+inicial");
        Assert.Equal(10, search.QuerySelectorAll("table.catalogue tbody tr").Length);
        var combined = await anyone.GetPageAsync($"{url}?q=numero+03&district={data.SecondDistrict}");
        Assert.Single(combined.QuerySelectorAll("table.catalogue tbody tr"));

        var observed = await anyone.GetPageAsync($"{url}?state=observada");
        Assert.Single(observed.QuerySelectorAll("table.catalogue tbody tr"));
        Assert.Contains("Agua potable número 01", observed.QuerySelector("table.catalogue")!.TextContent);
        var notViable = await anyone.GetPageAsync($"{url}?state=no-viable");
        Assert.Contains("Vía vecinal número 02", notViable.QuerySelector("table.catalogue")!.TextContent);
        Assert.Equal(28, (await anyone.GetPageAsync($"{url}?state=evaluacion")).QuerySelectorAll("table.catalogue tbody tr").Length + 3);
        Assert.NotNull((await anyone.GetPageAsync($"{url}?state=recomendada&q=nada")).QuerySelector(".empty-catalogue"));

        // The detail: the final verdict and its reason, never the evaluator or private data.
        var detail = await anyone.GetPageAsync($"{url}/{ids[1]}");
        Assert.Contains("El terreno no es de propiedad municipal.", detail.QuerySelector(".final-reason")!.TextContent);
        Assert.DoesNotContain("Evaluadora Técnica", detail.Body!.TextContent);
        var observedDetail = await anyone.GetPageAsync($"{url}/{ids[0]}");
        Assert.DoesNotContain("Falta el plano de ubicación.", observedDetail.Body!.TextContent);

        var html = string.Join("\n", new[] { first, second, detail, observedDetail }.Select(d => d.Body!.OuterHtml));
        foreach (var agent in data.Organization.Agents)
        {
            Assert.DoesNotContain(agent.Person.Dni, html);
            Assert.DoesNotContain(agent.Person.Phone!, html);
            Assert.DoesNotContain(agent.Email, html);
            Assert.DoesNotContain(agent.Person.Surnames, html);
        }

        Assert.DoesNotContain(data.Organization.RepresentativeEmail, html);

        // Drafts and withdrawn proposals have no public page.
        var draftId = await data.ReadAsync(db => db.Proposals.Where(p => p.Title == "Borrador secreto").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"{url}/{draftId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"{url}/{withdrawn}")).StatusCode);
    }
}
