using PbPeru.Domain.Concertation;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Pages.Evaluation;

/// <summary>
/// What an evaluator may see: submitted proposals assigned to them, in cycles of a jurisdiction
/// where they are on the technical team. Anything else is answered as if it did not exist.
/// </summary>
public static class EvaluatorAccess
{
    /// <summary>The submitted proposals assigned to <paramref name="userId"/> in the jurisdictions they serve.</summary>
    public static IQueryable<Proposal> AssignedProposals(AppDbContext db, string userId) =>
        from p in db.Proposals
        where p.Status == ProposalStatus.Submitted
        where db.ProposalReviews.Any(r => r.ProposalId == p.Id && r.Assignments.Any(a => a.EvaluatorUserId == userId))
        where db.Cycles.Any(c => c.Id == p.CycleId && db.StaffAssignments.Any(s =>
            s.UserId == userId && s.Role == Roles.TechnicalTeam && s.JurisdictionUbigeo == c.JurisdictionUbigeo))
        select p;
}
