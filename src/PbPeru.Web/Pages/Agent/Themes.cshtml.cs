using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.AgentRecord;

/// <summary>
/// The signed-in accredited agent's theme vote in a cycle: a position per theme (ranking) or points
/// per theme (points), cast or changed while the prioritization window is open.
/// </summary>
public sealed class ThemesModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    // Named explicitly: a dictionary absent from the form (Points when ranking, say) would
    // otherwise be bound from the whole form and fail on the other one's keys, in English.
    [BindProperty(Name = "Positions")]
    public Dictionary<int, int?> Positions { get; set; } = [];

    [BindProperty(Name = "Points")]
    public Dictionary<int, int?> Points { get; set; } = [];

    public Cycle Cycle { get; private set; } = null!;

    public Agent Agent { get; private set; } = null!;

    public ThemeVote? Vote { get; private set; }

    public string? Closed { get; private set; }

    public CalendarEntry? Window => Cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.ThemePrioritization);

    public bool IsRanking => Cycle.ProposalRules.ThemeVoting == ThemeVoteMethod.Ranking;

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cycleId, cancellationToken))
        {
            return NotFound();
        }

        foreach (var theme in Cycle.Themes)
        {
            Positions[theme.Id] = Vote?.Ranking.ToList().IndexOf(theme.Id) is { } i && i >= 0 ? i + 1 : null;
            Points[theme.Id] = Vote is null ? null : Vote.Points.GetValueOrDefault(theme.Id);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cycleId, cancellationToken))
        {
            return NotFound();
        }

        ThemeBallot ballot;
        if (IsRanking)
        {
            // Themes in the order of the positions given; a position repeated or missing leaves the
            // ranking incomplete, which the domain refuses with its message.
            var order = Cycle.Themes
                .Where(th => Positions.GetValueOrDefault(th.Id) is not null)
                .GroupBy(th => Positions[th.Id]!.Value)
                .Where(g => g.Count() == 1)
                .OrderBy(g => g.Key)
                .Select(g => g.Single().Id)
                .ToList();
            ballot = ThemeBallot.Ranking(order);
        }
        else
        {
            ballot = ThemeBallot.Points(Cycle.Themes.ToDictionary(th => th.Id, th => Points.GetValueOrDefault(th.Id) ?? 0));
        }

        var today = LimaTime.Today(clock);
        var now = clock.GetUtcNow();
        try
        {
            var changed = Vote is not null;
            if (Vote is null)
            {
                db.ThemeVotes.Add(ThemeVote.Cast(Cycle, Agent, ballot, today, now));
            }
            else
            {
                Vote.Change(Cycle, Agent, ballot, today, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = changed ? t["Su priorización fue cambiada."].Value : t["Su priorización fue registrada."].Value;
            return RedirectToPage(new { cycleId });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return Page();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A twin request cast it first: this one changes it.
            db.ChangeTracker.Clear();
            await LoadAsync(cycleId, cancellationToken);
            Vote!.Change(Cycle, Agent, ballot, today, now);
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage(new { cycleId });
        }
    }

    private async Task<bool> LoadAsync(int cycleId, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.CycleId == cycleId && a.UserId == userId && a.IsAccredited, cancellationToken);
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Calendar).Include(c => c.Themes).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (agent is null || cycle is null)
        {
            return false;
        }

        Agent = agent;
        Cycle = cycle;
        Vote = await db.ThemeVotes.Include(v => v.Entries).SingleOrDefaultAsync(v => v.CycleId == cycleId && v.AgentId == agent.Id, cancellationToken);
        try
        {
            ConcertationWindow.Ensure(cycle, CalendarStep.ThemePrioritization, LimaTime.Today(clock));
            Closed = null;
        }
        catch (DomainException e)
        {
            Closed = e.Message;
        }

        return true;
    }
}
