using System.Data;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Meetings;

/// <summary>The names people read for each kind of meeting, and for the categories of guests.</summary>
public static class MeetingNames
{
    public static IReadOnlyList<MeetingKind> CycleKinds { get; } =
    [
        MeetingKind.Training, MeetingKind.InformationWorkshop, MeetingKind.PrioritizationWorkshop, MeetingKind.FormalizationWorkshop, MeetingKind.Other,
    ];

    public static string Of(MeetingKind kind, IStringLocalizer t) => kind switch
    {
        MeetingKind.Training => t["Capacitación"],
        MeetingKind.InformationWorkshop => t["Taller informativo"],
        MeetingKind.PrioritizationWorkshop => t["Taller de priorización"],
        MeetingKind.FormalizationWorkshop => t["Taller de formalización de acuerdos"],
        MeetingKind.CoordinationMeeting => t["Reunión de coordinación"],
        _ => t["Otra reunión"],
    };

    public static string Of(AttendeeCategory category, IStringLocalizer t) => category switch
    {
        AttendeeCategory.Staff => t["Equipo de conducción"],
        AttendeeCategory.TechnicalTeam => t["Equipo técnico"],
        AttendeeCategory.Authority => t["Autoridad"],
        _ => t["Invitado(a)"],
    };

    public static string Of(Sex? sex, IStringLocalizer t) => sex switch
    {
        Sex.Female => t["Mujer"],
        Sex.Male => t["Hombre"],
        _ => t["Sin registrar"],
    };
}

/// <summary>What marking one agent present did.</summary>
public enum MarkOutcome
{
    Marked,
    AlreadyPresent,
}

/// <summary>
/// Scheduling a meeting once: a double submit, or two identical posts at the same moment, make one
/// meeting. The twin (same cycle, kind, title, place and start) is looked for and the meeting
/// inserted in one serializable transaction; the loser of a conflict finds the winner's.
/// </summary>
public static class MeetingScheduling
{
    /// <summary>The new meeting's id, or its twin's; null with the reason in <paramref name="modelState"/>.</summary>
    public static async Task<int?> ScheduleOnceAsync(
        AppDbContext db, Cycle cycle, Actor actor, MeetingDetails details, ModelStateDictionary modelState, IStringLocalizer t, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            if (await TwinAsync(db, cycle.Id, details, ct) is { } twin)
            {
                return twin;
            }

            var meeting = Meeting.Schedule(cycle, actor, details);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return meeting.Id;
        }
        catch (DomainException e)
        {
            modelState.AddDomainError(e);
            return null;
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e))
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.Entity is Meeting or Attendance).ToList())
            {
                entry.State = EntityState.Detached;
            }

            if (await TwinAsync(db, cycle.Id, details, ct) is { } twin)
            {
                return twin;
            }

            modelState.AddModelError("", t["Otra persona guardó al mismo tiempo. Revise la lista y vuelva a intentarlo."]);
            return null;
        }
    }

    private static Task<int?> TwinAsync(AppDbContext db, int cycleId, MeetingDetails details, CancellationToken ct)
    {
        var title = details.Title.Trim();
        var place = details.Place.Trim();
        var startsAt = details.StartsAt.ToUniversalTime();
        return db.Meetings
            .Where(m => m.CycleId == cycleId && m.Kind == details.Kind && m.Title == title && m.Place == place && m.StartsAt == startsAt)
            .Select(m => (int?)m.Id)
            .FirstOrDefaultAsync(ct);
    }
}

/// <summary>
/// Attendance of one agent at one meeting, as the door and the pass scan record it: marking twice
/// counts once, even when two staff post at the same moment (the unique index decides; the loser
/// reloads and finds the agent present).
/// </summary>
public static class AttendanceDesk
{
    private const int SaveAttempts = 3;

    /// <summary>Sex of every agent of the cycle, for the counts.</summary>
    public static async Task<Dictionary<int, Sex>> AgentSexesAsync(AppDbContext db, int cycleId, CancellationToken ct) =>
        await db.Agents.AsNoTracking().Where(a => a.CycleId == cycleId).ToDictionaryAsync(a => a.Id, a => a.Sex, ct);

    /// <summary>
    /// Marks the agent present. A refused rule (agent of another cycle, not accredited) is a
    /// <see cref="DomainException"/> with a message naming the agent.
    /// </summary>
    public static async Task<MarkOutcome> MarkAsync(AppDbContext db, int meetingId, Agent agent, Actor staff, DateTimeOffset now, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.CycleId }).SingleAsync(ct);
        if (agent.CycleId != meeting.CycleId)
        {
            throw new DomainException(Messages.AgentOfAnotherCycle.Format(agent.FullName));
        }

        if (!agent.IsAccredited)
        {
            throw new DomainException(Messages.AgentNotAccreditedNamed.Format(agent.FullName));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var tracked = await db.Meetings.Include(m => m.Attendance).SingleAsync(m => m.Id == meetingId, ct);
                var marked = tracked.MarkPresent(agent, staff, now);
                await db.SaveChangesAsync(ct);
                return marked ? MarkOutcome.Marked : MarkOutcome.AlreadyPresent;
            }
            catch (Exception e) when (DatabaseErrors.IsConflict(e) && attempt < SaveAttempts)
            {
                // Another staff member marked the same agent at the same moment: look again.
                DetachMeetings(db);
            }
        }
    }

    /// <summary>Removes the agent's attendance; false when it was not recorded.</summary>
    public static async Task<bool> UnmarkAsync(AppDbContext db, int meetingId, int agentId, CancellationToken ct)
    {
        try
        {
            var tracked = await db.Meetings.Include(m => m.Attendance).SingleAsync(m => m.Id == meetingId, ct);
            var removed = tracked.Unmark(agentId);
            await db.SaveChangesAsync(ct);
            return removed;
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e))
        {
            // Someone else removed it first.
            DetachMeetings(db);
            return false;
        }
    }

    private static void DetachMeetings(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Meeting or Attendance).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}

/// <summary>
/// The agent's personal pass: a token that names the agent, signed and time-limited with ASP.NET
/// Data Protection, carried in the QR code the staff's phone scans at the door.
/// </summary>
public static class AgentPass
{
    public const string Purpose = "PbPeru.AgentPass";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(400);

    public static string Issue(IDataProtectionProvider provider, int agentId, DateTimeOffset now) =>
        Protector(provider).Protect(agentId.ToString(System.Globalization.CultureInfo.InvariantCulture), now + Lifetime);

    /// <summary>The agent id in a valid, unexpired token; null for a tampered, foreign or expired one.</summary>
    public static int? Read(IDataProtectionProvider provider, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var text = Protector(provider).Unprotect(token.Trim(), out _);
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider provider) =>
        provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
