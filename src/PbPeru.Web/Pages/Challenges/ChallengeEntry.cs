using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.Challenges;

/// <summary>
/// An entry of the public list as the challenge pages show it: the agent's public data (name,
/// organization, type, district) and who answers for it, never its DNI or contact.
/// </summary>
public sealed record ChallengeEntry
{
    public required int AgentId { get; init; }

    public required int CycleId { get; init; }

    public required string CycleName { get; init; }

    public required string AgentName { get; init; }

    public required AgentRole Role { get; init; }

    /// <summary>The agent's own account, once it has one: the agent is a side of a challenge against it.</summary>
    public required string? AgentUserId { get; init; }

    public required string Organization { get; init; }

    public required OrganizationType Type { get; init; }

    public required string RepresentativeUserId { get; init; }

    public required string District { get; init; }

    public required string? Province { get; init; }

    /// <summary>Every agent as an entry; <paramref name="listedOnly"/>: only those on the public list (accredited, of an accepted organization).</summary>
    public static IQueryable<ChallengeEntry> Query(AppDbContext db, bool listedOnly)
    {
        var agents = listedOnly
            ? db.Agents.Where(a => a.IsAccredited && a.ExcludedByChallengeId == null)
            : db.Agents;
        return from a in agents
               join o in db.Organizations on a.OrganizationId equals o.Id
               join c in db.Cycles on a.CycleId equals c.Id
               join d in db.Jurisdictions on o.DistrictUbigeo equals d.Ubigeo
               where !listedOnly || o.Status == OrganizationStatus.Accepted
               select new ChallengeEntry
               {
                   AgentId = a.Id,
                   CycleId = c.Id,
                   CycleName = c.Name,
                   AgentName = a.GivenNames + " " + a.Surnames,
                   Role = a.Role,
                   AgentUserId = a.UserId,
                   Organization = o.Name,
                   Type = o.Type,
                   RepresentativeUserId = o.RepresentativeUserId,
                   District = d.Name,
                   Province = d.Province,
               };
    }

    public static Task<ChallengeEntry?> FindListedAsync(AppDbContext db, int agentId, CancellationToken cancellationToken) =>
        Query(db, listedOnly: true).SingleOrDefaultAsync(e => e.AgentId == agentId, cancellationToken);
}

public static class ChallengeLabels
{
    public static string StatusOf(ChallengeStatus status, IStringLocalizer t) => status switch
    {
        ChallengeStatus.Pending => t["Pendiente de resolución"],
        ChallengeStatus.Upheld => t["Fundada: el agente sale de la lista"],
        _ => t["Infundada: el agente sigue en la lista"],
    };

    public static string BadgeOf(ChallengeStatus status) => status switch
    {
        ChallengeStatus.Pending => "text-bg-warning",
        ChallengeStatus.Upheld => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
