using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Training;

/// <summary>
/// The attendance checklist of one training session: the cycle's accredited agents, a box each.
/// A save changes only the boxes the person changed, so two staff at the door do not undo each other.
/// </summary>
public sealed class AttendanceModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public const int PageSize = 50;
    private const int SaveAttempts = 3;

    public sealed record AgentRow(int Id, string Name, string Organization, AgentRole Role, bool Present, bool Trained, bool MustAttendToVote);

    public Meeting Meeting { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The agents the form showed.</summary>
    [BindProperty]
    public List<int> Shown { get; set; } = [];

    /// <summary>Of those, the ones it showed as present.</summary>
    [BindProperty]
    public List<int> WasPresent { get; set; } = [];

    /// <summary>Of those, the ones ticked when saved.</summary>
    [BindProperty]
    public List<int> Present { get; set; } = [];

    public IReadOnlyList<AgentRow> Agents { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    public int PresentCount { get; private set; }

    public int AccreditedCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        int id, int meetingId, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        await LoadChecklistAsync(pageNumber, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        int id, int meetingId, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var shown = Shown.ToHashSet();
        var toMark = Present.Where(a => shown.Contains(a) && !WasPresent.Contains(a)).ToHashSet();
        var toUnmark = WasPresent.Where(a => shown.Contains(a) && !Present.Contains(a)).ToHashSet();

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (marked, unmarked) = await ApplyAsync(toMark, toUnmark, cancellationToken);
                TempData["Flash"] = t["Asistencia guardada. Marcados: {0}; desmarcados: {1}.", marked, unmarked].Value;
                return LocalRedirect($"{Request.PathBase}{Request.Path}{Request.QueryString}");
            }
            catch (DomainException e)
            {
                ModelState.AddDomainError(e);
                break;
            }
            catch (Exception e) when (DatabaseErrors.IsConflict(e) && attempt < SaveAttempts)
            {
                // Someone else saved the same boxes at the same moment: reload and apply again,
                // which now finds them marked (marking twice counts once).
                await ReloadMeetingAsync(cancellationToken);
            }
        }

        await ReloadMeetingAsync(cancellationToken);
        await LoadChecklistAsync(pageNumber, cancellationToken);
        return Page();
    }

    private async Task<(int Marked, int Unmarked)> ApplyAsync(
        HashSet<int> toMark, HashSet<int> toUnmark, CancellationToken cancellationToken)
    {
        var agents = toMark.Count == 0
            ? []
            : await Db.Agents.Where(a => toMark.Contains(a.Id) && a.CycleId == Cycle.Id).ToListAsync(cancellationToken);
        if (agents.Count != toMark.Count)
        {
            throw new DomainException(Messages.AttendeeNotAccredited.Format());
        }

        var now = clock.GetUtcNow();
        var marked = agents.Count(agent => Meeting.MarkPresent(agent, Actor, now));
        var unmarked = toUnmark.Count(Meeting.Unmark);
        await Db.SaveChangesAsync(cancellationToken);
        return (marked, unmarked);
    }

    private async Task<IActionResult?> LoadAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var meeting = await FindMeetingAsync(meetingId, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        Meeting = meeting;
        return null;
    }

    private Task<Meeting?> FindMeetingAsync(int meetingId, CancellationToken cancellationToken) =>
        Db.Meetings.Include(m => m.Attendance)
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.CycleId == Cycle.Id && m.Kind == MeetingKind.Training, cancellationToken);

    private async Task ReloadMeetingAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Db.ChangeTracker.Entries().Where(e => e.Entity is PbPeru.Domain.Meetings.Meeting or PbPeru.Domain.Meetings.Attendance).ToList())
        {
            entry.State = EntityState.Detached;
        }

        Meeting = await FindMeetingAsync(Meeting.Id, cancellationToken) ?? Meeting;
    }

    private async Task LoadChecklistAsync(int pageNumber, CancellationToken cancellationToken)
    {
        // A cycle has at most a few thousand agents: fold names in memory for an accent-blind search.
        var all = await Db.Agents
            .AsNoTracking()
            .Where(a => a.CycleId == Cycle.Id && a.IsAccredited)
            .Join(Db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new
            {
                a.Id,
                a.GivenNames,
                a.Surnames,
                Organization = o.Name,
                a.Role,
                a.MustAttendTrainingToVote,
            })
            .ToListAsync(cancellationToken);
        AccreditedCount = all.Count;

        var present = Meeting.Attendance.Select(a => a.AgentId).ToHashSet();
        PresentCount = all.Count(a => present.Contains(a.Id));
        var trained = await TrainingStatus.AttendedAgentIdsAsync(Db, Cycle.Id, cancellationToken);

        var search = string.IsNullOrWhiteSpace(Q) ? null : SearchText.Fold(Q);
        var matching = all
            .Where(a => search is null || SearchText.NameMatches(a.GivenNames, a.Surnames, search))
            .OrderBy(a => a.Surnames, StringComparer.CurrentCulture).ThenBy(a => a.GivenNames, StringComparer.CurrentCulture).ThenBy(a => a.Id)
            .ToList();
        Pager = Pager.For(pageNumber, PageSize, matching.Count);
        Agents = matching.Skip(Pager.Skip).Take(PageSize)
            .Select(a => new AgentRow(
                a.Id, $"{a.Surnames}, {a.GivenNames}", a.Organization, a.Role, present.Contains(a.Id), trained.Contains(a.Id), a.MustAttendTrainingToVote))
            .ToList();
    }
}
