using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;

namespace PbPeru.Web.Pages.Cycles.Consensus;

/// <summary>
/// The manager's consensus records: what the workshops decided by consensus instead of by a vote
/// (the theme priorities, the final prioritization, the committee, any other decision), each with
/// the decision, its minutes and the meeting where it was reached. Recording asks for a
/// confirmation, since a record does not change; the result pages then show it in place of a vote
/// count.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t, AuditTrail audit)
    : CyclePageModel(db, currentActor)
{
    public sealed class RecordForm
    {
        public ConsensusSubject? Subject { get; set; }

        /// <summary>The cycle's meeting where the consensus was reached; optional.</summary>
        public int? MeetingId { get; set; }

        public string? Decision { get; set; }

        public string? Minutes { get; set; }

        public bool Confirm { get; set; }

        /// <summary>The random key of the form: a second submit finds the record the first made.</summary>
        public string? CreationKey { get; set; }
    }

    public sealed record MeetingOption(int Id, string Label);

    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public IReadOnlyList<ConsensusView> Records { get; private set; } = [];

    public IReadOnlyList<MeetingOption> Meetings { get; private set; } = [];

    /// <summary>Consensus is recorded while the process runs: not in Draft, once published, nor closed.</summary>
    public bool CanRecord => Cycle.Phase is not (Phase.Draft or Phase.Published or Phase.Closed);

    /// <summary>The subjects recorded once per cycle that already have their record.</summary>
    public bool IsRecorded(ConsensusSubject subject) =>
        ConsensusRecord.IsOncePerCycle(subject) && Records.Any(r => r.Subject == subject);

    public async Task<IActionResult> OnGetAsync(int id, ConsensusSubject? subject, int? meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.Subject = subject is { } s && Enum.IsDefined(s) ? s : null;
        Input.MeetingId = meetingId;
        await FillAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var key = Input.CreationKey;
        if (string.IsNullOrEmpty(key) || key.Length != ConsensusRecord.CreationKeyLength)
        {
            key = NewKey();
            Input.CreationKey = key;
        }
        else if (await Db.ConsensusRecords.AnyAsync(r => r.CycleId == id && r.CreationKey == key, cancellationToken))
        {
            // A second submit of the same form: the first one recorded it.
            return Done(t["El consenso ya estaba registrado."]);
        }

        if (Input.Subject is null)
        {
            ModelState.AddModelError("Input.Subject", Messages.ConsensusSubjectInvalid.Format());
        }

        Domain.Meetings.Meeting? meeting = null;
        if (Input.MeetingId is { } meetingId)
        {
            // Any meeting by its id: the domain refuses one of another cycle with its message.
            meeting = await Db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
            if (meeting is null)
            {
                ModelState.AddModelError("Input.MeetingId", t["La reunión elegida ya no existe."]);
            }
        }

        if (!Input.Confirm)
        {
            ModelState.AddModelError("Input.Confirm", t["Marque la casilla para confirmar el registro. Un consenso registrado no se puede cambiar."]);
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }

        var subject = Input.Subject!.Value;
        try
        {
            var recorded = await Db.ConsensusRecords.Where(r => r.CycleId == id).Select(r => r.Subject).ToListAsync(cancellationToken);
            ConsensusRecord.EnsureNotYetRecorded(subject, recorded);
            var record = ConsensusRecord.Record(Cycle, Actor, meeting, subject, Input.Decision ?? "", Input.Minutes ?? "", key, clock.GetUtcNow());
            Db.ConsensusRecords.Add(record);
            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"cycle:{Cycle.Id}", $"consensus recorded: {subject}");
            await Db.SaveChangesAsync(cancellationToken);
            return Done(t["Consenso registrado: {0}.", ConsensusQueries.SubjectLabel(subject, t)]);
        }
        catch (DomainException e)
        {
            // "Already recorded" may be this very form, sent twice at once, that the other request saved first.
            Db.ChangeTracker.Clear();
            if (await Db.ConsensusRecords.AnyAsync(r => r.CycleId == id && r.CreationKey == key, cancellationToken))
            {
                return Done(t["El consenso ya estaba registrado."]);
            }

            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Lost a race: the same form submitted twice at once, or another manager recorded this subject first.
            Db.ChangeTracker.Clear();
            if (await Db.ConsensusRecords.AnyAsync(r => r.CycleId == id && r.CreationKey == key, cancellationToken))
            {
                return Done(t["El consenso ya estaba registrado."]);
            }

            ModelState.AddModelError("Input.Subject", Messages.ConsensusAlreadyRecorded.Format());
        }

        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken);
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage(new { id = Cycle.Id });
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken);
        return Page();
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        Records = await ConsensusQueries.OfCycleAsync(Db, Cycle.Id, cancellationToken);
        var meetings = await Db.Meetings.AsNoTracking()
            .Where(m => m.CycleId == Cycle.Id)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.Place })
            .ToListAsync(cancellationToken);
        Meetings = meetings
            .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            .Select(m => new MeetingOption(m.Id, $"{LimaTime.Format(m.StartsAt)} · {m.Title} · {m.Place}"))
            .ToList();
        if (string.IsNullOrEmpty(Input.CreationKey))
        {
            Input.CreationKey = NewKey();
        }

        Input.Confirm = false;
    }
}
