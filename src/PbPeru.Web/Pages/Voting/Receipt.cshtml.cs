using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Pages.AgentVoting;

/// <summary>
/// The agent checks a receipt code against its own ballot in force (only its own: the code is
/// compared with the hash kept on that one row). Posted, not put in the address, so the code stays
/// out of histories and logs.
/// </summary>
public sealed class ReceiptModel(AppDbContext db, VoteCache votes, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(Name = "Code")]
    public string? Code { get; set; }

    public Voter Voter { get; private set; } = null!;

    /// <summary>Null until a code is checked; then whether it is the receipt of the ballot in force.</summary>
    public bool? Matches { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken) =>
        await LoadAsync(cycleId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError("Code", t["Escriba el código de su recibo."]);
            return Page();
        }

        if (Voter.Ballot is { } ballot)
        {
            Matches = ballot.HasReceipt(Code);
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int cycleId, CancellationToken cancellationToken)
    {
        var voter = await Voter.LoadAsync(db, votes, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cycleId, cancellationToken);
        if (voter is null)
        {
            return NotFound();
        }

        Voter = voter;
        ViewData[Notifier.UnreadCountKey] = voter.UnreadNotices;
        return voter.Agent is null ? new PageResult { StatusCode = StatusCodes.Status403Forbidden } : null;
    }
}
