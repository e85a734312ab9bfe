using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Execution;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Infrastructure.Execution;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Oversight;

/// <summary>
/// Records the execution of one approved project: its state, physical progress, amount spent,
/// milestone dates, photos and documents, and observations. Every update is a new entry of the
/// project's history (never edited); the form starts from the latest one. Only this cycle's
/// oversight committee and the staff managing its jurisdiction (403 for anyone else).
/// </summary>
public sealed class ExecutionProjectModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IDocumentStore documents, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public const string FileErrors = "Entry.Files";

    public sealed class EntryInput
    {
        public ExecutionState? State { get; set; }

        public int? ProgressPercent { get; set; }

        /// <summary>Soles, as typed ("S/ 1,250.50", "1250.5").</summary>
        public string? Spent { get; set; }

        public DateOnly? TenderDate { get; set; }

        public DateOnly? StartDate { get; set; }

        public DateOnly? PlannedEndDate { get; set; }

        public DateOnly? ActualEndDate { get; set; }

        public string? Observations { get; set; }

        /// <summary>The form's random key: a second submit of the same form records nothing more.</summary>
        public string? CreationKey { get; set; }
    }

    [BindProperty]
    public EntryInput Entry { get; set; } = new();

    public ExecutionAccess Access { get; private set; } = null!;

    public Cycle Cycle => Access.Cycle;

    public ApprovedProject Project { get; private set; } = null!;

    public ProjectExecution? FollowUp { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanRecord => Cycle.Phase is Phase.Published or Phase.Closed;

    public async Task<IActionResult> OnGetAsync(int cycleId, int rank, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, rank, cancellationToken) is { } refused)
        {
            return refused;
        }

        Prefill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cycleId, int rank, List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, rank, cancellationToken) is { } refused)
        {
            return refused;
        }

        var key = Entry.CreationKey?.Trim() ?? "";
        if (key.Length is 0 or > ProjectExecution.CreationKeyLength)
        {
            ModelState.AddModelError("", t["El formulario caducó. Revise los datos y vuelva a enviarlo."]);
            Entry.CreationKey = NewKey();
            return Page();
        }

        if (FollowUp?.WithCreationKey(key) is not null)
        {
            return Done(t["La actualización ya estaba registrada."]);
        }

        if (Entry.State is null || Entry.ProgressPercent is null)
        {
            ModelState.AddModelError("", t["Indique el estado y el avance físico del proyecto."]);
            return Page();
        }

        Money spent = Money.Zero;
        if (!string.IsNullOrWhiteSpace(Entry.Spent) && !Amount.TryParse(Entry.Spent, out spent))
        {
            ModelState.AddModelError("Entry.Spent", t["Escriba el monto ejecutado en soles, con hasta dos decimales (por ejemplo 125000.50)."]);
            return Page();
        }

        var uploads = (files ?? []).Where(f => f.Length > 0).ToList();
        var input = new ExecutionEntryInput(
            Entry.State.Value,
            Entry.ProgressPercent.Value,
            spent,
            new ExecutionMilestones(Entry.TenderDate, Entry.StartDate, Entry.PlannedEndDate, Entry.ActualEndDate),
            Entry.Observations);

        // Checked before storing any file, so that a wrong form keeps nothing.
        var problems = ProjectExecution.Problems(input, [.. uploads.Select(_ => new ExecutionFile("", "", "", 0, ""))], Today).ToList();
        if (problems.Count > 0)
        {
            ModelState.AddDomainError(new DomainException(problems));
            return Page();
        }

        var stored = new List<ExecutionFile>();
        foreach (var upload in uploads)
        {
            var document = await documents.TrySaveAsync(upload, ModelState, FileErrors, t, cancellationToken);
            if (document is null)
            {
                Forget(stored);
                return Page();
            }

            stored.Add(new ExecutionFile(FileNameOf(upload), document.Key, document.ContentType, document.SizeBytes, document.Sha256));
        }

        try
        {
            var followUp = FollowUp;
            if (followUp is null)
            {
                followUp = ProjectExecution.Start(Cycle, rank, clock.GetUtcNow());
                db.ProjectExecutions.Add(followUp);
            }

            followUp.Record(Cycle, Access.Actor, Access.IsMember, input, stored, key, Today, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Done(t["Actualización registrada."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
        {
            // The same form sent twice at once, or another person recorded an update meanwhile.
            db.ChangeTracker.Clear();
            Forget(stored);
            if (await LoadAsync(cycleId, rank, cancellationToken) is { } gone)
            {
                return gone;
            }

            if (FollowUp?.WithCreationKey(key) is not null)
            {
                return Done(t["La actualización ya estaba registrada."]);
            }

            ModelState.AddModelError("", t["Otra persona registró una actualización mientras usted escribía. Revise el historial y vuelva a enviar."]);
            return Page();
        }

        Forget(stored);
        db.ChangeTracker.Clear();
        return await LoadAsync(cycleId, rank, cancellationToken) ?? Page();
    }

    /// <summary>A photo or document of this project (for the people who record it).</summary>
    public async Task<IActionResult> OnGetFileAsync(int cycleId, int rank, int attachmentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, rank, cancellationToken) is { } refused)
        {
            return refused;
        }

        var file = await ExecutionQueries.AttachmentAsync(db, cycleId, rank, attachmentId, cancellationToken);
        return file is null ? NotFound() : DocumentDownload.Of(documents, file.StorageKey, file.ContentType, file.FileName, Response);
    }

    public static string NewKey() => Guid.NewGuid().ToString("N");

    private async Task<IActionResult?> LoadAsync(int cycleId, int rank, CancellationToken cancellationToken)
    {
        var access = await ExecutionAccess.OfAsync(db, currentActor, cycleId, cancellationToken);
        if (!ExecutionAccess.Admits(access, out var refusal))
        {
            return refusal;
        }

        var list = await ApprovedListQuery.ForCycleAsync(db, cycleId, cancellationToken);
        if (list?.Projects.FirstOrDefault(p => p.Rank == rank) is not { } project)
        {
            return NotFound();
        }

        Access = access;
        Project = project;
        FollowUp = await ExecutionQueries.OfProjectAsync(db, cycleId, rank, tracking: true, cancellationToken);
        Today = LimaTime.Today(clock);
        return null;
    }

    private void Prefill()
    {
        var latest = FollowUp?.Latest;
        Entry = new EntryInput
        {
            State = latest?.State ?? ExecutionState.NotStarted,
            ProgressPercent = latest?.ProgressPercent ?? 0,
            Spent = Amount.ForInput(latest?.Spent ?? Money.Zero),
            TenderDate = latest?.TenderDate,
            StartDate = latest?.StartDate,
            PlannedEndDate = latest?.PlannedEndDate,
            ActualEndDate = latest?.ActualEndDate,
            CreationKey = NewKey(),
        };
    }

    private void Forget(IEnumerable<ExecutionFile> stored)
    {
        foreach (var file in stored)
        {
            documents.Delete(file.StorageKey);
        }
    }

    private static string FileNameOf(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        name = string.IsNullOrWhiteSpace(name) ? "archivo" : name.Trim();
        return name.Length > 200 ? name[^200..] : name;
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage("/Oversight/ExecutionProject", new { cycleId = Cycle.Id, rank = Project.Rank });
    }
}
