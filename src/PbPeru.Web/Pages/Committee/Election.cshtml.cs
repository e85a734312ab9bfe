using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.AgentCommittee;

/// <summary>
/// An agent in one cycle's oversight committee election, on one address: before the opening it
/// stands or withdraws; while open it approves up to the seats' number of candidates (a fresh
/// submission key per page makes a double submit one ballot; the revision seen refuses a stale
/// page); after the count it sees the elected members. The agent is found by the signed-in
/// account, never by an id in the address.
/// </summary>
public sealed class ElectionModel(AppDbContext db, TimeProvider clock, CommitteeBallotBox ballotBox, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(Name = "Picked")]
    public List<int> Picked { get; set; } = [];

    /// <summary>The revision of the agent's ballot when the page was shown (0: none yet).</summary>
    [BindProperty(Name = "Revision")]
    public int Revision { get; set; }

    [BindProperty(Name = "SubmissionKey")]
    public string? SubmissionKey { get; set; }

    public int CycleId { get; private set; }

    public string CycleName { get; private set; } = "";

    public Agent? Agent { get; private set; }

    public CommitteeElection? Election { get; private set; }

    public CommitteeBallot? Ballot { get; private set; }

    public CommitteeElectionState State { get; private set; }

    public IReadOnlyList<CommitteeCandidateView> Candidates { get; private set; } = [];

    public IReadOnlyList<CommitteeMemberView> Members { get; private set; } = [];

    /// <summary>Why this agent may not vote, or null.</summary>
    public string? WhyCannotVote { get; private set; }

    /// <summary>The marks shown: the ballot in force on arrival, what was posted after a refusal.</summary>
    public IReadOnlyList<int> Selection { get; private set; } = [];

    public bool IsCandidate => Agent is not null && Election?.IsCandidate(Agent.Id) == true;

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Selection = Ballot?.Approvals ?? [];
        Revision = Ballot?.Revision ?? 0;
        SubmissionKey = ReceiptCodes.NewSubmissionKey();
        return Page();
    }

    public async Task<IActionResult> OnPostCastAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Selection = Picked;
        if (Election is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(SubmissionKey))
        {
            ModelState.AddModelError("", t["Recargue la página y vuelva a enviar su voto."]);
            SubmissionKey = ReceiptCodes.NewSubmissionKey();
            return Page();
        }

        var outcome = await ballotBox.CastAsync(Election.Id, Agent!.Id, Picked, SubmissionKey, Revision, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.Problem!);

            // Reload: the message may come from a change elsewhere (another window, the close); the
            // marks stay as sent, and the revision now seen lets the agent send them deliberately.
            if (await LoadAsync(cycleId, cancellationToken) is { } gone)
            {
                return gone;
            }

            Revision = Ballot?.Revision ?? 0;
            return Page();
        }

        TempData["Flash"] = outcome.Repeated
            ? t["Este envío ya estaba registrado: es el mismo voto."].Value
            : outcome.Changed ? t["Su voto fue cambiado. Solo cuenta el último."].Value : t["Su voto fue registrado."].Value;
        return RedirectToPage(new { cycleId });
    }

    public Task<IActionResult> OnPostStandAsync(int cycleId, CancellationToken cancellationToken) => CandidacyAsync(
        cycleId,
        (election, cycle, agent, userId, now) => election.Stand(cycle, agent, userId, now),
        t["Su candidatura fue registrada."],
        cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int cycleId, CancellationToken cancellationToken) => CandidacyAsync(
        cycleId,
        (election, cycle, agent, _, now) => election.Withdraw(cycle, agent, now),
        t["Retiró su candidatura."],
        cancellationToken);

    private async Task<IActionResult> CandidacyAsync(int cycleId, Action<CommitteeElection, Cycle, Agent, string, DateTimeOffset> change, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Election is null)
        {
            return NotFound();
        }

        var election = await CommitteeQueries.OfCycleAsync(db, cycleId, tracking: true, cancellationToken);
        var cycle = await db.Cycles.SingleAsync(c => c.Id == cycleId, cancellationToken);
        try
        {
            change(election!, cycle, Agent!, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow());
            db.Entry(election!).Property<int>("Version").IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = done;
            return RedirectToPage(new { cycleId });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ModelState.AddModelError("", t["La elección cambió mientras usted la veía. Revise la página y vuelva a intentarlo."]);
        }

        db.ChangeTracker.Clear();
        if (await LoadAsync(cycleId, cancellationToken) is { } gone)
        {
            return gone;
        }

        SubmissionKey = ReceiptCodes.NewSubmissionKey();
        return Page();
    }

    /// <summary>Null when the page can be shown; otherwise 404 for an unknown cycle, 403 for someone who is not an agent of it.</summary>
    private async Task<IActionResult?> LoadAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        CycleId = cycle.Id;
        CycleName = cycle.Name;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Agent = await db.Agents.AsNoTracking().Where(a => a.UserId == userId && a.CycleId == cycleId).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (Agent is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }

        Election = await CommitteeQueries.OfCycleAsync(db, cycleId, tracking: false, cancellationToken);
        if (Election is null)
        {
            return null;
        }

        State = Election.StateAt(clock.GetUtcNow());
        Candidates = await CommitteeQueries.CandidatesAsync(db, Election, cancellationToken);
        Ballot = await db.CommitteeBallots.AsNoTracking().SingleOrDefaultAsync(b => b.CommitteeElectionId == Election.Id && b.AgentId == Agent.Id, cancellationToken);
        WhyCannotVote = Election.WhyCannotVote(Agent, await CommitteeQueries.VoterFactsAsync(db, Election, Agent, cancellationToken));
        if (Election.IsCounted)
        {
            Members = await CommitteeQueries.MembersAsync(db, cycleId, cancellationToken);
        }

        return null;
    }
}
