using Microsoft.AspNetCore.DataProtection;
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
/// Where the staff's phone camera lands when it reads an agent's pass: the agent, and today's
/// meetings of the agent's cycle, one button each. Only a manager of the cycle's jurisdiction.
/// </summary>
public sealed class ScanModel(
    AppDbContext db, CurrentActor currentActor, TimeProvider clock, IDataProtectionProvider protection, IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public sealed record MeetingRow(int Id, MeetingKind Kind, string Title, DateTimeOffset StartsAt, string Place, bool Present);

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Null when the token is bad or expired (the page says so).</summary>
    public Agent? Agent { get; private set; }

    public string Organization { get; private set; } = "";

    public IReadOnlyList<MeetingRow> Today { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAgentAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        if (Agent is not null)
        {
            await LoadTodayAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAgentAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        if (Agent is null)
        {
            return Page();
        }

        var meeting = await Db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.CycleId }).SingleOrDefaultAsync(cancellationToken);
        if (meeting is null || meeting.CycleId != Cycle.Id)
        {
            ModelState.AddModelError("", Messages.AgentOfAnotherCycle.Format(Agent.FullName));
            await LoadTodayAsync(cancellationToken);
            return Page();
        }

        try
        {
            var outcome = await AttendanceDesk.MarkAsync(Db, meetingId, Agent, Actor, clock.GetUtcNow(), cancellationToken);
            TempData["Flash"] = outcome == MarkOutcome.Marked
                ? t["Asistencia registrada: {0}.", Agent.FullName].Value
                : t["{0} ya estaba registrado(a) como presente.", Agent.FullName].Value;
            return RedirectToPage(new { token = Token });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            Db.ChangeTracker.Clear();
            await LoadTodayAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Reads the token; loads the agent's cycle (403/404 as for any cycle page). Null to go on.</summary>
    private async Task<IActionResult?> LoadAgentAsync(CancellationToken cancellationToken)
    {
        if (AgentPass.Read(protection, Token) is not { } agentId)
        {
            return null;
        }

        var agent = await Db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        if (agent is null)
        {
            return null;
        }

        if (await LoadAsync(agent.CycleId, cancellationToken) is { } denied)
        {
            return denied;
        }

        Agent = agent;
        Organization = await Db.Organizations.AsNoTracking().Where(o => o.Id == agent.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        return null;
    }

    private async Task LoadTodayAsync(CancellationToken cancellationToken)
    {
        var today = LimaTime.Today(clock);
        var from = LimaTime.At(today, TimeOnly.MinValue);
        var to = LimaTime.At(today.AddDays(1), TimeOnly.MinValue);
        var agentId = Agent!.Id;
        Today = await Db.Meetings.AsNoTracking()
            .Where(m => m.CycleId == Cycle.Id && m.StartsAt >= from && m.StartsAt < to)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.Kind, m.Title, m.StartsAt, m.Place, m.Attendance.Any(a => a.AgentId == agentId)))
            .ToListAsync(cancellationToken);
    }
}
