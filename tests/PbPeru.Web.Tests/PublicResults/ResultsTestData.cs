using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// A cycle of a province with a computed result of <c>projects</c> approved projects and
/// <c>organizations</c> extra organizations (a titular and a suplente each), built through the domain
/// in bulk (no account per agent): the public results page's tests and the <c>results</c> benchmark.
/// <para>Organization <c>i</c>: type <c>i % 8</c>, district <c>i % districts</c>; accepted unless
/// <c>i % 5 == 4</c> (its agents are then not accredited); the titular is a woman when <c>i % 3 == 0</c>,
/// the suplente when <c>i % 2 == 0</c>; born as <see cref="TitularBirth"/> and <see cref="SuplenteBirth"/> say.</para>
/// <para>Project <c>k</c> (ballot position k+1; every one supported and within the budget, so all are approved): theme <c>k % 3</c>,
/// district <c>k % districts</c> (and the next one too when <c>k % 4 == 0</c>), cost 5,000 + k soles.</para>
/// The cycle stays in Formalization; <see cref="PublishAsync"/> moves it to Published.
/// </summary>
public sealed class ResultsTestData
{
    private ResultsTestData(ConcertationCycle data, IReadOnlyList<string> districts)
    {
        Data = data;
        Districts = districts;
    }

    public ConcertationCycle Data { get; }

    public int Id => Data.CycleId;

    public PbPeruFactory App => Data.App;

    /// <summary>The province's districts, by ubigeo.</summary>
    public IReadOnlyList<string> Districts { get; }

    public static string ProjectName(int k) => string.Create(CultureInfo.InvariantCulture, $"Proyecto de prueba Ñuñoa-{k:D3}: mejoramiento del servicio");

    public static Money ProjectCost(int k) => Money.FromSoles(5_000m + k);

    /// <summary>The day the organizations register (the test cycles' registration window).</summary>
    public static DateOnly RegistrationDay { get; } = new(2027, 1, 8);

    /// <summary>Organization i's titular is 18 + (i % 50) on the registration day (the fiscal year, and so the ages counted, come later).</summary>
    public static DateOnly TitularBirth(int i) => RegistrationDay.AddYears(-(18 + (i % 50)));

    /// <summary>Organization i's suplente is 23 + (i % 45) on the registration day.</summary>
    public static DateOnly SuplenteBirth(int i) => RegistrationDay.AddYears(-(23 + (i % 45)));

