using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Pages.AgentVoting;

/// <summary>
/// An agent's ballot in a cycle's final vote, in three steps on one address: the ballot (marks kept
/// on every refusal), the review (what will be cast, with a fresh submission key), and the receipt
/// (shown once, in the answer to the cast itself). The server checks everything again; the ballot
/// box makes a repeated submission one ballot.
/// </summary>
public sealed class BallotModel(AppDbContext db, VoteCache votes, TimeProvider clock, BallotBox ballotBox, IStringLocalizer<SharedResource> t) : PageModel
{
    public enum Step
    {
        Ballot,
        Review,
        Receipt,
    }

    // Named explicitly: a collection absent from the form (Points on a knapsack ballot, say) would
    // otherwise be bound from the whole form and fail on the other fields' keys.
    [BindProperty(Name = "Picked")]
    public List<int> Picked { get; set; } = [];

    [BindProperty(Name = "Points")]
    public Dictionary<int, int?> Points { get; set; } = [];

    [BindProperty(Name = "Places")]
    public Dictionary<int, int?> Places { get; set; } = [];

    /// <summary>The revision of the agent's ballot when the page was shown (0: none yet); a cast over a newer one is refused.</summary>
    [BindProperty(Name = "Revision")]
    public int Revision { get; set; }

    [BindProperty(Name = "SubmissionKey")]
    public string? SubmissionKey { get; set; }

    public Voter Voter { get; private set; } = null!;

    public FinalVote Vote => Voter.Vote!;

    public VoteState State { get; private set; }

    public Step Shown { get; private set; }

    /// <summary>The marks the page shows: the ballot in force on arrival, what was posted afterwards.</summary>
    public IReadOnlyList<BallotChoice> Selection { get; private set; } = [];

    /// <summary>Why no ballot form is shown (not open, not eligible…), or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>True when the marks shown are the ballot in force (on arrival), not marks sent back with a message.</summary>
    public bool ShowsBallotInForce { get; private set; }

    public string? Receipt { get; private set; }

    public DateTimeOffset? CastAt { get; private set; }

    public bool Repeated { get; private set; }

    public bool Changed { get; private set; }

    /// <summary>Support so far per ballot position (points on a cumulative ballot), only when the cycle shows running counts and the vote is open.</summary>
    public IReadOnlyDictionary<int, long>? RunningCounts { get; private set; }

    public bool ResultPublished { get; private set; }

    public BallotType BallotType => Vote.Rules.BallotType;

    public bool MarksOnly => BallotType is BallotType.Approval or BallotType.Knapsack;

    public Money SelectionCost => Selection.Aggregate(Money.Zero, (sum, c) => sum + (Vote.Item(c.Position)?.Cost ?? Money.Zero));

    public int ValueOf(int position) => Selection.FirstOrDefault(c => c.Position == position).Value;

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Selection = Voter.Ballot?.Selections ?? [];
        Revision = Voter.Ballot?.Revision ?? 0;
        ShowsBallotInForce = true;
        return Page();
    }

    /// <summary>Step 1: check the marks; if they can be cast, show them for review with a new submission key.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Selection = Posted();
        if (Unavailable is not null)
        {
            // The same words the ballot box would use: nothing was saved, and why.
            ModelState.AddModelError("", State == VoteState.Open ? Unavailable : Messages.BallotNotOpen.Format());
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = Vote.ProblemsOf(Selection);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError("", problem);
            }

            return Page();
        }

        SubmissionKey = ReceiptCodes.NewSubmissionKey();
        Shown = Step.Review;
        return Page();
    }

    /// <summary>"Volver y cambiar": the ballot again, with the marks under review.</summary>
    public async Task<IActionResult> OnPostBackAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Selection = Posted();
        ModelState.Clear();
        return Page();
    }

    /// <summary>Step 2: cast. The receipt is shown in this answer and never again; posting it again shows the same receipt.</summary>
    public async Task<IActionResult> OnPostCastAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Selection = Posted();
        if (Voter.Vote is null || !ModelState.IsValid)
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(SubmissionKey))
        {
            // Not from the review step (a hand-made request): review first.
            ModelState.AddModelError("", t["Revise su voto y confírmelo para emitirlo."]);
            return Page();
        }

        // Even when the page would say the vote is closed, the ballot box answers: a reload of the
        // receipt after the close is the same submission and gets the same receipt.
        var seen = new CastingSeen(Vote, Voter.Agent!, Voter.Trained, Voter.Ballot);
        var outcome = await ballotBox.CastAsync(Vote.Id, Voter.Agent!.Id, Selection, SubmissionKey, Revision, seen, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.Problem!);

            // Reload: the message may come from a change elsewhere (another window, the close); the
            // marks stay as sent, and the revision now seen lets the agent send them deliberately.
            if (await LoadAsync(cycleId, cancellationToken) is { } gone)
            {
                return gone;
            }

            Revision = Voter.Ballot?.Revision ?? 0;
            return Page();
        }

        var ballot = outcome.Ballot!;
        Receipt = outcome.Receipt;
        CastAt = ballot.CastAt;
        Repeated = outcome.Repeated;
        Changed = outcome.Changed;
        Selection = ballot.Selections;
        Shown = Step.Receipt;

        // The answer holds the receipt: neither the browser nor a proxy may keep it.
        Response.Headers.CacheControl = "no-cache, no-store";
        return Page();
    }

    /// <summary>
    /// Loads the cycle and the person's place in its vote. Null when the page can be shown (perhaps
    /// with <see cref="Unavailable"/> set); otherwise the answer: 404 for an unknown cycle, 403 with
    /// a plain message for someone who is not an agent of the cycle.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(int cycleId, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var voter = await Voter.LoadAsync(db, votes, userId, cycleId, cancellationToken);
        if (voter is null)
        {
            return NotFound();
        }

        Voter = voter;
        ViewData[Notifier.UnreadCountKey] = voter.UnreadNotices;
        if (voter.Agent is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }

        if (voter.Vote is not { } vote)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        State = vote.StateAt(now);
        Unavailable = voter.WhyCannotVote ?? State switch
        {
            VoteState.Scheduled => Messages.VoteNotOpenYet.Format(),
            VoteState.Closed => Messages.VoteAlreadyClosed.Format(),
            _ => null,
        };
        ResultPublished = State == VoteState.Closed && voter.Cycle.Phase >= Phase.Published
            && await db.VoteResults.AnyAsync(r => r.FinalVoteId == vote.Id, cancellationToken);
        if (vote.Rules.RunningCountsVisible && State == VoteState.Open)
        {
            var cumulative = vote.Rules.BallotType == BallotType.Cumulative;
            RunningCounts = (await VoteQueries.BallotsAsync(db, vote.Id, cancellationToken))
                .SelectMany(b => b.Selections)
                .GroupBy(c => c.Position)
                .ToDictionary(g => g.Key, g => cumulative ? g.Sum(c => (long)c.Value) : g.LongCount());
        }

        return null;
    }

    /// <summary>The marks as posted, in the ballot type's fields; values the domain will judge are kept as sent.</summary>
    private List<BallotChoice> Posted() => Voter.Vote is null
        ? []
        : BallotType switch
        {
            BallotType.Approval or BallotType.Knapsack => Picked.Select(p => new BallotChoice(p, 1)).ToList(),
            BallotType.Cumulative => Points.Where(p => p.Value is { } v && v != 0).Select(p => new BallotChoice(p.Key, p.Value!.Value)).ToList(),
            _ => Places.Where(p => p.Value is not null).Select(p => new BallotChoice(p.Key, p.Value!.Value)).ToList(),
        };
}
