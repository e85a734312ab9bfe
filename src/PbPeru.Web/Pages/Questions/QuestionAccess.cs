using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Pages.Proposals;

namespace PbPeru.Web.Pages.Questions;

/// <summary>
/// Who may do what with the questions on a proposal. A proposal is public while it is submitted
/// (the public catalogue's rule); its questions and answers are public with it. The proposer —
/// the account that drafted it or its organization's representative — answers as
/// <see cref="AnswererRole.Proposer"/>; a holder of the technical team's grant for the cycle's
/// jurisdiction answers as <see cref="AnswererRole.TechnicalTeam"/>; nobody else answers.
/// </summary>
public static class QuestionAccess
{
    public static bool IsPublic(Proposal proposal) => proposal.Status == ProposalStatus.Submitted;

    /// <summary>The proposal (any state) and its cycle; null when either does not exist.</summary>
    public static async Task<(Cycle Cycle, Proposal Proposal)?> ProposalAsync(AppDbContext db, int proposalId, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var cycle = await ProposalReads.CycleAsync(db, proposal.CycleId, cancellationToken);
        return cycle is null ? null : (cycle, proposal);
    }

    /// <summary>The roles <paramref name="user"/> may answer questions on <paramref name="proposal"/> in (none: may not answer).</summary>
    public static async Task<IReadOnlyList<AnswererRole>> RolesAsync(AppDbContext db, Cycle cycle, Proposal proposal, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return [];
        }

        var roles = new List<AnswererRole>();
        var isProposer = proposal.ProposerUserId == userId
            || await db.Organizations.AnyAsync(o => o.Id == proposal.OrganizationId && o.RepresentativeUserId == userId, cancellationToken);
        if (isProposer)
        {
            roles.Add(AnswererRole.Proposer);
        }

        if (user.IsInRole(Roles.TechnicalTeam) && await db.StaffAssignments.AnyAsync(
                s => s.UserId == userId && s.Role == Roles.TechnicalTeam && s.JurisdictionUbigeo == cycle.JurisdictionUbigeo, cancellationToken))
        {
            roles.Add(AnswererRole.TechnicalTeam);
        }

        return roles;
    }

    /// <summary>Whether <paramref name="user"/> manages the cycle's jurisdiction (and so moderates its questions).</summary>
    public static async Task<bool> ModeratesAsync(AppDbContext db, Cycle cycle, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && user.IsInRole(Roles.CycleManager) && await db.StaffAssignments.AnyAsync(
            s => s.UserId == userId && s.Role == Roles.CycleManager && s.JurisdictionUbigeo == cycle.JurisdictionUbigeo, cancellationToken);
    }

    /// <summary>The public page of a proposal, at one of its questions.</summary>
    public static string PublicUrl(int cycleId, int proposalId, int? questionId = null) =>
        $"/Public/Proposals/{cycleId}/{proposalId}" + (questionId is { } id ? $"#question-{id}" : "#questions");

    /// <summary>A fresh random key for a form that creates something.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");
}

/// <summary>What the ask form shows: on the ask page and on the proposal's public page.</summary>
public sealed record QuestionFormView(int ProposalId, string? Text, string CreationKey);
