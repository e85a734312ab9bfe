using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Registration;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicList;

/// <summary>The public list of accredited agents and the public representation statistics.</summary>
[Trait("Capability", "Preparation")]
public sealed class PublicListTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private static IReadOnlyList<string> Names(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".agents-list tbody th.agent-name").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task AgentsList_BeforeThePreliminaryListIsPublished_SaysSoWithItsCalendarDate()
    {
        var data = await PublicListData.NewCycleAsync(app);
        await data.OrganizationAsync("Junta Vecinal Tupac Amaru", OrganizationType.NeighbourhoodAssociation, "080101", OrganizationStatus.Accepted,
            data.Person("Lucía", "Ramos Quispe", Sex.Female));
        app.Clock.SetLimaDay(PublicListData.RegistrationDay);
        using var client = app.CreateAppClient(followRedirects: false);

        var page = await client.GetPageAsync($"/Public/Agents/{data.CycleId}");

        var empty = page.QuerySelector("#list-not-published")!;
        Assert.Contains("La lista preliminar aún no ha sido publicada", empty.TextContent);
        Assert.Equal("2027-01-18", empty.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.DoesNotContain("Lucía", page.Body!.TextContent);
        Assert.Null(page.QuerySelector(".agents-list"));
    }

    [Fact]
    public async Task AgentsList_AfterPublication_ShowsAccreditedAgentsOfAcceptedOrganizationsWithNameOrganizationTypeAndDistrict()
    {
        var data = await PublicListData.NewCycleAsync(app);
        await data.OrganizationAsync("Club de Madres Santa Rosa", OrganizationType.WomensOrganization, "080104", OrganizationStatus.Accepted,
            data.Person("Rosa", "Huamán Ccori", Sex.Female), data.Person("Elena", "Puma Tito", Sex.Female));
        await data.OrganizationAsync("Asociación Observada", OrganizationType.Producers, "080101", OrganizationStatus.Observed,
            data.Person("Oscar", "Observado Mamani", Sex.Male));
        await data.OrganizationAsync("Asociación Rechazada", OrganizationType.Other, "080101", OrganizationStatus.Rejected,
            data.Person("Raúl", "Rechazado Condori", Sex.Male));
        await data.OrganizationAsync("Asociación Enviada", OrganizationType.Youth, "080101", OrganizationStatus.Submitted,
            data.Person("Sandra", "Pendiente Layme", Sex.Female));
        await data.PublishPreliminaryAsync();
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        using var client = app.CreateAppClient(followRedirects: false);

        var page = await client.GetPageAsync($"/Public/Agents/{data.CycleId}");

        Assert.Contains("Lista preliminar", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("2027-01-18", page.QuerySelector("#list-status time")!.GetAttribute("datetime"));
        Assert.Equal(["Nombre", "Condición", "Organización", "Tipo de organización", "Distrito"],
            page.QuerySelectorAll(".agents-list thead th").Select(e => e.TextContent.Trim()).Where(t => t != "Impugnación"));
        var rows = page.QuerySelectorAll(".agents-list tbody tr")
            .Select(tr => new[] { ".agent-name", ".agent-role", ".agent-organization", ".agent-type", ".agent-district" }
                .Select(cell => tr.QuerySelector(cell)!.ChildNodes.First().TextContent.Trim()).ToList())
            .ToList();
        Assert.Equal(
            [
                ["Rosa Huamán Ccori", "Titular", "Club de Madres Santa Rosa", "Organización de mujeres", "San Jerónimo (Cusco)"],
                ["Elena Puma Tito", "Suplente", "Club de Madres Santa Rosa", "Organización de mujeres", "San Jerónimo (Cusco)"],
            ],
            rows);
        Assert.Contains("2 agentes acreditados de 1 organización.", page.QuerySelector("#list-count")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[style]"));

        // While challenges are open, every row offers one.
        Assert.Equal(2, page.QuerySelectorAll(".agents-list a.challenge-link[href^='/Challenges/File?agentId=']").Length);
    }

    [Fact]
    public async Task PublicPages_HoldNoDniPhoneEmailOrBirthDateOfAnyAgent()
    {
        var data = await PublicListData.NewCycleAsync(app);
        await data.OrganizationAsync("Comunidad Campesina de Ccorca", OrganizationType.IndigenousOrPeasantCommunity, "080102", OrganizationStatus.Accepted,
            data.Person("Julián", "Ccorca Huillca", Sex.Male), data.Person("María", "Quispe Illa", Sex.Female));
        await data.OrganizationAsync("Asociación de Jóvenes de Poroy", OrganizationType.Youth, "080103", OrganizationStatus.Accepted,
            data.Person("Kevin", "Poroy Sánchez", Sex.Male), data.Person("Ana", "Luna Tito", Sex.Female));
        await data.OrganizationAsync("ONG Enviada", OrganizationType.Ngo, "080101", OrganizationStatus.Submitted,
            data.Person("Pedro", "Sin Aceptar", Sex.Male));
        await data.PublishPreliminaryAsync();
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        using var client = app.CreateAppClient(followRedirects: false);

        var urls = new List<string>
        {
            $"/Public/Agents/{data.CycleId}",
            $"/Public/Agents/{data.CycleId}?all=true",
            $"/Public/Agents/{data.CycleId}?q=quispe",
            $"/Public/Representation/{data.CycleId}",
        };
        using (var call = await client.GetAsync($"/Public/Call/{data.CycleId}"))
        {
            if (call.StatusCode != HttpStatusCode.NotFound)
            {
                urls.Add($"/Public/Call/{data.CycleId}");
            }
        }

        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            foreach (var person in data.People)
            {
                Assert.DoesNotContain(person.Dni, html, StringComparison.Ordinal);
                Assert.DoesNotContain(person.Phone!, html, StringComparison.Ordinal);
                Assert.DoesNotContain(person.Email!, html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
                Assert.DoesNotContain(person.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
            }
        }

        // The list itself does show the accredited people, so the scan above looked at a full page.
        var list = await client.GetPageAsync($"/Public/Agents/{data.CycleId}");
        Assert.Equal(4, list.QuerySelectorAll(".agents-list tbody tr").Length);
    }

    [Fact]
    public async Task AgentsList_FiltersByTypeAndDistrict_SearchesNameOrOrganization_AndPaginatesBy50()
    {
        var data = await PublicListData.NewCycleAsync(app);
        for (var i = 1; i <= 27; i++)
        {
            var district = i % 3 == 0 ? "080108" : "080105";
            var type = i % 2 == 0 ? OrganizationType.Producers : OrganizationType.NeighbourhoodAssociation;
            await data.OrganizationAsync($"Organización {i:00}", type, district, OrganizationStatus.Accepted,
                data.Person($"Titular{i:00}", "Apaza", Sex.Female), data.Person($"Suplente{i:00}", "Ccama", Sex.Male));
        }

        await data.PublishPreliminaryAsync();
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        using var client = app.CreateAppClient(followRedirects: false);
        var url = $"/Public/Agents/{data.CycleId}";

        var first = await client.GetPageAsync(url);
        Assert.Equal(50, first.QuerySelectorAll(".agents-list tbody tr").Length);
        Assert.NotNull(first.QuerySelector(".pagination a[rel=next]"));
        var second = await client.GetPageAsync($"{url}?page=2");
        Assert.Equal(["Titular26 Apaza", "Suplente26 Ccama", "Titular27 Apaza", "Suplente27 Ccama"], Names(second));
        var all = await client.GetPageAsync($"{url}?all=true");
        Assert.Equal(54, all.QuerySelectorAll(".agents-list tbody tr").Length);

        var producers = await client.GetPageAsync($"{url}?type=Producers");
        Assert.Equal(26, producers.QuerySelectorAll(".agents-list tbody tr").Length);
        Assert.All(producers.QuerySelectorAll(".agents-list tbody td.agent-type"), td => Assert.Equal("Asociación de productores", td.TextContent.Trim()));

        var wanchaq = await client.GetPageAsync($"{url}?district=080108");
        Assert.Equal(18, wanchaq.QuerySelectorAll(".agents-list tbody tr").Length);
        Assert.Contains(wanchaq.QuerySelectorAll("#district option"), o => o.GetAttribute("value") == "080108" && o.HasAttribute("selected"));

        var both = await client.GetPageAsync($"{url}?district=080108&type=Producers");
        Assert.Equal(8, both.QuerySelectorAll(".agents-list tbody tr").Length);

        var byName = await client.GetPageAsync($"{url}?q=titular07");
        Assert.Equal(["Titular07 Apaza"], Names(byName));
        var byFullName = await client.GetPageAsync($"{url}?q={Uri.EscapeDataString("Suplente12 ccama")}");
        Assert.Equal(["Suplente12 Ccama"], Names(byFullName));
        var byOrganization = await client.GetPageAsync($"{url}?q={Uri.EscapeDataString("organización 13")}");
        Assert.Equal(["Titular13 Apaza", "Suplente13 Ccama"], Names(byOrganization));
        var none = await client.GetPageAsync($"{url}?q=nadie");
        Assert.Contains("Ningún agente coincide", none.QuerySelector("#list-empty")!.TextContent);
    }

    [Fact]
    public async Task AgentsList_WhenAChallengeIsUpheld_NoLongerShowsTheAgent_AndTheFinalListSaysSo()
    {
        var data = await PublicListData.NewCycleAsync(app);
        var kept = await data.OrganizationAsync("Comité de Regantes de Saylla", OrganizationType.Producers, "080107", OrganizationStatus.Accepted,
            data.Person("Teodoro", "Saylla Mayta", Sex.Male), data.Person("Irma", "Choque Quispe", Sex.Female));
        await data.PublishPreliminaryAsync();
        var (_, filerId) = await data.SignedInPersonAsync();
        var challengeId = await data.FileChallengeAsync(kept.AgentIds[1], filerId, "Vecina Impugnante", "No vive en el distrito.");
        await data.RuleAsync(challengeId, upheld: true, "Se comprobó que reside en otra provincia.");
        app.Clock.SetLimaDay(PublicListData.AfterChallenges);
        using var client = app.CreateAppClient(followRedirects: false);

        var preliminary = await client.GetPageAsync($"/Public/Agents/{data.CycleId}");
        Assert.Equal(["Teodoro Saylla Mayta"], Names(preliminary));
        Assert.Null(preliminary.QuerySelector("a.challenge-link"));

        await data.PublishFinalAsync();
        var final = await client.GetPageAsync($"/Public/Agents/{data.CycleId}");
        Assert.Contains("Lista final", final.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Teodoro Saylla Mayta"], Names(final));
        Assert.Equal("2027-01-27", final.QuerySelector("#list-status time")!.GetAttribute("datetime"));

        var representation = await client.GetPageAsync($"/Public/Representation/{data.CycleId}");
        Assert.Equal("1", representation.QuerySelector("#total-agents")!.TextContent.Trim());
    }

    [Fact]
    public async Task AgentsList_OfADraftOrUnknownCycle_IsNotFound()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var unknown = await client.GetAsync("/Public/Agents/999999");
        using var unknownStats = await client.GetAsync("/Public/Representation/999999");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownStats.StatusCode);
    }

    [Fact]
    public async Task Representation_ShowsCountsPercentagesAndTheQuota_InAccessibleTablesWithoutInlineStyles()
    {
        var data = await PublicListData.NewCycleAsync(app);

        // Titulars: 1 woman of 4 (25 %, under the default soft 30 % quota); suplentes: 2 women, 1 man.
        await data.OrganizationAsync("Club de Madres Wanchaq", OrganizationType.WomensOrganization, "080108", OrganizationStatus.Accepted,
            data.Person("Flor", "Wanchaq Soto", Sex.Female, new DateOnly(1995, 3, 1)), data.Person("Luz", "Wanchaq Rojas", Sex.Female, new DateOnly(1960, 3, 1)));
        await data.OrganizationAsync("Junta Vecinal Santiago", OrganizationType.NeighbourhoodAssociation, "080106", OrganizationStatus.Accepted,
            data.Person("Mario", "Santiago Paz", Sex.Male, new DateOnly(1980, 3, 1)), data.Person("Nora", "Santiago Cruz", Sex.Female, new DateOnly(1990, 3, 1)));
        await data.OrganizationAsync("Asociación de Productores de Santiago", OrganizationType.Producers, "080106", OrganizationStatus.Accepted,
            data.Person("Hugo", "Santiago Vera", Sex.Male, new DateOnly(1970, 3, 1)), data.Person("Iván", "Santiago Lima", Sex.Male, new DateOnly(2000, 3, 1)));
        await data.OrganizationAsync("Colegio de Ingenieros", OrganizationType.ProfessionalAssociation, "080101", OrganizationStatus.Accepted,
            data.Person("José", "Cusco Alvarez", Sex.Male, new DateOnly(1985, 3, 1)));
        await data.PublishPreliminaryAsync();
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.GetAsync($"/Public/Representation/{data.CycleId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);

        Assert.Equal("7", page.QuerySelector("#total-agents")!.TextContent.Trim());
        Assert.Equal("4", page.QuerySelector("#total-organizations")!.TextContent.Trim());
        string[] Row(string table, string label) => page.QuerySelectorAll($"#{table} tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == label)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Where(t => t.Length > 0).ToArray();
        Assert.Equal(["3", "42.9 %"], Row("by-sex", "Mujeres"));
        Assert.Equal(["4", "57.1 %"], Row("by-sex", "Hombres"));
        Assert.Equal(["4", "57.1 %", "1", "25.0 %"], Row("by-district", "Santiago (Cusco)"));
        Assert.Equal(["2", "28.6 %", "2", "100.0 %"], Row("by-type", "Organización de mujeres"));
        Assert.Equal(["0", "0.0 %", "0", "—"], Row("by-type", "Organización juvenil"));
        Assert.Equal(["1", "14.3 %", "0", "0.0 %"], Row("by-age", "De 18 a 29 años"));
        Assert.Equal(["3", "42.9 %", "2", "66.7 %"], Row("by-age", "De 30 a 44 años"));
        Assert.Equal(["1", "14.3 %", "1", "100.0 %"], Row("by-age", "De 60 años a más"));

        Assert.Contains("30.0 %", page.QuerySelector("#quota-target")!.TextContent);
        Assert.Contains("Mujeres: 1 de 4 titulares (25.0 %)", page.QuerySelector("#quota-current")!.TextContent);
        Assert.Contains("Mujeres titulares que faltan para alcanzarla: 1.", page.QuerySelector("#quota-met")!.TextContent);
        var meter = page.QuerySelector("meter#quota-meter")!;
        Assert.Equal(("25.0", "30.0"), (meter.GetAttribute("value"), meter.GetAttribute("low")));

        Assert.All(page.QuerySelectorAll("table.representation-table"), table => Assert.NotEmpty(table.QuerySelector("caption")!.TextContent.Trim()));
        Assert.All(page.QuerySelectorAll("table.representation-table thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.NotEmpty(page.QuerySelectorAll("table.representation-table tbody meter"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Representation_BeforeThePreliminaryList_ShowsNoFigures()
    {
        var data = await PublicListData.NewCycleAsync(app);
        await data.OrganizationAsync("Junta Vecinal Sin Lista", OrganizationType.NeighbourhoodAssociation, "080101", OrganizationStatus.Accepted,
            data.Person("Carla", "Sin Lista", Sex.Female));
        using var client = app.CreateAppClient(followRedirects: false);

        var page = await client.GetPageAsync($"/Public/Representation/{data.CycleId}");

        Assert.NotNull(page.QuerySelector("#list-not-published"));
        Assert.Null(page.QuerySelector("#total-agents"));
    }

    [Fact]
    public async Task AgentsList_With2000Agents_PaginatesEveryFilterWithoutLoadingTheWholeList()
    {
        var data = await PublicListData.NewCycleAsync(app);
        await data.WriteAsync(async db =>
        {
            var cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == data.CycleId);
            var representative = await app.CreateUserAsync($"rep-mil-{Guid.NewGuid():N}@prueba.pe", "Representante de Mil", PublicListData.Password, []);
            var districts = new[] { "080101", "080104", "080105", "080106", "080108" };
            for (var i = 0; i < 1000; i++)
            {
                var organization = Organization.Register(cycle, representative.Id,
                    new OrganizationDetails($"Organización masiva {i:0000}", (OrganizationType)(i % 8), RegistryKind.MunicipalRegistry, $"RM-{i}", districts[i % 5], "Jr. Uno 1", "Legal"),
                    PublicListData.RegistrationDay, PublicListData.Noon(PublicListData.RegistrationDay));
                organization.AddAgent(cycle, data.Person($"Titular{i}", "Masivo", i % 3 == 0 ? Sex.Female : Sex.Male), AgentRole.Titular, false, PublicListData.RegistrationDay);
                organization.AddAgent(cycle, data.Person($"Suplente{i}", "Masivo", Sex.Female), AgentRole.Suplente, false, PublicListData.RegistrationDay);
                organization.AddDocument(cycle, "a.pdf", $"k{i}", "application/pdf", 10, new string('b', 64), PublicListData.RegistrationDay, PublicListData.Noon(PublicListData.RegistrationDay));
                organization.Submit(cycle, PublicListData.RegistrationDay, PublicListData.Noon(PublicListData.RegistrationDay));
                organization.Accept(cycle, data.Manager, PublicListData.Noon(PublicListData.RegistrationDay));
                db.Organizations.Add(organization);
            }
        });
        await data.PublishPreliminaryAsync();

        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        using var client = app.CreateAppClient(followRedirects: false);
        var url = $"/Public/Agents/{data.CycleId}";

        // Speed is measured by tests/PbPeru.Benchmarks, not here; this checks each view pages.
        foreach (var query in new[] { "", "?page=20", "?type=Ngo&page=2", "?q=masiva%2007", "?district=080105&page=3" })
        {
            var page = await client.GetPageAsync(url + query);
            var rows = page.QuerySelectorAll(".agents-list tbody tr").Length;
            Assert.InRange(rows, 1, 50);
        }

        var all = await client.GetPageAsync(url + "?all=true");
        Assert.True(all.QuerySelectorAll(".agents-list tbody tr").Length >= 2000);
    }
}
