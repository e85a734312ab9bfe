using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Reads from the database what the phase gates need to know beyond the cycle itself.
/// </summary>
public sealed class CycleFactsQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<CycleFacts> ForAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        var list = await db.AccreditationLists.AsNoTracking().SingleOrDefaultAsync(l => l.CycleId == cycle.Id, cancellationToken);
        var count = await AccreditedCountAsync(db, cycle.Id, cancellationToken);
        var awaitingEvaluation = await ProposalsAwaitingEvaluationAsync(cycle, cancellationToken);
        var reportPublished = await db.TechnicalReports.AnyAsync(r => r.CycleId == cycle.Id && r.PublishedAt != null, cancellationToken);
        var resultComputed = await db.FinalVotes.AnyAsync(v => v.CycleId == cycle.Id && v.Result != null, cancellationToken);

        var facts = new CycleFacts
        {
            FinalAgentListPublished = list?.IsFinalPublished == true,
            AccreditedAgents = count.Agents,
            AccreditedTitulars = count.Quota.Titulars,
            AccreditedWomenTitulars = count.Quota.WomenTitulars,
            QuotaShortfallJustified = !string.IsNullOrWhiteSpace(list?.QuotaJustification),
            ProposalsAwaitingEvaluation = awaitingEvaluation,
            RecommendationPublished = reportPublished,
            CoordinationMinutesRecorded = false,
            UnresolvedOverlaps = 0,
            ResultComputed = resultComputed,
            OversightCommitteeElected = await CommitteeQueries.IsElectedAsync(db, cycle.Id, cancellationToken),
            ActaIssued = await ActaQueries.IsIssuedAsync(db, cycle.Id, cancellationToken),
            ApprovalsRecorded = await ApprovalQueries.CouncilApprovedAsync(db, cycle.Id, cancellationToken),
        };

        // Coordination: the minutes of the space the cycle joined, and the unresolved overlaps on its
        // list; a cycle that joined none has no minutes.
        var space = await CoordinationQueries.OfCycleAsync(db, cycle.Id, tracking: false, cancellationToken);
        return space is null ? facts : space.ApplyTo(facts, cycle.Id);
    }

    /// <summary>
    /// Submitted proposals (not drafts, not withdrawn) whose review is missing or not evaluated
    /// (the cycle must come with its criteria and levels, as the cycle pages load it).
    /// </summary>
    private async Task<int> ProposalsAwaitingEvaluationAsync(Cycle cycle, CancellationToken cancellationToken)
    {
        var submitted = await db.Proposals.CountAsync(p => p.CycleId == cycle.Id && p.Status == ProposalStatus.Submitted, cancellationToken);
        if (submitted == 0)
        {
            return 0;
        }

        var reviews = await new EvaluationQueries(db).Reviews(tracking: false)
            .Where(r => r.CycleId == cycle.Id && db.Proposals.Any(p => p.Id == r.ProposalId && p.Status == ProposalStatus.Submitted))
            .ToListAsync(cancellationToken);
        var today = LimaTime.Today(clock);
        return submitted - reviews.Count(r => r.IsEvaluated(cycle, today));
    }

    /// <summary>Accredited agents of the cycle, and the titulars and women titulars among them.</summary>
    public static async Task<(int Agents, QuotaCount Quota)> AccreditedCountAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken)
    {
        var groups = await db.Agents
            .Where(a => a.CycleId == cycleId && a.IsAccredited)
            .GroupBy(a => new { a.Role, a.Sex })
            .Select(g => new { g.Key.Role, g.Key.Sex, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var titulars = groups.Where(g => g.Role == AgentRole.Titular).Sum(g => g.Count);
        var women = groups.Where(g => g.Role == AgentRole.Titular && g.Sex == Sex.Female).Sum(g => g.Count);
        return (groups.Sum(g => g.Count), new QuotaCount(titulars, women));
    }
}