    public static async Task<ResultsTestData> CreateAsync(PbPeruFactory app, int projects, int organizations, string ubigeo = "0803", int? womenQuota = null)
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, ubigeo);
        var districts = await data.ReadAsync(db => db.Jurisdictions.Where(j => j.ParentUbigeo == ubigeo).OrderBy(j => j.Ubigeo).Select(j => j.Ubigeo).ToListAsync());
        var populations = await data.ReadAsync(db => ConcertationCycle.PopulationsAsync(db, districts));

        // Organizations: registered during Preparation (the phase is put back for the moment, as the tests' helpers do).
        await SetPhaseAsync(data, Phase.Preparation);
        var day = RegistrationDay;
        var noon = ProposalTestData.Noon(day);
        var types = Enum.GetValues<OrganizationType>();
        for (var batch = 0; batch < organizations; batch += 250)
        {
            await data.WriteAsync(async db =>
            {
                var cycle = await data.LoadCycleAsync(db);
                for (var i = batch; i < Math.Min(organizations, batch + 250); i++)
                {
                    var organization = Organization.Register(cycle, data.Organization.RepresentativeUserId,
                        new OrganizationDetails(string.Create(CultureInfo.InvariantCulture, $"Organización de resultados {i:D4}"), types[i % types.Length],
                            RegistryKind.MunicipalRegistry, string.Create(CultureInfo.InvariantCulture, $"RR-{data.CycleId}-{i:D5}"), districts[i % districts.Count], "Calle 1", "Representante legal"),
                        day, noon);
                    organization.AddAgent(cycle, Person(data, i, 0, i % 3 == 0 ? Sex.Female : Sex.Male, TitularBirth(i)), AgentRole.Titular, dniTakenElsewhere: false, day);
                    organization.AddAgent(cycle, Person(data, i, 1, i % 2 == 0 ? Sex.Female : Sex.Male, SuplenteBirth(i)), AgentRole.Suplente, dniTakenElsewhere: false, day);
                    organization.AddDocument(cycle, "acta.pdf", Guid.NewGuid().ToString("N"), "application/pdf", 1000, new string('a', 64), day, noon);
                    organization.Submit(cycle, day, noon);
                    if (i % 5 != 4)
                    {
                        organization.Accept(cycle, data.Manager, noon);
                    }

                    db.Organizations.Add(organization);
                }
            });
        }

        await SetPhaseAsync(data, Phase.Concertation);

        // Proposals, submitted by the first organization's representative.
        var proposalIds = new List<int>();
        var submission = ProposalTestData.SubmissionDay;
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var organization = await db.Organizations.Include(o => o.Agents).SingleAsync(o => o.Id == data.Organization.Id);
            var proposer = Proposer.Of(cycle, organization, organization.RepresentativeUserId);
            var added = new List<Proposal>();
            for (var k = 0; k < projects; k++)
            {
                IReadOnlyList<string> where = k % 4 == 0 && districts.Count > 1
                    ? [districts[k % districts.Count], districts[(k + 1) % districts.Count]]
                    : [districts[k % districts.Count]];
                var details = new ProposalDetails(ProjectName(k), "Descripción del proyecto de prueba.", data.ThemeIds[k % data.ThemeIds.Count], where,
                    Money.FromSoles(20_000m + k), 100, string.Create(CultureInfo.InvariantCulture, $"{2_600_000 + k}"), [], []);
                var proposal = Proposal.Draft(cycle, proposer, details, populations, submission, ProposalTestData.Noon(submission));
                proposal.Submit(cycle, submission, ProposalTestData.Noon(submission));
                db.Proposals.Add(proposal);
                added.Add(proposal);
            }

            await db.SaveChangesAsync();
            proposalIds.AddRange(added.Select(p => p.Id));
        });

        // The final vote: one item per proposal, approval of up to 3, counted greedily.
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            cycle.SetVotingRules(new VotingRules(BallotType.Approval, 3, null, null, null, CountingRule.Greedy, null, false), data.Manager);
            while (cycle.Phase < Phase.Formalization)
            {
                cycle.AdvanceTo(cycle.Phase + 1, data.Manager, ProposalTestData.AllGatesHold, ProposalTestData.Noon(new DateOnly(2027, 6, 1)));
            }
        });

        app.Clock.Set(ProposalTestData.Noon(new DateOnly(2027, 6, 10)));
        var now = app.Clock.GetUtcNow();
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var themes = cycle.Themes.ToDictionary(t => t.Id, t => t.Name);
            var items = Enumerable.Range(0, projects).Select(k => new BallotItemInput(
                ProjectName(k), ProjectCost(k), proposalIds[k], null, string.Create(CultureInfo.InvariantCulture, $"{2_600_000 + k}"),
                90m - (k % 40), themes[data.ThemeIds[k % data.ThemeIds.Count]])).ToList();
            db.FinalVotes.Add(FinalVote.Prepare(cycle, data.Manager, items, cycle.Ceiling, now.AddHours(-1), now.AddHours(2), now));
        });

        // Ballots: titular v approves positions 3v+1, 3v+2, 3v+3 (wrapping around the list), so that every
        // project has support when there are at least a third as many titulars as projects.
        var voters = await data.ReadAsync(db => db.Agents.Where(a => a.CycleId == data.CycleId && a.IsAccredited && a.Role == AgentRole.Titular)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        if (voters.Count * 3 < projects)
        {
            throw new InvalidOperationException($"{projects} projects need at least {(projects + 2) / 3} accredited titulars; there are {voters.Count}.");
        }

        var ballots = voters.Select((_, v) => Enumerable.Range(0, Math.Min(3, projects)).Select(j => ((3 * v) + j) % projects + 1).ToArray()).ToList();
        for (var batch = 0; batch < ballots.Count; batch += 500)
        {
            await data.WriteAsync(async db =>
            {
                var vote = await VoteQueries.Votes(db, tracking: false).SingleAsync(v => v.CycleId == data.CycleId);
                var chunk = voters.Skip(batch).Take(500).ToList();
                var agents = await db.Agents.Where(a => chunk.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
                for (var b = batch; b < Math.Min(ballots.Count, batch + 500); b++)
                {
                    db.AgentBallots.Add(AgentBallot.Cast(vote, agents[voters[b]], true, [.. ballots[b].Select(p => new BallotChoice(p, 1))], ReceiptCodes.NewSubmissionKey(), now, out _));
                }
            });
        }

        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var vote = await VoteQueries.Votes(db).SingleAsync(v => v.CycleId == cycle.Id);
            vote.CloseNow(cycle, data.Manager, now);
            vote.Count(cycle, data.Manager, await VoteQueries.BallotsAsync(db, vote.Id, CancellationToken.None), now);
            if (womenQuota is { } quota)
            {
                db.Entry(cycle).ComplexProperty(c => c.AccreditationRules).Property(r => r.WomenMinimumSharePercent).CurrentValue = quota;
            }
        });

        return new ResultsTestData(data, districts);
    }

    /// <summary>Moves the cycle to Published (every gate taken as holding).</summary>
    public Task PublishAsync() => Data.WriteAsync(async db =>
    {
        var cycle = await Data.LoadCycleAsync(db);
        while (cycle.Phase < Phase.Published)
        {
            cycle.AdvanceTo(cycle.Phase + 1, Data.Manager, ProposalTestData.AllGatesHold with { ApprovalsRecorded = true }, App.Clock.GetUtcNow());
        }
    });

    private static AgentDetails Person(ConcertationCycle data, int organization, int role, Sex sex, DateOnly birth) => new(
        (60_000_000 + (data.CycleId % 1000) * 10_000 + organization * 2 + role).ToString(CultureInfo.InvariantCulture),
        string.Create(CultureInfo.InvariantCulture, $"Agente {organization}"), role == 0 ? "Quispe Huamán" : "Mamani Ñahui", sex, birth, "999999999", null);

    private static async Task SetPhaseAsync(ConcertationCycle data, Phase phase)
    {
        await using var scope = data.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == data.CycleId);
        db.Entry(cycle).Property(c => c.Phase).CurrentValue = phase;
        await db.SaveChangesAsync();
    }
}
