using PbPeru.Domain.Common;

namespace PbPeru.Domain.Concertation;

/// <summary>One evaluator for one proposal, in an assignment plan or among the existing assignments.</summary>
public sealed record PlannedAssignment(int ProposalId, string EvaluatorUserId);

public static class EvaluationAssignments
{
    /// <summary>
    /// Plans assignments so that every proposal has <paramref name="perProposal"/> evaluators and the
    /// evaluators' loads (existing assignments included) stay as even as possible. Deterministic:
    /// proposals are taken by ascending id; each gets the evaluators it lacks, least loaded first,
    /// ties by user id (ordinal); an evaluator already on a proposal is never planned on it again.
    /// Starting from even loads, no two evaluators' loads differ by more than one.
    /// </summary>
    /// <returns>Only the new assignments to make.</returns>
    public static IReadOnlyList<PlannedAssignment> Evenly(
        IEnumerable<int> proposalIds,
        IEnumerable<string> evaluatorUserIds,
        int perProposal,
        IEnumerable<PlannedAssignment> existing)
    {
        var evaluators = evaluatorUserIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (evaluators.Count == 0)
        {
            throw new DomainException(Messages.NoEvaluators.Format());
        }

        if (perProposal < 1 || perProposal > evaluators.Count)
        {
            throw new DomainException(Messages.EvaluatorsPerProposalOutOfRange.Format(1, evaluators.Count));
        }

        var current = existing.ToList();
        var load = evaluators.ToDictionary(e => e, e => current.Count(a => a.EvaluatorUserId == e), StringComparer.Ordinal);
        var onProposal = current.ToLookup(a => a.ProposalId, a => a.EvaluatorUserId);

        var plan = new List<PlannedAssignment>();
        foreach (var proposalId in proposalIds.Distinct().Order())
        {
            var already = onProposal[proposalId].ToHashSet(StringComparer.Ordinal);
            var missing = perProposal - already.Count;
            var chosen = evaluators
                .Where(e => !already.Contains(e))
                .OrderBy(e => load[e])
                .ThenBy(e => e, StringComparer.Ordinal)
                .Take(Math.Max(0, missing))
                .ToList();
            foreach (var evaluator in chosen)
            {
                load[evaluator]++;
                plan.Add(new PlannedAssignment(proposalId, evaluator));
            }
        }

        return plan;
    }
}
