using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// The committee election through its pages with the real antiforgery flow: the manager sets it up,
/// records a candidacy, opens, closes and counts (with confirmations); agents stand and vote; the
/// elected get the oversight role, and their rights stay in their own cycle.
/// </summary>
[Trait("Capability", "Formalization")]
public sealed class CommitteePageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task ManagerAndAgents_HoldTheElection_AndTheCountElectsByApprovals_WithTheMixedSexRule()
    {
        CommitteeIntegrityTests.UseSpanish();
        var data = await CommitteeTestData.CreateAsync(app);
        var (t, s) = (data.Cycle.Titulars, data.Cycle.Suplentes);
        using var manager = await data.SignedInAsync(data.ManagerEmail);

        // Set up, twice (a double submit): one election.
        using (var created = await manager.SubmitAsync(data.PageUrl, "form.create-form", ("Settings.Seats", "2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using (var again = await manager.PostWithTokenAsync(data.PageUrl, $"{data.PageUrl}?handler=Create", ("Settings.Seats", "2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var election = await ElectionAsync(data);
        Assert.Equal((2, true), (election.Seats, election.MixedSexRequired));

        // Candidacies: one recorded by the manager, two by the agents themselves.
        using (await manager.SubmitAsync(data.PageUrl, "form.add-candidate-form", ("AgentId", t[0].AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
        }

        foreach (var person in new[] { t[1], s[0] })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            using var agent = await data.SignedInAsync(person.Email);
            using var stood = await agent.SubmitAsync(data.AgentUrl, "form.stand-form");
            Assert.Equal(HttpStatusCode.Redirect, stood.StatusCode);
        }

        election = await ElectionAsync(data);
        Assert.Equal([t[0].AgentId, t[1].AgentId, s[0].AgentId], election.Candidates.Select(c => c.AgentId));
        Assert.True(election.Candidates[0].RecordedByManager);

        // Opening needs the confirmation.
        using (var unconfirmed = await manager.SubmitAsync(data.PageUrl, "form.open-form"))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.Contains("Marque la casilla para confirmar", (await AppClient.ParseAsync(unconfirmed)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.Null((await ElectionAsync(data)).OpensAt);
        using (await manager.SubmitAsync(data.PageUrl, "form.open-form", ("Confirm", "true")))
        {
        }

        Assert.Equal(CommitteeElectionState.Open, (await ElectionAsync(data)).StateAt(app.Clock.GetUtcNow()));

        // An agent marks too many: the message, nothing saved, marks kept.
        using var voter = await data.SignedInAsync(t[2].Email);
        var ballotPage = await voter.GetPageAsync(data.AgentUrl);
        using (var tooMany = await voter.SubmitAsync(ballotPage, "form.committee-ballot-form", Picks(t[0].AgentId, t[1].AgentId, s[0].AgentId)))
        {
            Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
            var page = await AppClient.ParseAsync(tooMany);
            Assert.Contains("Puede marcar hasta 2 candidatos y marcó 3", page.QuerySelector(".committee-errors")!.TextContent);
            Assert.Equal(3, page.QuerySelectorAll("form.committee-ballot-form input[name=Picked][checked]").Length);
        }

        Assert.Empty(await data.BallotsAsync(election.Id));

        // The same submission twice (a double click): one ballot.
        for (var i = 0; i < 2; i++)
        {
            using var cast = await voter.SubmitAsync(ballotPage, "form.committee-ballot-form", Picks(t[0].AgentId, t[1].AgentId));
            Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        }

        var ballot = Assert.Single(await data.BallotsAsync(election.Id));
        Assert.Equal(1, ballot.Revision);
        Assert.Equal(0, (await manager.GetPageAsync(data.PageUrl)).QuerySelectorAll("#tally").Length);

        foreach (var (person, picks) in new[] { (t[0], new[] { t[0].AgentId, t[1].AgentId }), (t[1], new[] { t[1].AgentId }) })
        {
            using var agent = await data.SignedInAsync(person.Email);
            using var cast = await agent.SubmitAsync(data.AgentUrl, "form.committee-ballot-form", Picks(picks));
            Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        }

        // Close and count, each confirmed.
        using (await manager.SubmitAsync(data.PageUrl, "form.close-form", ("Confirm", "true")))
        {
        }

        using (var unconfirmed = await manager.SubmitAsync(data.PageUrl, "form.count-form"))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        }

        Assert.False(await data.ReadAsync(db => CommitteeQueries.IsElectedAsync(db, data.CycleId, CancellationToken.None)));
        using (var counted = await manager.SubmitAsync(data.PageUrl, "form.count-form", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, counted.StatusCode);
        }

        // t[1] has 3 approvals, t[0] 2, s[0] none: two women lead, so the second seat goes to the man.
        var members = await data.ReadAsync(db => CommitteeQueries.MembersAsync(db, data.CycleId, CancellationToken.None));
        Assert.Equal([(t[1].AgentId, 1, 3L), (s[0].AgentId, 2, 0L)], members.Select(m => (m.AgentId, m.Rank, m.Votes)));
        Assert.True(await data.ReadAsync(db => CommitteeQueries.IsElectedAsync(db, data.CycleId, CancellationToken.None)));
        var result = await manager.GetPageAsync(data.PageUrl);
        Assert.Equal(2, result.QuerySelectorAll("#members .member").Length);
        Assert.Contains("por la regla de sexo", result.QuerySelector($"#tally .tally-row[data-agent='{s[0].AgentId}']")!.TextContent);
        Assert.Contains("más aprobaciones", result.QuerySelector("#tie-order")!.TextContent);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(t[1].Email))!, Roles.OversightCommittee));
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(s[0].Email))!, Roles.OversightCommittee));
        Assert.False(await users.IsInRoleAsync((await users.FindByEmailAsync(t[0].Email))!, Roles.OversightCommittee));
    }

    [Fact]
    public async Task AMemberOfOneCycle_SeesItsOverview_AndGets403OnAnotherCycleAndOnManagerPages()
    {
        var x = await CommitteeTestData.CreateAsync(app);
        var y = await CommitteeTestData.CreateAsync(app);
        var member = x.Cycle.Titulars[0];
        await x.ElectAsync(1, [member.AgentId], [(member.AgentId, [member.AgentId])]);
        await y.ElectAsync(1, [y.Cycle.Titulars[0].AgentId], [(y.Cycle.Titulars[0].AgentId, [y.Cycle.Titulars[0].AgentId])]);

        using var client = await x.SignedInAsync(member.Email);
        var mine = await client.GetPageAsync("/Oversight");
        Assert.Equal([x.CycleId.ToString(System.Globalization.CultureInfo.InvariantCulture)], mine.QuerySelectorAll(".committee-row").Select(r => r.GetAttribute("data-cycle-id")));
        var overview = await client.GetPageAsync($"/Oversight/Cycle/{x.CycleId}");
        Assert.Contains("Rosa Titular 1", overview.QuerySelector("#members")!.TextContent);

        foreach (var url in new[] { $"/Oversight/Cycle/{y.CycleId}", $"/Cycles/Committee/{x.CycleId}", $"/Cycles/Dashboard/{x.CycleId}", $"/Committee/Election/{y.CycleId}" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {response.StatusCode}");
        }

        using var anonymous = app.CreateAppClient(followRedirects: false);
        using var login = await anonymous.GetAsync($"/Oversight/Cycle/{x.CycleId}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(AppClient.LoginPath, login.Headers.Location!.ToString());
    }

    private static (string Name, string Value)[] Picks(params int[] agentIds) =>
        [.. agentIds.Select(id => ("Picked", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    private static Task<CommitteeElection> ElectionAsync(CommitteeTestData data) =>
        data.ReadAsync(async db => (await CommitteeQueries.OfCycleAsync(db, data.CycleId, tracking: false, CancellationToken.None))!);
}
