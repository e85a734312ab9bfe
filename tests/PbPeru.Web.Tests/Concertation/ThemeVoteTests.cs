using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>Accredited agents rank the themes (or spread points) inside the window; the result is public.</summary>
[Trait("Capability", "Concertation")]
public sealed class ThemeVoteTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_agent_casts_and_changes_its_ranking_and_the_results_are_public()
    {
        app.Clock.SetLimaDay(ProposalTestData.PrioritizationDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0803");
        var (water, roads, schools) = (data.ThemeIds[0], data.ThemeIds[1], data.ThemeIds[2]);
        using var titular = await data.SignedInAsync(data.Organization.Titular.Email);
        var url = $"/Agent/Themes/{data.CycleId}";
        Assert.NotNull((await titular.GetPageAsync("/Agent")).QuerySelector($"a[href='{url}']"));

        var repeated = await titular.SubmitAsync(url, "form.theme-vote-form", ($"Positions[{water}]", "1"), ($"Positions[{roads}]", "1"), ($"Positions[{schools}]", "3"));
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var repeatedErrors = (await AppClient.ParseAsync(repeated)).QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains("Ordene los 3 ejes del ciclo, cada uno una sola vez.", repeatedErrors, StringComparison.Ordinal);
        Assert.DoesNotContain("format", repeatedErrors, StringComparison.OrdinalIgnoreCase); // no binder noise in English
        Assert.Equal(0, await data.ReadAsync(db => db.ThemeVotes.CountAsync(v => v.CycleId == data.CycleId)));

        Assert.Equal(HttpStatusCode.Redirect, (await titular.SubmitAsync(url, "form.theme-vote-form", ($"Positions[{water}]", "1"), ($"Positions[{roads}]", "2"), ($"Positions[{schools}]", "3"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await titular.SubmitAsync(url, "form.theme-vote-form", ($"Positions[{water}]", "2"), ($"Positions[{roads}]", "3"), ($"Positions[{schools}]", "1"))).StatusCode);
        using var suplente = await data.SignedInAsync(data.Organization.Agents[1].Email);
        Assert.Equal(HttpStatusCode.Redirect, (await suplente.SubmitAsync(url, "form.theme-vote-form", ($"Positions[{water}]", "1"), ($"Positions[{roads}]", "3"), ($"Positions[{schools}]", "2"))).StatusCode);
        Assert.Equal(2, await data.ReadAsync(db => db.ThemeVotes.CountAsync(v => v.CycleId == data.CycleId)));

        using var anyone = app.CreateAppClient();
        var results = await anyone.GetPageAsync($"/Public/Themes/{data.CycleId}");
        var rows = results.QuerySelectorAll("table.theme-results tbody tr").Select(r => (r.GetAttribute("data-theme-id"), r.QuerySelector(".points")!.TextContent.Trim())).ToList();
        // Borda: schools 2+1 = 3, water 1+2 = 3 (tie: plan order puts water first), roads 0.
        Assert.Equal([(Id(water), "3"), (Id(schools), "3"), (Id(roads), "0")], rows);

        // Outside the window: refused on the server, the vote unchanged.
        var form = await titular.GetPageAsync(url);
        app.Clock.SetLimaDay(ProposalTestData.PrioritizationCloses.AddDays(1));
        await titular.LoginAsync(data.Organization.Titular.Email, ProposalTestData.Password); // a new day, a new session
        var late = await titular.SubmitAsync(form, "form.theme-vote-form", ($"Positions[{water}]", "1"), ($"Positions[{roads}]", "2"), ($"Positions[{schools}]", "3"));
        Assert.Contains("La priorización de ejes está cerrada", await late.Content.ReadAsStringAsync());
        var vote = await data.ReadAsync(db => db.ThemeVotes.Include(v => v.Entries).SingleAsync(v => v.AgentId == data.Organization.Titular.AgentId));
        Assert.Equal([schools, water, roads], vote.Ranking);

        // Not an agent of the cycle: no page.
        using var representative = await data.SignedInAsync(data.Organization.RepresentativeEmail);
        Assert.NotEqual(HttpStatusCode.OK, (await representative.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task With_points_the_total_must_match_and_before_the_window_nothing_is_taken()
    {
        app.Clock.SetLimaDay(ProposalTestData.BeforePrioritization);
        var data = await ProposalTestData.NewCycleAsync(app, "0804", r => r with { ThemeVoting = ThemeVoteMethod.Points, ThemePointsPerAgent = 10 });
        using var titular = await data.SignedInAsync(data.Organization.Titular.Email);
        var url = $"/Agent/Themes/{data.CycleId}";
        var early = await titular.PostWithTokenAsync($"/Proposals", url, ($"Points[{data.ThemeIds[0]}]", "10"));
        Assert.Contains("La priorización de ejes está cerrada", await early.Content.ReadAsStringAsync());

        app.Clock.SetLimaDay(ProposalTestData.PrioritizationDay);
        await titular.LoginAsync(data.Organization.Titular.Email, ProposalTestData.Password);
        var wrong = await titular.SubmitAsync(url, "form.theme-vote-form", ($"Points[{data.ThemeIds[0]}]", "6"), ($"Points[{data.ThemeIds[1]}]", "6"), ($"Points[{data.ThemeIds[2]}]", "0"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.DoesNotContain("format", (await AppClient.ParseAsync(wrong)).QuerySelector(".alert-danger")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await data.ReadAsync(db => db.ThemeVotes.CountAsync(v => v.CycleId == data.CycleId)));

        Assert.Equal(HttpStatusCode.Redirect, (await titular.SubmitAsync(url, "form.theme-vote-form", ($"Points[{data.ThemeIds[0]}]", "6"), ($"Points[{data.ThemeIds[1]}]", "4"), ($"Points[{data.ThemeIds[2]}]", "0"))).StatusCode);
        using var anyone = app.CreateAppClient();
        var results = await anyone.GetPageAsync($"/Public/Themes/{data.CycleId}");
        Assert.Equal("6", results.QuerySelector($"tr[data-theme-id='{Id(data.ThemeIds[0])}'] .points")!.TextContent.Trim());
    }
}
