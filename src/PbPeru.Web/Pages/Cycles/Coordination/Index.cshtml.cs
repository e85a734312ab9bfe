using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Coordination;

/// <summary>
/// The coordination board of a cycle: the lists of the linked cycles side by side, overlaps, reach
/// problems, meetings and the ledger of agreements, with the forms that record meetings,
/// agreements and the minutes. Every change goes through the space and is saved whole or not at all.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public const string MeetingErrors = "meeting";
    public const string CofinancingErrors = "cofinancing";
    public const string TransferErrors = "transfer";
    public const string MergeErrors = "merge";
    public const string RejectErrors = "reject";
    public const string KeepSeparateErrors = "keep";
    public const string RevokeErrors = "revoke";
    public const string MinutesErrors = "minutes";
    public const int AttendeeRows = 6;

    public sealed class AttendeeRow
    {
        public string? Name { get; set; }

        public string? Office { get; set; }

        public string? Government { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Office);
    }

    public sealed class MeetingForm
    {
        public DateOnly? Date { get; set; }

        public TimeOnly? Time { get; set; }

        public string? Place { get; set; }

        public List<AttendeeRow> Attendees { get; set; } = [];
    }

    public sealed class CofinancingForm
    {
        public int? MeetingNumber { get; set; }

        public int? Project { get; set; }

        /// <summary>The amount typed for each government, by cycle id; blank means no share.</summary>
        public Dictionary<int, string?> Amounts { get; set; } = [];
    }

    public sealed class TransferForm
    {
        public int? MeetingNumber { get; set; }

        public int? Project { get; set; }

        public int? ToCycle { get; set; }
    }

    public sealed class MergeForm
    {
        public int? MeetingNumber { get; set; }

        public List<int> Projects { get; set; } = [];

        public string? Title { get; set; }

        public string? Cost { get; set; }

        public int? Owner { get; set; }
    }

    public sealed class RejectForm
    {
        public int? MeetingNumber { get; set; }

        public int? Project { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class KeepSeparateForm
    {
        public int? MeetingNumber { get; set; }

        public int? First { get; set; }

        public int? Second { get; set; }

        public string? Note { get; set; }
    }

    public sealed class RevokeForm
    {
        public int? MeetingNumber { get; set; }

        public int? Agreement { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class MinutesForm
    {
        public string? Text { get; set; }

        public List<int> Meetings { get; set; } = [];
    }

    [BindProperty]
    public MeetingForm Meeting { get; set; } = new();

    [BindProperty]
    public CofinancingForm Cofinancing { get; set; } = new();

    [BindProperty]
    public TransferForm Transfer { get; set; } = new();

    [BindProperty]
    public MergeForm Merge { get; set; } = new();

    [BindProperty]
    public RejectForm Reject { get; set; } = new();

    [BindProperty]
    public KeepSeparateForm KeepSeparate { get; set; } = new();

    [BindProperty]
    public RevokeForm Revoke { get; set; } = new();

    [BindProperty]
    public MinutesForm MinutesInput { get; set; } = new();

    /// <summary>The space the cycle joined; null when it has not joined one.</summary>
    public CoordinationSpace? Space { get; private set; }

    public CoordinationState State { get; private set; } = null!;

    /// <summary>This cycle and the cycles it coordinates with, region first.</summary>
    public IReadOnlyList<CoordinatedCycle> Visible { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Governments { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, long> Populations { get; private set; } = new Dictionary<string, long>();

    /// <summary>The overlaps that involve a project on the visible lists.</summary>
    public IReadOnlyList<Overlap> Overlaps { get; private set; } = [];

    /// <summary>The active projects on the visible lists.</summary>
    public IReadOnlyList<ProjectStanding> ActiveProjects { get; private set; } = [];

    /// <summary>The agreements a revocation may name: in effect and not a revocation.</summary>
    public IReadOnlyList<CoordinationAgreement> Revocable { get; private set; } = [];

    public string GovernmentOf(int cycleId) => Governments.TryGetValue(cycleId, out var name) ? name : cycleId.ToString(CultureInfo.InvariantCulture);

    public string GovernmentOfUbigeo(string? ubigeo) =>
        Space?.Cycles.FirstOrDefault(c => c.JurisdictionUbigeo == ubigeo) is { } c ? GovernmentOf(c.CycleId) : ubigeo ?? "";

    public IReadOnlyList<string> ReachProblems(int projectNumber) => Space!.ReachProblems(projectNumber, Populations);

    public string ProjectLabel(int number) => State.Project(number) is { } p ? $"N.º {number} · {p.Project.Title}" : $"N.º {number}";

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Prefill();
        return Page();
    }

    public async Task<IActionResult> OnPostMeetingAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Space is null)
        {
            return NotFound();
        }

        if (Meeting.Date is not { } date || Meeting.Time is not { } time)
        {
            ModelState.AddModelError(MeetingErrors, t["Indique la fecha y la hora de la reunión."]);
            return await RedisplayAsync(cancellationToken);
        }

        var heldAt = LimaTime.At(date, time);
        var attendees = Meeting.Attendees.Where(a => !a.IsBlank)
            .Select(a => new AttendeeInput(a.Name ?? "", a.Office ?? "", a.Government ?? "")).ToList();
        return await ChangeAsync(MeetingErrors, () =>
        {
            var meeting = Space.RecordMeeting(new CoordinationMeetingInput(heldAt, Meeting.Place ?? "", attendees), Actor, clock.GetUtcNow());
            return t["Reunión N.º {0} registrada.", meeting.Number ?? 0];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostCofinancingAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Space is null)
        {
            return NotFound();
        }

        var shares = new List<ShareInput>();
        foreach (var (cycleId, text) in Cofinancing.Amounts.OrderBy(a => a.Key))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!Amount.TryParse(text, out var amount))
            {
                ModelState.AddModelError(CofinancingErrors, t["El monto de {0} no es un importe válido (por ejemplo 250000.00).", GovernmentOf(cycleId)]);
                continue;
            }

            if (amount.Centimos != 0)
            {
                shares.Add(new ShareInput(cycleId, amount));
            }
        }

        if (!RequireCommon(CofinancingErrors, Cofinancing.MeetingNumber, Cofinancing.Project))
        {
            return await RedisplayAsync(cancellationToken);
        }

        return await ChangeAsync(CofinancingErrors, () =>
        {
            var agreement = Space.AgreeCofinancing(Cofinancing.MeetingNumber!.Value, Cofinancing.Project!.Value, shares, Actor, clock.GetUtcNow());
            return t["Acuerdo N.º {0} registrado: cofinanciamiento.", agreement.Number];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostTransferAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Space is null)
        {
            return NotFound();
        }

        if (Transfer.ToCycle is null)
        {
            ModelState.AddModelError(TransferErrors, t["Elija la lista de destino."]);
        }

        if (!RequireCommon(TransferErrors, Transfer.MeetingNumber, Transfer.Project) || Transfer.ToCycle is null)
        {
            return await RedisplayAsync(cancellationToken);
        }

        return await ChangeAsync(TransferErrors, () =>
        {
            var agreement = Space.AgreeTransfer(Transfer.MeetingNumber!.Value, Transfer.Project!.Value, Transfer.ToCycle.Value, Actor, clock.GetUtcNow());
            return t["Acuerdo N.º {0} registrado: transferencia.", agreement.Number];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Space is null)
        {
            return NotFound();
        }

        var ok = RequireMeeting(MergeErrors, Merge.MeetingNumber);
        if (Merge.Projects.Count < 2)
        {
            ModelState.AddModelError(MergeErrors, Messages.MergeNeedsTwo.Format());
            ok = false;
        }

        if (Merge.Projects.Any(p => !OnVisibleList(p)))
        {
            ModelState.AddModelError(MergeErrors, t["El proyecto elegido no está en las listas de este tablero."]);
            ok = false;
        }

        if (!Amount.TryParse(Merge.Cost, out var cost))
        {
            ModelState.AddModelError(MergeErrors, t["Indique el costo del proyecto fusionado (por ejemplo 1500000.00)."]);
            ok = false;
        }

        if (Merge.Owner is null)
        {
            ModelState.AddModelError(MergeErrors, t["Elija la lista que tendrá el proyecto fusionado."]);
            ok = false;
        }

        if (!ok)
        {
            return await RedisplayAsync(cancellationToken);
        }

        return await ChangeAsync(MergeErrors, () =>
        {
            var agreement = Space.AgreeMerge(Merge.MeetingNumber!.Value, Merge.Projects, Merge.Title ?? "", cost, Merge.Owner!.Value, Actor, clock.GetUtcNow());
            return t["Acuerdo N.º {0} registrado: fusión en el proyecto N.º {1}.", agreement.Number, agreement.ResultProject ?? 0];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Space is null)
        {
            return NotFound();
        }

        if (!RequireCommon(RejectErrors, Reject.MeetingNumber, Reject.Project))
        {
            return await RedisplayAsync(cancellationToken);
        }

        return await ChangeAsync(RejectErrors, () =>
        {
            var agreement = Space.RejectForReach(Reject.MeetingNumber!.Value, Reject.Project!.Value, Reject.Reason ?? "", Actor, clock.GetUtcNow());
            return t["Acuerdo N.º {0} registrado: rechazo por alcance.", agreement.Number];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostKeepSeparateAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Space is null)
        {
            return NotFound();
        }

        if (KeepSeparate.Second is null)
        {
            ModelState.AddModelError(KeepSeparateErrors, Messages.KeepSeparateNeedsTwo.Format());
        }

        if (!RequireCommon(KeepSeparateErrors, KeepSeparate.MeetingNumber, KeepSeparate.First) || KeepSeparate.Second is null)
        {
            return await RedisplayAsync(cancellationToken);
        }

        return await ChangeAsync(KeepSeparateErrors, () =>
        {
            var agreement = Space.KeepSeparate(KeepSeparate.MeetingNumber!.Value, KeepSeparate.First!.Value, KeepSeparate.Second.Value, KeepSeparate.Note ?? "", Actor, clock.GetUtcNow());
            return t["Acuerdo N.º {0} registrado: los proyectos se mantienen separados.", agreement.Number];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Space is null)
        {
            return NotFound();
        }

        var ok = RequireMeeting(RevokeErrors, Revoke.MeetingNumber);
        if (Revoke.Agreement is null)
        {
            ModelState.AddModelError(RevokeErrors, t["Elija el acuerdo que se revoca."]);
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(Revoke.Reason))
        {
            ModelState.AddModelError(RevokeErrors, Messages.AgreementReasonRequired.Format(CoordinationAgreement.MaxReasonLength));
            ok = false;
        }

        if (!ok)
        {
            return await RedisplayAsync(cancellationToken);
        }

        return await ChangeAsync(RevokeErrors, () =>
        {
            var agreement = Space.Revoke(Revoke.MeetingNumber!.Value, Revoke.Agreement!.Value, Revoke.Reason ?? "", Actor, clock.GetUtcNow());
            return t["Acuerdo N.º {0} registrado: revoca el acuerdo N.º {1}.", agreement.Number, agreement.RevokesAgreement ?? 0];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostMinutesAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBoardAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Space is null)
        {
            return NotFound();
        }

        if (Space.MinutesRecorded)
        {
            // A second submit of the same minutes finds them recorded.
            TempData["Flash"] = t["El acta de coordinación ya fue registrada."];
            return RedirectToPage("Minutes", new { id = Cycle.Id });
        }

        var result = await ChangeAsync(MinutesErrors, () =>
        {
            Space.RecordMinutes(MinutesInput.Text ?? "", MinutesInput.Meetings, Actor, clock.GetUtcNow());
            return t["Acta de coordinación registrada."];
        }, cancellationToken);
        return result is RedirectToPageResult ? RedirectToPage("Minutes", new { id = Cycle.Id }) : result;
    }

    private bool RequireMeeting(string key, int? meeting)
    {
        if (meeting is null)
        {
            ModelState.AddModelError(key, t["Elija la reunión en la que se tomó el acuerdo."]);
            return false;
        }

        return true;
    }

    private bool RequireCommon(string key, int? meeting, int? project)
    {
        var ok = RequireMeeting(key, meeting);
        if (project is null)
        {
            ModelState.AddModelError(key, t["Elija el proyecto."]);
            ok = false;
        }
        else if (!OnVisibleList(project.Value))
        {
            ModelState.AddModelError(key, t["El proyecto elegido no está en las listas de este tablero."]);
            ok = false;
        }

        return ok && ModelState.ErrorCount == 0;
    }

    /// <summary>Whether a project is on one of the lists this board shows (a manager acts only on those).</summary>
    private bool OnVisibleList(int number) =>
        State.Project(number) is not { } p || Visible.Any(c => c.CycleId == p.OwnerCycleId);

    private async Task<IActionResult> ChangeAsync(string key, Func<string> change, CancellationToken cancellationToken)
    {
        try
        {
            var flash = change();

            // Every change of the space bumps its version: two people recording at once cannot both win.
            Db.Entry(Space!).Property("Version").IsModified = true;
            await Db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = flash;
            return RedirectToPage(new { id = Cycle.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, key);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ModelState.AddModelError(key, t["Otro acuerdo se registró a la vez; revise y vuelva a intentar."]);
        }

        // Nothing of the refused change stays: the board is read again from the database.
        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken, reload: true);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken, bool reload = false)
    {
        if (reload && await LoadBoardAsync(Cycle.Id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Request.Form.ContainsKey("Meeting.Place"))
        {
            Prefill();
        }

        Pad();
        return Page();
    }

    private void Prefill()
    {
        var today = LimaTime.Today(clock);
        Meeting.Date ??= today;
        Meeting.Time ??= new TimeOnly(10, 0);
        Pad();
    }

    private void Pad()
    {
        var kept = Meeting.Attendees.Where(a => !a.IsBlank).ToList();
        Meeting.Attendees = kept.Concat(Enumerable.Range(0, Math.Max(2, AttendeeRows - kept.Count)).Select(_ => new AttendeeRow())).ToList();
    }

    private async Task<IActionResult?> LoadBoardAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Space = await CoordinationQueries.OfCycleAsync(Db, id, tracking: true, cancellationToken);
        if (Space is null)
        {
            return null;
        }

        State = Space.State;
        var linked = Space.LinkedTo(id).Select(c => c.CycleId).Append(id).ToHashSet();
        Visible = Space.Cycles.Where(c => linked.Contains(c.CycleId)).ToList();
        Governments = await CoordinationQueries.GovernmentNamesAsync(Db, Space, t, cancellationToken);
        DistrictNames = await CoordinationQueries.DistrictNamesAsync(Db, Space, cancellationToken);
        Populations = await CoordinationQueries.DistrictPopulationsAsync(Db, Space, cancellationToken);
        var visibleIds = Visible.Select(c => c.CycleId).ToHashSet();
        ActiveProjects = State.Active.Where(p => visibleIds.Contains(p.OwnerCycleId)).ToList();
        var activeNumbers = ActiveProjects.Select(p => p.Number).ToHashSet();
        Overlaps = State.Overlaps.Where(o => activeNumbers.Contains(o.First) || activeNumbers.Contains(o.Second)).ToList();
        Revocable = State.InEffect.Where(a => a.Kind != AgreementKind.Revoke).ToList();
        return null;
    }
}
