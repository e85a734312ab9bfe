using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.Cycles.Training;

/// <summary>One training session an agent was recorded present at.</summary>
public sealed record AttendedSession(int MeetingId, string Title, DateTimeOffset StartsAt, string Place);

/// <summary>
/// Whether an agent has done its training: present at least once at a training session of its own
/// cycle. The final vote asks this of agents whose <see cref="Agent.MustAttendTrainingToVote"/> is set.
/// </summary>
public static class TrainingStatus
{
    /// <summary>True when the agent was marked present at a training session of its cycle.</summary>
    public static Task<bool> HasAttendedAsync(AppDbContext db, int agentId, CancellationToken cancellationToken = default) =>
        TrainingAttendance(db).AnyAsync(x => x.AgentId == agentId, cancellationToken);

    /// <summary>
    /// The agents that attended a training session of their cycle, for a query that asks it of its
    /// own agent: ask with <c>Any(id =&gt; id == agent.Id)</c> (one index lookup), not
    /// <c>Contains(agent.Id)</c> (PostgreSQL hashes the whole attendance table for it).
    /// </summary>
    public static IQueryable<int> AttendedAgentIds(AppDbContext db) => TrainingAttendance(db).Select(x => x.AgentId);

    /// <summary>May the agent vote as far as training goes: not required, or attended.</summary>
    public static async Task<bool> MeetsTrainingRuleAsync(AppDbContext db, Agent agent, CancellationToken cancellationToken = default) =>
        !agent.MustAttendTrainingToVote || await HasAttendedAsync(db, agent.Id, cancellationToken);

    /// <summary>The agents of the cycle that attended at least one of its training sessions.</summary>
    public static async Task<HashSet<int>> AttendedAgentIdsAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken = default) =>
        (await TrainingAttendance(db).Where(x => x.CycleId == cycleId).Select(x => x.AgentId).Distinct().ToListAsync(cancellationToken))
        .ToHashSet();

    /// <summary>The training sessions of its cycle the agent attended, earliest first.</summary>
    public static Task<List<AttendedSession>> SessionsOfAsync(AppDbContext db, int agentId, CancellationToken cancellationToken = default) =>
        TrainingAttendance(db)
            .Where(x => x.AgentId == agentId)
            .OrderBy(x => x.Meeting.StartsAt)
            .Select(x => new AttendedSession(x.Meeting.Id, x.Meeting.Title, x.Meeting.StartsAt, x.Meeting.Place))
            .ToListAsync(cancellationToken);

    /// <summary>Attendance at training sessions, kept only where meeting and agent share the cycle.</summary>
    private static IQueryable<TrainingPresence> TrainingAttendance(AppDbContext db) =>
        from attendance in db.Set<Attendance>()
        join meeting in db.Meetings on attendance.MeetingId equals meeting.Id
        join agent in db.Agents on attendance.AgentId equals agent.Id
        where meeting.Kind == MeetingKind.Training && meeting.CycleId == agent.CycleId
        select new TrainingPresence { AgentId = attendance.AgentId, CycleId = meeting.CycleId, Meeting = meeting };

    private sealed class TrainingPresence
    {
        public required int AgentId { get; init; }

        public required int? CycleId { get; init; }

        public required Meeting Meeting { get; init; }
    }
}
