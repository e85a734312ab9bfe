using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure;

/// <summary>The workshop where a consensus was reached, as the record shows it.</summary>
public sealed record ConsensusMeeting(int Id, string Title, DateTimeOffset StartsAt, string Place);

/// <summary>A consensus record as the manager's page and the public result pages (partial <c>_ConsensusRecord</c>) show it.</summary>
public sealed record ConsensusView(
    int Id,
    int CycleId,
    ConsensusSubject Subject,
    string Decision,
    string Minutes,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    ConsensusMeeting? Meeting);

public static class ConsensusQueries
{
    /// <summary>Every record of the cycle, newest first.</summary>
    public static async Task<IReadOnlyList<ConsensusView>> OfCycleAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken)
    {
        var rows = await (
            from r in db.ConsensusRecords.AsNoTracking()
            where r.CycleId == cycleId
            join m in db.Meetings.AsNoTracking() on r.MeetingId equals (int?)m.Id into meetings
            from m in meetings.DefaultIfEmpty()
            select new { Record = r, Meeting = m == null ? null : new ConsensusMeeting(m.Id, m.Title, m.StartsAt, m.Place) })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(x => x.Record.RecordedAt).ThenByDescending(x => x.Record.Id)
            .Select(x => new ConsensusView(
                x.Record.Id, x.Record.CycleId, x.Record.Subject, x.Record.Decision, x.Record.Minutes, x.Record.RecordedAt, x.Record.RecordedBy, x.Meeting))
            .ToList();
    }

    /// <summary>The record of a subject recorded once per cycle (themes, final vote, committee), or null.</summary>
    public static async Task<ConsensusView?> OfSubjectAsync(AppDbContext db, int cycleId, ConsensusSubject subject, CancellationToken cancellationToken) =>
        (await OfCycleAsync(db, cycleId, cancellationToken)).FirstOrDefault(r => r.Subject == subject);

    public static string SubjectLabel(ConsensusSubject subject, IStringLocalizer t) => subject switch
    {
        ConsensusSubject.ThemePriorities => t["Priorización de ejes temáticos"],
        ConsensusSubject.FinalVote => t["Priorización final de proyectos"],
        ConsensusSubject.CommitteeElection => t["Elección del comité de vigilancia"],
        _ => t["Otra decisión"],
    };
}
