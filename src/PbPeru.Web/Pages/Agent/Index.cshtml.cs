using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Pages.Cycles.Training;

namespace PbPeru.Web.Pages.AgentRecord;

/// <summary>
/// The signed-in agent's own record in each cycle it takes part in: only agents linked to this
/// account, found by the account's id, never by an id in the address.
/// </summary>
public sealed class AgentHomeModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Record(
        int AgentId,
        string Name,
        string MaskedDni,
        AgentRole Role,
        string CycleName,
        int FiscalYear,
        Phase Phase,
        string Organization,
        bool IsAccredited,
        ExclusionRecord? Exclusion,
        bool MustAttendTrainingToVote,
        IReadOnlyList<AttendedSession> Attended,
        IReadOnlyList<AttendedSession> Upcoming)
    {
        /// <summary>The agent's cycle (for the links to its theme vote and proposals).</summary>
        public int CycleId { get; init; }
    }

    public sealed record ExclusionRecord(string Reasons, DateTimeOffset? RuledAt);

    public IReadOnlyList<Record> Records { get; private set; } = [];

    /// <summary>The final votes of the person's cycles (open ones first), for the "Votación final" card.</summary>
    public IReadOnlyList<AgentVoting.IndexModel.Row> Votes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var agents = await db.Agents
            .AsNoTracking()
            .Where(a => a.UserId == userId)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { Agent = a, Organization = o.Name })
            .Join(db.Cycles, x => x.Agent.CycleId, c => c.Id, (x, c) => new { x.Agent, x.Organization, CycleName = c.Name, c.FiscalYear, c.Phase })
            .OrderByDescending(x => x.FiscalYear).ThenBy(x => x.Agent.Id)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var records = new List<Record>();
        foreach (var x in agents)
        {
            var agent = x.Agent;
            ExclusionRecord? exclusion = null;
            if (agent.ExcludedByChallengeId is { } challengeId)
            {
                exclusion = await db.Challenges.AsNoTracking()
                    .Where(c => c.Id == challengeId)
                    .Select(c => new ExclusionRecord(c.RulingReasons ?? "", c.RuledAt))
                    .SingleOrDefaultAsync(cancellationToken);
            }

            var upcoming = await db.Meetings.AsNoTracking()
                .Where(m => m.CycleId == agent.CycleId && m.Kind == MeetingKind.Training && m.StartsAt >= now)
                .OrderBy(m => m.StartsAt)
                .Take(10)
                .Select(m => new AttendedSession(m.Id, m.Title, m.StartsAt, m.Place))
                .ToListAsync(cancellationToken);

            records.Add(new Record(
                agent.Id,
                agent.FullName,
                MaskDni(agent.Dni),
                agent.Role,
                x.CycleName,
                x.FiscalYear,
                x.Phase,
                x.Organization,
                agent.IsAccredited,
                exclusion,
                agent.MustAttendTrainingToVote,
                await TrainingStatus.SessionsOfAsync(db, agent.Id, cancellationToken),
                upcoming)
            { CycleId = agent.CycleId });
        }

        Records = records;
        Votes = await AgentVoting.IndexModel.RowsAsync(db, userId, now, cancellationToken);
    }

    /// <summary>"•••••123": enough for the person to recognise their own DNI, not enough to read it over a shoulder.</summary>
    public static string MaskDni(string dni) =>
        dni.Length <= 3 ? dni : new string('•', dni.Length - 3) + dni[^3..];
}
