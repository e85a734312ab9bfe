using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Meetings;

/// <summary>
/// Attendance at the door, on a phone: one search box (name or DNI), each result a big button that
/// marks (or unmarks) that one agent; the counts on top.
/// </summary>
public sealed class DoorModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public const int MaxResults = 20;

    public sealed record Result(int Id, string Name, string Organization, AgentRole Role, string MaskedDni, bool Present);

    public Meeting Meeting { get; private set; } = null!;

    public MeetingCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);

    public int AccreditedCount { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Result> Results { get; private set; } = [];

    /// <summary>More agents match than are shown: ask for a longer name or the DNI.</summary>
    public bool MoreResults { get; private set; }

    /// <summary>Why a DNI search found no one to mark (an agent not accredited, or of another cycle).</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        await LoadResultsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, int meetingId, int agentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var agent = await Db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        if (agent is null)
        {
            ModelState.AddModelError("", t["Ese agente no existe."]);
            return await PageAgainAsync(cancellationToken);
        }

        try
        {
            var outcome = await AttendanceDesk.MarkAsync(Db, Meeting.Id, agent, Actor, clock.GetUtcNow(), cancellationToken);
            TempData["Flash"] = outcome == MarkOutcome.Marked
                ? t["Asistencia registrada: {0}.", agent.FullName].Value
                : t["{0} ya estaba registrado(a) como presente.", agent.FullName].Value;
            return RedirectToPage(new { id, meetingId, q = Q });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return await PageAgainAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostUnmarkAsync(int id, int meetingId, int agentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var name = await Db.Agents.AsNoTracking().Where(a => a.Id == agentId && a.CycleId == Cycle.Id)
            .Select(a => a.GivenNames + " " + a.Surnames).SingleOrDefaultAsync(cancellationToken);
        var removed = name is not null && await AttendanceDesk.UnmarkAsync(Db, Meeting.Id, agentId, cancellationToken);
        TempData["Flash"] = removed
            ? t["Se quitó la asistencia de {0}.", name!].Value
            : t["Ese agente no estaba registrado como presente."].Value;
        return RedirectToPage(new { id, meetingId, q = Q });
    }

    private async Task<IActionResult> PageAgainAsync(CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        Meeting = await Db.Meetings.AsNoTracking().Include(m => m.Attendance).Include(m => m.Guests).AsSplitQuery()
            .SingleAsync(m => m.Id == Meeting.Id, cancellationToken);
        await LoadResultsAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var meeting = await Db.Meetings.AsNoTracking().Include(m => m.Attendance).Include(m => m.Guests).AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.CycleId == Cycle.Id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        Meeting = meeting;
        return null;
    }

    private async Task LoadResultsAsync(CancellationToken cancellationToken)
    {
        var sexes = await AttendanceDesk.AgentSexesAsync(Db, Cycle.Id, cancellationToken);
        Counts = Meeting.Counts(sexes);
        AccreditedCount = await Db.Agents.CountAsync(a => a.CycleId == Cycle.Id && a.IsAccredited, cancellationToken);
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var query = Q.Trim();
        var present = Meeting.Attendance.Select(a => a.AgentId).ToHashSet();
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        var byDni = digits.Length >= 3 && digits.Length == query.Replace(" ", "", StringComparison.Ordinal).Length;

        // A cycle has at most a few thousand agents: fold names in memory for an accent-blind search.
        var all = await Db.Agents.AsNoTracking()
            .Where(a => a.CycleId == Cycle.Id && a.IsAccredited)
            .Join(Db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a.Id, a.GivenNames, a.Surnames, a.Dni, a.Role, Organization = o.Name })
            .ToListAsync(cancellationToken);
        var search = SearchText.Fold(query);
        var matching = all
            .Where(a => byDni
                ? a.Dni.StartsWith(digits, StringComparison.Ordinal)
                : SearchText.NameMatches(a.GivenNames, a.Surnames, search))
            .OrderBy(a => a.Surnames, StringComparer.CurrentCulture).ThenBy(a => a.GivenNames, StringComparer.CurrentCulture).ThenBy(a => a.Id)
            .ToList();
        MoreResults = matching.Count > MaxResults;
        Results = matching.Take(MaxResults)
            .Select(a => new Result(a.Id, $"{a.GivenNames} {a.Surnames}", a.Organization, a.Role, Mask(a.Dni), present.Contains(a.Id)))
            .ToList();

        if (Results.Count == 0 && byDni && digits.Length == 8)
        {
            await ExplainDniAsync(digits, cancellationToken);
        }
    }

    /// <summary>A full DNI that is not among the accredited agents: say why, if the person is known.</summary>
    private async Task ExplainDniAsync(string dni, CancellationToken cancellationToken)
    {
        var here = await Db.Agents.AsNoTracking().Where(a => a.Dni == dni && a.CycleId == Cycle.Id)
            .Select(a => a.GivenNames + " " + a.Surnames).FirstOrDefaultAsync(cancellationToken);
        if (here is not null)
        {
            Notice = Messages.AgentNotAccreditedNamed.Format(here);
            return;
        }

        // Another cycle may be another jurisdiction's: name only the DNI typed.
        if (await Db.Agents.AnyAsync(a => a.Dni == dni, cancellationToken))
        {
            Notice = Messages.AgentOfAnotherCycle.Format($"DNI {dni}");
        }
    }

    /// <summary>The DNI with its middle hidden: enough to tell two namesakes apart at the door.</summary>
    private static string Mask(string dni) => dni.Length == 8 ? $"{dni[..2]}****{dni[^2..]}" : dni;
}
