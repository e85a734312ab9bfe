using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// A province cycle (Anta, Cusco: 0803) in Formalization with a computed result: three proposals
/// (one with accents, ñ, a comma and quotes in its name; one co-financed by three governments and split over two
/// fiscal years, with céntimos), an approval vote with two ballots, counted greedily. The acta can
/// be issued through the domain (<see cref="IssueActaAsync"/>); the app's clock stays on <see cref="Day"/>.
/// </summary>
internal sealed class ApprovalTestData
{
    public static readonly DateOnly Day = new(2027, 6, 10);

    public const string Bridge = "Puente peatonal Ñaña–Señor de Huanca, en Pucyura";
    public const string School = "Aulas de la I.E. \"José María Arguedas\", sector Cañete";
    public const string Lights = "Alumbrado del parque central";

    /// <summary>Co-financing of <see cref="Bridge"/>: three governments.</summary>
    public static readonly (string Entity, decimal Amount)[] BridgeCofinancing =
    [
        ("Gobierno Regional de Cusco", 50_000.10m),
        ("Municipalidad Provincial de Urubamba", 30_000.20m),
        ("Municipalidad Distrital de Huarocondo", 20_000.30m),
    ];

    private ApprovalTestData(ConcertationCycle data, IReadOnlyDictionary<string, int> proposals)
    {
        Data = data;
        Proposals = proposals;
    }

    public ConcertationCycle Data { get; }

    public int Id => Data.CycleId;

    public PbPeruFactory App => Data.App;

    /// <summary>Proposal ids by title.</summary>
    public IReadOnlyDictionary<string, int> Proposals { get; }

    public static DateTimeOffset Lima(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(-5));

    public static async Task<ApprovalTestData> CreateAsync(PbPeruFactory app, string ubigeo = "0803")
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, ubigeo);
        var second = await data.AnotherOrganizationAsync("Asociación de Mujeres Emprendedoras de Añahuichi");
        var year = data.FiscalYear;
        var proposals = new Dictionary<string, int>
        {
            [Bridge] = await data.ProposalAsync(ProposalTestData.Details(
                data,
                title: Bridge,
                districts: [data.FirstDistrict, data.Ubigeo + "02"],
                estimatedCost: 480_000.55m,
                cui: "2512345",
                cofinancing: [.. BridgeCofinancing.Select(c => new CofinancingInput(c.Entity, Money.FromSoles(c.Amount)))],
                years: [new YearShareInput(year, Money.FromSoles(300_000m)), new YearShareInput(year + 1, Money.FromSoles(180_000.55m))])),
            [School] = await data.ProposalAsync(ProposalTestData.Details(data, title: School, themeIndex: 1, estimatedCost: 300_000m)),
            [Lights] = await data.ProposalAsync(ProposalTestData.Details(data, title: Lights, estimatedCost: 150_000.01m)),
        };

        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            cycle.SetVotingRules(new VotingRules(BallotType.Approval, 3, null, null, null, CountingRule.Greedy, null, false), data.Manager);
            while (cycle.Phase < Phase.Formalization)
            {
                cycle.AdvanceTo(cycle.Phase + 1, data.Manager, ProposalTestData.AllGatesHold, ProposalTestData.Noon(new DateOnly(2027, 6, 1)));
            }
        });

        app.Clock.Set(Lima(Day, 9));
        var now = app.Clock.GetUtcNow();
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var rows = await db.Proposals.AsNoTracking().Include(p => p.Cofinancing).Where(p => p.CycleId == cycle.Id).ToDictionaryAsync(p => p.Id);
            BallotItemInput Item(string title, decimal score) =>
                new(title, rows[proposals[title]].RequestedAmount, proposals[title], null, rows[proposals[title]].Cui, score, cycle.Themes.Single(t => t.Id == rows[proposals[title]].ThemeId).Name);
            db.FinalVotes.Add(FinalVote.Prepare(cycle, data.Manager, [Item(Lights, 55.5m), Item(Bridge, 82.25m), Item(School, 70m)], cycle.Ceiling, now.AddHours(-1), now.AddHours(2), now));
        });

        // Two ballots: the bridge (position 2) gets both, the school (3) one, the lights (1) one.
        var titulars = await data.ReadAsync(db => db.Agents.Where(a => a.CycleId == data.CycleId && a.Role == AgentRole.Titular)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.True(titulars.Count >= 2);
        await CastAsync(data, titulars[0], 2, 3);
        await CastAsync(data, titulars[1], 2, 1);

        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var vote = await VoteQueries.Votes(db).SingleAsync(v => v.CycleId == cycle.Id);
            var clock = app.Clock.GetUtcNow();
            vote.CloseNow(cycle, data.Manager, clock);
            var ballots = await VoteQueries.BallotsAsync(db, vote.Id, CancellationToken.None);
            vote.Count(cycle, data.Manager, ballots, clock);
        });

        _ = second;
        return new ApprovalTestData(data, proposals);
    }

    /// <summary>Issues version 1 of the acta through the domain (the committee taken as elected).</summary>
    public Task IssueActaAsync() => Data.WriteAsync(async db =>
    {
        var cycle = await Data.LoadCycleAsync(db);
        var acta = Acta.Of(cycle);
        acta.Issue(cycle, Data.Manager, new ActaFacts(true, true), new ActaIssueInput(Day, "Anta, local comunal", null), _ => "{}", App.Clock.GetUtcNow());
        db.Actas.Add(acta);
    });

    /// <summary>Moves the cycle to <paramref name="phase"/> (every gate taken as holding).</summary>
    public Task AdvanceAsync(Phase phase) => Data.WriteAsync(async db =>
    {
        var cycle = await Data.LoadCycleAsync(db);
        while (cycle.Phase < phase)
        {
            cycle.AdvanceTo(cycle.Phase + 1, Data.Manager, ProposalTestData.AllGatesHold with { ApprovalsRecorded = true }, App.Clock.GetUtcNow());
        }
    });

    private static Task CastAsync(ConcertationCycle data, int agentId, params int[] positions) => data.WriteAsync(async db =>
    {
        var vote = await VoteQueries.Votes(db, tracking: false).SingleAsync(v => v.CycleId == data.CycleId);
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
        db.AgentBallots.Add(AgentBallot.Cast(vote, agent, true, [.. positions.Select(p => new BallotChoice(p, 1))], ReceiptCodes.NewSubmissionKey(), data.App.Clock.GetUtcNow(), out _));
    });
}
