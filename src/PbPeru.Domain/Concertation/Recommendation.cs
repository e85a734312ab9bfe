using PbPeru.Domain.Common;

namespace PbPeru.Domain.Concertation;

/// <summary>
/// A proposal with its final evaluation, as the recommendation ranks it.
/// <para>Verdict: The final verdict: <see cref="Viability.Viable"/> or <see cref="Viability.NotViable"/>.</para>
/// <para>Reason: Why, as the technical team wrote it (shown when the proposal is left out as not viable).</para>
/// <para>Score: The consolidated score; required when viable.</para>
/// <para>RequestedAmount: What the proposal asks from the participatory budget: final cost − co-financing.</para>
/// </summary>
public sealed record RecommendationCandidate(
    int ProposalId,
    string Title,
    Viability Verdict,
    string Reason,
    decimal? Score,
    Money RequestedAmount,
    int Beneficiaries,
    DateTimeOffset SubmittedAt);

public enum LeftOutBecause
{
    NotViable = 0,
    DoesNotFit = 1,
}

/// <summary>
/// One row of the recommendation. <see cref="Rank"/> numbers the viable proposals 1, 2, … in ranking order (selected or not); not-viable ones have none and come last.
/// <para>RemainingBefore: What was left of the ceiling when this proposal's turn came (viable rows).</para>
/// </summary>
public sealed record RecommendationRow(
    RecommendationCandidate Candidate,
    int? Rank,
    bool Selected,
    LeftOutBecause? LeftOut,
    Money? RemainingBefore)
{
    /// <summary>Why the proposal is left out, in the reader's language; null when selected.</summary>
    public string? LeftOutReason => LeftOut switch
    {
        LeftOutBecause.NotViable => Messages.LeftOutNotViable.Format(Candidate.Reason),
        LeftOutBecause.DoesNotFit => Messages.LeftOutDoesNotFit.Format(Candidate.RequestedAmount, RemainingBefore!.Value),
        _ => null,
    };
}

public sealed record RecommendationResult(Money Ceiling, IReadOnlyList<RecommendationRow> Rows)
{
    public Money SelectedTotal => Rows.Where(r => r.Selected).Aggregate(Money.Zero, (sum, r) => sum + r.Candidate.RequestedAmount);

    public Money Remaining => Ceiling - SelectedTotal;
}

/// <summary>
/// The technical ranking within the ceiling. Pure.
/// <para>
/// Order of the viable proposals: consolidated score rounded to two decimals (as published),
/// highest first; ties by lower requested amount, then more beneficiaries, then earlier submission,
/// then lower proposal id. Selection is greedy: in that order each proposal is selected when its
/// requested amount fits what remains of the ceiling (an exact fit is selected), and otherwise is
/// skipped and the next one tried. Not-viable proposals follow, by proposal id.
/// </para>
/// </summary>
public static class Recommendation
{
    /// <summary>What a proposal asks from the budget: its final cost minus co-financing, never below zero.</summary>
    public static Money RequestedAmount(Money finalCost, Money cofinancing) =>
        cofinancing >= finalCost ? Money.Zero : finalCost - cofinancing;

    public static RecommendationResult Build(Money ceiling, IReadOnlyList<RecommendationCandidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Verdict == Viability.Observed)
            {
                throw new ArgumentException($"Proposal {candidate.ProposalId} is still observed; only evaluated proposals are ranked.", nameof(candidates));
            }

            if (candidate.Verdict == Viability.Viable && candidate.Score is null)
            {
                throw new ArgumentException($"Proposal {candidate.ProposalId} is viable but has no score.", nameof(candidates));
            }
        }

        var duplicate = candidates.GroupBy(c => c.ProposalId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Proposal {duplicate.Key} appears twice.", nameof(candidates));
        }

        var rows = new List<RecommendationRow>();
        var remaining = ceiling;
        var rank = 0;
        foreach (var candidate in candidates.Where(c => c.Verdict == Viability.Viable).OrderBy(c => c, RankingOrder.Instance))
        {
            rank++;
            var before = remaining;
            if (candidate.RequestedAmount <= remaining)
            {
                remaining -= candidate.RequestedAmount;
                rows.Add(new RecommendationRow(candidate, rank, Selected: true, LeftOut: null, before));
            }
            else
            {
                rows.Add(new RecommendationRow(candidate, rank, Selected: false, LeftOutBecause.DoesNotFit, before));
            }
        }

        rows.AddRange(candidates
            .Where(c => c.Verdict != Viability.Viable)
            .OrderBy(c => c.ProposalId)
            .Select(c => new RecommendationRow(c, Rank: null, Selected: false, LeftOutBecause.NotViable, RemainingBefore: null)));
        return new RecommendationResult(ceiling, rows);
    }

    private sealed class RankingOrder : IComparer<RecommendationCandidate>
    {
        public static readonly RankingOrder Instance = new();

        public int Compare(RecommendationCandidate? x, RecommendationCandidate? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var order = Consolidation.Round(y.Score!.Value).CompareTo(Consolidation.Round(x.Score!.Value));
            if (order == 0)
            {
                order = x.RequestedAmount.CompareTo(y.RequestedAmount);
            }

            if (order == 0)
            {
                order = y.Beneficiaries.CompareTo(x.Beneficiaries);
            }

            if (order == 0)
            {
                order = x.SubmittedAt.CompareTo(y.SubmittedAt);
            }

            return order != 0 ? order : x.ProposalId.CompareTo(y.ProposalId);
        }
    }
}
