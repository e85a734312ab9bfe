using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Infrastructure;

/// <summary>A submitted proposal as the evaluation pages list it.</summary>
public sealed record EvaluatedProposal(
    int Id,
    string Title,
    int ThemeId,
    Money EstimatedCost,
    Money RequestedAmount,
    Money Cofinancing,
    int Beneficiaries,
    DateTimeOffset SubmittedAt,
    string ProposerUserId);

/// <summary>A technical-team member a manager may assign: TechnicalTeam staff of the cycle's jurisdiction.</summary>
public sealed record Evaluator(string UserId, string Name);

/// <summary>
/// Reads the technical evaluation of a cycle: its submitted proposals (drafts and withdrawn ones are
/// left out), their reviews loaded whole, the theme priority when the rules use it, and the
/// evaluators a manager may assign.
/// </summary>
public sealed class EvaluationQueries(AppDbContext db)
{
    /// <summary>Reviews with everything the domain reads: assignments, sheets with their scores, observations.</summary>
    public IQueryable<ProposalReview> Reviews(bool tracking = true)
    {
        var query = db.ProposalReviews
            .Include(r => r.Assignments)
            .Include("Sheets._scores")
            .Include(r => r.Observations)
            .AsSplitQuery();
        return tracking ? query : query.AsNoTracking();
    }

    public async Task<IReadOnlyList<EvaluatedProposal>> SubmittedProposalsAsync(int cycleId, CancellationToken cancellationToken)
    {
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.CycleId == cycleId && p.Status == ProposalStatus.Submitted)
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.ThemeId,
                p.EstimatedCost,
                p.RequestedAmount,
                p.Beneficiaries,
                p.SubmittedAt,
                p.ProposerUserId,
                Cofinancing = p.Cofinancing.Select(c => c.Amount).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new EvaluatedProposal(
            p.Id, p.Title, p.ThemeId, p.EstimatedCost, p.RequestedAmount,
            p.Cofinancing.Aggregate(Money.Zero, (sum, m) => sum + m),
            p.Beneficiaries, p.SubmittedAt ?? DateTimeOffset.MinValue, p.ProposerUserId)).ToList();
    }

    /// <summary>
    /// Counts the change of a review (an assignment, a sheet, an answer) as a change of the review
    /// itself, so that two saves of the same review at once cannot both win.
    /// </summary>
    public void Touch(ProposalReview review)
    {
        if (db.Entry(review).State != EntityState.Added)
        {
            db.Entry(review).Property("Version").IsModified = true;
        }
    }

    /// <summary>The cycle's reviews by proposal id.</summary>
    public async Task<Dictionary<int, ProposalReview>> ReviewsByProposalAsync(int cycleId, bool tracking, CancellationToken cancellationToken) =>
        await Reviews(tracking).Where(r => r.CycleId == cycleId).ToDictionaryAsync(r => r.ProposalId, cancellationToken);

    /// <summary>The tally of the cycle's theme votes, when its rules use theme priority; null otherwise.</summary>
    public async Task<ThemePriority?> ThemePriorityAsync(Cycle cycle, CancellationToken cancellationToken)
    {
        if (cycle.ProposalRules.ThemePriorityUse == ThemePriorityUse.None)
        {
            return null;
        }

        var votes = await db.ThemeVotes.AsNoTracking().Include(v => v.Entries).Where(v => v.CycleId == cycle.Id).ToListAsync(cancellationToken);
        return ThemePriority.Tally(cycle.Themes, votes, cycle.ProposalRules.ThemeVoting);
    }

    /// <summary>The TechnicalTeam staff of the jurisdiction, by name.</summary>
    public async Task<IReadOnlyList<Evaluator>> EvaluatorsAsync(string jurisdictionUbigeo, CancellationToken cancellationToken)
    {
        var evaluators = await db.StaffAssignments
            .Where(a => a.Role == Roles.TechnicalTeam && a.JurisdictionUbigeo == jurisdictionUbigeo)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.FullName, u.Email })
            .Distinct()
            .ToListAsync(cancellationToken);
        return evaluators
            .Select(e => new Evaluator(e.Id, string.IsNullOrWhiteSpace(e.FullName) ? e.Email ?? e.Id : e.FullName))
            .OrderBy(e => e.Name, StringComparer.CurrentCulture)
            .ThenBy(e => e.UserId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The report's input: every submitted proposal with its review (null when none was opened).</summary>
    public static IReadOnlyList<ReportedProposal> Reported(
        IReadOnlyList<EvaluatedProposal> proposals, IReadOnlyDictionary<int, ProposalReview> reviews, ThemePriority? priority) =>
        proposals.Select(p => new ReportedProposal(
            p.Id, p.Title, p.EstimatedCost, p.Cofinancing, p.Beneficiaries, p.SubmittedAt,
            priority?.PriorityOf(p.ThemeId),
            reviews.GetValueOrDefault(p.Id))).ToList();

    /// <summary>
    /// The recommendation as it would be published now, over the evaluated proposals only (the
    /// others are counted as pending).
    /// </summary>
    public static (RecommendationResult Result, int Pending) Preview(
        Cycle cycle, IReadOnlyList<ReportedProposal> proposals, DateOnly today)
    {
        var candidates = new List<RecommendationCandidate>();
        var pending = 0;
        foreach (var p in proposals)
        {
            var outcome = p.Review?.Outcome(cycle, p.ThemePriority, p.EstimatedCost, today);
            if (outcome is not { IsEvaluated: true })
            {
                pending++;
                continue;
            }

            candidates.Add(new RecommendationCandidate(
                p.ProposalId, p.Title, outcome.Verdict!.Value, outcome.Reason, outcome.Score,
                Recommendation.RequestedAmount(outcome.FinalCost, p.Cofinancing), p.Beneficiaries, p.SubmittedAt));
        }

        return (Recommendation.Build(cycle.Ceiling, candidates), pending);
    }
}
