using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Tests.Preparation;
using PbPeru.Domain.Voting;

namespace PbPeru.Domain.Tests.Voting;

/// <summary>
/// A cycle in Formalization with three accepted organizations (a titular and a suplente each) and a
/// vote on four projects against a budget of S/ 1,000,000, open from <see cref="Opens"/> to <see cref="Closes"/>.
/// </summary>
internal sealed class VotingCase
{
    public static readonly DateTimeOffset Prepared = new(2025, 7, 4, 18, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Opens = new(2025, 7, 5, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Closes = new(2025, 7, 5, 23, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset During = Opens.AddHours(1);
    public static readonly DateTimeOffset After = Closes.AddMinutes(1);

    public static readonly Money Budget = Money.FromSoles(1_000_000m);

    public static IReadOnlyList<BallotItemInput> Projects { get; } =
    [
        new("Agua potable en Alto Qosqo", Money.FromSoles(400_000m), 11, null, "2400001", 82.5m, "Agua"),
        new("Pistas y veredas del jirón Unión", Money.FromSoles(300_000m), 12, null, null, 77m, "Vías"),
        new("Centro de salud de Ccorao", Money.FromSoles(500_000m), 13, null, "2400003", 91m, "Salud"),
        new("Losa deportiva de Quinsa Cruz", Money.FromSoles(200_000m), 14, null, null, null, "Deporte"),
    ];

    public VotingCase(VotingRules? rules = null)
    {
        var cycle = TestCycles.InPhase(Phase.Preparation, c => c.SetVotingRules(rules ?? Knapsack, TestCycles.Manager));
        Cycle = Registrations.WithId(cycle, 1);
        Organizations = [.. Enumerable.Range(0, 3).Select(i => Registrations.WithId(Registrations.Accepted(Cycle), 500 + i))];
        Unaccepted = Registrations.Submitted(Cycle);

        // The database sets an agent's organization; these tests save nothing, so set it as it would.
        foreach (var organization in Organizations)
        {
            foreach (var agent in organization.Agents)
            {
                typeof(Agent).GetProperty(nameof(Agent.OrganizationId))!.SetValue(agent, organization.Id);
            }
        }

        var now = TestCycles.CreatedAt.AddDays(100);
        while (Cycle.Phase < Phase.Formalization)
        {
            now = now.AddDays(7);
            Cycle.AdvanceTo(Cycle.Phase + 1, TestCycles.Manager, TestCycles.AllGatesHold, now);
        }

        Vote = Registrations.WithId(FinalVote.Prepare(Cycle, TestCycles.Manager, Projects, Budget, Opens, Closes, Prepared), 7);
    }

    public static VotingRules Knapsack { get; } = VotingRules.Default with
    {
        BallotType = BallotType.Knapsack,
        MaxApprovals = null,
        CountingRule = CountingRule.Greedy,
    };

    public Cycle Cycle { get; }

    public IReadOnlyList<Organization> Organizations { get; }

    public Organization Unaccepted { get; }

    public FinalVote Vote { get; }

    public Agent Titular(int organization = 0) => Organizations[organization].Agents.First(a => a.Role == AgentRole.Titular);

    public Agent Suplente(int organization = 0) => Organizations[organization].Agents.First(a => a.Role == AgentRole.Suplente);

    public static IReadOnlyList<BallotChoice> Marks(params int[] positions) => [.. positions.Select(p => new BallotChoice(p, 1))];

    public AgentBallot Cast(Agent agent, IReadOnlyList<BallotChoice> choices, string? key = null, DateTimeOffset? at = null) =>
        AgentBallot.Cast(Vote, agent, attendedTraining: true, choices, key ?? ReceiptCodes.NewSubmissionKey(), at ?? During, out _);
}
