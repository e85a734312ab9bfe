using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Cycles;

/// <summary>A named condition a cycle must meet to leave a phase, returning every reason it fails.</summary>
public sealed class Gate(string name, Text title, Func<Cycle, CycleFacts, IEnumerable<string>> check)
{
    public string Name { get; } = name;

    public string Title => title.Format();

    public IReadOnlyList<string> Check(Cycle cycle, CycleFacts facts) => check(cycle, facts).ToList();
}

public sealed record PhaseMove(Phase From, Phase To, Gate Gate);

/// <summary>The result of asking whether a cycle may move to a phase.</summary>
public sealed record GateResult(Phase From, Phase To, string? GateTitle, IReadOnlyList<string> Reasons)
{
    public bool Allowed => Reasons.Count == 0;
}

/// <summary>
/// The one table of allowed phase moves. A cycle only moves forward, one phase at a time, and only
/// when the move's gate holds.
/// </summary>
public static class PhaseMachine
{
    public static IReadOnlyList<PhaseMove> Moves { get; } =
    [
        new(Phase.Draft, Phase.Preparation, Gates.ConfigurationComplete),
        new(Phase.Preparation, Phase.Concertation, Gates.AccreditationComplete),
        new(Phase.Concertation, Phase.Coordination, Gates.EvaluationComplete),
        new(Phase.Coordination, Phase.Formalization, Gates.CoordinationComplete),
        new(Phase.Formalization, Phase.Published, Gates.FormalizationComplete),
        new(Phase.Published, Phase.Closed, Gates.Always),
    ];

    public static PhaseMove? Find(Phase from, Phase to) => Moves.FirstOrDefault(m => m.From == from && m.To == to);

    public static PhaseMove? NextMove(Phase from) => Moves.FirstOrDefault(m => m.From == from);

    public static GateResult Evaluate(Cycle cycle, Phase to, CycleFacts facts)
    {
        var move = Find(cycle.Phase, to);
        if (move is null)
        {
            return new GateResult(cycle.Phase, to, null, [NotAllowedReason(cycle.Phase, to)]);
        }

        return new GateResult(cycle.Phase, to, move.Gate.Title, move.Gate.Check(cycle, facts));
    }

    private static string NotAllowedReason(Phase from, Phase to)
    {
        if (from == Phase.Closed)
        {
            return Messages.CycleClosed.Format();
        }

        if (to <= from)
        {
            return Messages.PhaseOnlyForward.Format(PhaseNames.Of(from), PhaseNames.Of(to));
        }

        return Messages.PhaseOneAtATime.Format(PhaseNames.Of(from), PhaseNames.Of(to), PhaseNames.Of(from + 1));
    }
}

/// <summary>The gates, each a named predicate that says in words why it does not hold.</summary>
public static class Gates
{
    public static Gate ConfigurationComplete { get; } = new(
        nameof(ConfigurationComplete), Messages.GateConfigurationComplete, (cycle, _) => cycle.ConfigurationProblems());

    public static Gate AccreditationComplete { get; } = new(
        nameof(AccreditationComplete), Messages.GateAccreditationComplete, AccreditationProblems);

    public static Gate EvaluationComplete { get; } = new(
        nameof(EvaluationComplete), Messages.GateEvaluationComplete, EvaluationProblems);

    public static Gate CoordinationComplete { get; } = new(
        nameof(CoordinationComplete), Messages.GateCoordinationComplete, CoordinationProblems);

    public static Gate FormalizationComplete { get; } = new(
        nameof(FormalizationComplete), Messages.GateFormalizationComplete, FormalizationProblems);

    /// <summary>Closing a published cycle needs nothing more: its results are already public.</summary>
    public static Gate Always { get; } = new(nameof(Always), Messages.GateAlways, (_, _) => []);

    private static IEnumerable<string> AccreditationProblems(Cycle cycle, CycleFacts facts)
    {
        if (!facts.FinalAgentListPublished)
        {
            yield return Messages.FinalListNotPublished.Format();
        }

        var rules = cycle.AccreditationRules;
        if (facts.AccreditedAgents < rules.MinimumAccreditedAgents)
        {
            yield return Messages.TooFewAgents.Format(facts.AccreditedAgents, rules.MinimumAccreditedAgents);
        }

        if (rules.WomenMinimumSharePercent is { } quota && !WomenQuotaMet(quota, facts))
        {
            var share = facts.AccreditedTitulars == 0 ? 0 : 100m * facts.AccreditedWomenTitulars / facts.AccreditedTitulars;
            if (rules.WomenQuotaIsHard)
            {
                yield return Messages.HardQuotaNotMet.Format(share.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture), quota);
            }
            else if (!facts.QuotaShortfallJustified)
            {
                yield return Messages.SoftQuotaNotJustified.Format(share.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture), quota);
            }
        }
    }

    /// <summary>Women are at least <paramref name="quotaPercent"/> % of titulars, in exact integers.</summary>
    public static bool WomenQuotaMet(int quotaPercent, CycleFacts facts) =>
        new QuotaCount(facts.AccreditedTitulars, facts.AccreditedWomenTitulars).Meets(quotaPercent);

    private static IEnumerable<string> EvaluationProblems(Cycle cycle, CycleFacts facts)
    {
        if (facts.ProposalsAwaitingEvaluation > 0)
        {
            yield return facts.ProposalsAwaitingEvaluation == 1
                ? Messages.ProposalNotEvaluatedOne.Format()
                : Messages.ProposalsNotEvaluated.Format(facts.ProposalsAwaitingEvaluation);
        }

        if (!facts.RecommendationPublished)
        {
            yield return Messages.RecommendationNotPublished.Format();
        }
    }

    private static IEnumerable<string> CoordinationProblems(Cycle cycle, CycleFacts facts)
    {
        if (!facts.CoordinationMinutesRecorded)
        {
            yield return Messages.MinutesNotRecorded.Format();
        }

        if (facts.UnresolvedOverlaps > 0)
        {
            yield return facts.UnresolvedOverlaps == 1
                ? Messages.OverlapUnresolvedOne.Format()
                : Messages.OverlapsUnresolved.Format(facts.UnresolvedOverlaps);
        }
    }

    private static IEnumerable<string> FormalizationProblems(Cycle cycle, CycleFacts facts)
    {
        if (!facts.ResultComputed)
        {
            yield return Messages.ResultNotComputed.Format();
        }

        if (!facts.OversightCommitteeElected)
        {
            yield return Messages.CommitteeNotElected.Format();
        }

        if (!facts.ActaIssued)
        {
            yield return Messages.ActaNotIssued.Format();
        }

        if (!facts.ApprovalsRecorded)
        {
            yield return Messages.ApprovalsNotRecorded.Format();
        }
    }
}

public static class PhaseNames
{
    public static string Of(Phase phase) => (phase switch
    {
        Phase.Draft => Messages.PhaseDraft,
        Phase.Preparation => Messages.PhasePreparation,
        Phase.Concertation => Messages.PhaseConcertation,
        Phase.Coordination => Messages.PhaseCoordination,
        Phase.Formalization => Messages.PhaseFormalization,
        Phase.Published => Messages.PhasePublished,
        _ => Messages.PhaseClosed,
    }).Format();
}
