using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

/// <summary>
/// Every change a manager can make to a cycle's configuration, each with a valid value that differs
/// from what <see cref="TestCycles.InPhase"/> sets up, and a snapshot to tell whether it changed.
/// </summary>
internal static class ManagerChanges
{
    public static readonly Money NewCeiling = Money.FromSoles(2_000_000m);

    public static readonly AccreditationRules NewAccreditationRules = AccreditationRules.Default with { MinimumAccreditedAgents = 25 };

    public static readonly ProposalRules NewProposalRules = ProposalRules.Default with { MinimumCost = Money.FromSoles(10_000m), MaximumCost = Money.FromSoles(500_000m) };

    public static readonly VotingRules NewVotingRules = VotingRules.Default with { MaxApprovals = 3 };

    public static readonly ImpactRules NewImpactRules = ImpactRules.Default with { MinimumAmount = Money.FromSoles(100_000m), MinimumReachPercent = 5 };

    public static readonly IReadOnlyList<ThemeInput> NewThemes = [new("Ambiente", "Residuos sólidos y áreas verdes.")];

    public static readonly IReadOnlyList<CriterionInput> NewCriteria =
    [
        new("Población beneficiada", "", 60, [new(0, "Poca"), new(1, "Media"), new(2, "Mucha")]),
        new("Cofinanciamiento", "", 40, [new(0, "No"), new(1, "Sí")]),
    ];

    /// <summary>The same calendar with the Formalization phase's window ending a day earlier.</summary>
    public static IReadOnlyList<CalendarInput> NewCalendar { get; } = TestCycles.FullCalendar
        .Select(e => e.Step == CalendarStep.FormalizationPhase ? e with { End = e.End.AddDays(-1) } : e)
        .ToList();

    private static readonly Dictionary<string, Action<Cycle, Actor>> ChangesByName = new()
    {
        ["Rename"] = (c, a) => c.Rename("Presupuesto Participativo Basado en Resultados 2026", a),
        ["SetCeiling"] = (c, a) => c.SetCeiling(NewCeiling, a),
        ["SetAccreditationRules"] = (c, a) => c.SetAccreditationRules(NewAccreditationRules, a),
        ["SetProposalRules"] = (c, a) => c.SetProposalRules(NewProposalRules, a),
        ["SetVotingRules"] = (c, a) => c.SetVotingRules(NewVotingRules, a),
        ["SetImpactRules"] = (c, a) => c.SetImpactRules(NewImpactRules, a),
        ["SetThemes"] = (c, a) => c.SetThemes(NewThemes, a),
        ["SetCriteria"] = (c, a) => c.SetCriteria(NewCriteria, a),
        ["SetCalendar"] = (c, a) => c.SetCalendar(NewCalendar, a),
    };

    public static IEnumerable<string> Names => ChangesByName.Keys;

    public static void Apply(string change, Cycle cycle, Actor actor) => ChangesByName[change](cycle, actor);

    /// <summary>Everything a change can touch, as a string that compares by value.</summary>
    public static string Snapshot(Cycle cycle) => string.Join(
        " | ",
        cycle.Name,
        cycle.Phase,
        cycle.Ceiling.Centimos,
        cycle.AccreditationRules,
        cycle.ProposalRules,
        cycle.VotingRules,
        cycle.ImpactRules,
        string.Join(";", cycle.Themes.Select(t => $"{t.Position}:{t.Name}:{t.Description}")),
        string.Join(";", cycle.Criteria.Select(c => $"{c.Position}:{c.Name}:{c.WeightPercent}:{string.Join(",", c.Levels.Select(l => $"{l.Score}={l.Descriptor}"))}")),
        string.Join(";", cycle.Calendar.Select(e => $"{e.Step}:{e.Start:yyyy-MM-dd}:{e.End:yyyy-MM-dd}")),
        cycle.Transitions.Count);
}
