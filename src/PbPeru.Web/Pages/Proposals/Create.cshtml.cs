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

namespace PbPeru.Web.Pages.Proposals;

/// <summary>
/// A new ficha, saved as a draft. The form carries a key made when it was shown: the same form
/// sent twice (a double click, a reload) makes one proposal.
/// </summary>
public sealed class CreateModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel, IProposalForm
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty]
    public Guid CreationKey { get; set; }

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public Cycle Cycle { get; private set; } = null!;

    public IReadOnlyList<DistrictChoiceGroup> DistrictGroups { get; private set; } = [];

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    /// <summary>Why a proposal cannot be written today, or null while the window is open.</summary>
    public string? Closed { get; private set; }

    public bool CanEdit => Closed is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        CreationKey = Guid.NewGuid();
        Input.ThemeId = 0;
        Input.Pad();
        return Page();
    }

    /// <summary>More blank rows of co-financing and years, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostMoreRowsAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Input.Pad(ProposalInput.BlankRows + 2);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (CreationKey == Guid.Empty)
        {
            CreationKey = Guid.NewGuid();
        }

        // Sent before: the first one made it.
        if (await ExistingAsync(userId, cancellationToken) is { } existing)
        {
            return RedirectToPage("/Proposals/Edit", new { id = existing });
        }

        var organization = Organizations.FirstOrDefault(o => o.Id == OrganizationId);
        if (organization is null)
        {
            ModelState.AddModelError("OrganizationId", t["Elija la organización que presenta la propuesta."]);
        }

        var details = Input.ToDetails(ModelState, t);
        if (details is null || organization is null)
        {
            Input.Pad(1);
            return Page();
        }

        try
        {
            var populations = await ProposalReads.PopulationsAsync(db, Cycle.JurisdictionUbigeo, cancellationToken);
            var proposal = Proposal.Draft(Cycle, Proposer.Of(Cycle, organization, userId), details, populations, LimaTime.Today(clock), clock.GetUtcNow());
            db.Proposals.Add(proposal);
            db.Entry(proposal).Property("CreationKey").CurrentValue = (Guid?)CreationKey;
            await db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = t["Propuesta guardada como borrador. Revísela, adjunte sus documentos y preséntela antes del cierre."].Value;
            return RedirectToPage("/Proposals/Edit", new { id = proposal.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            Input.Pad(1);
            return Page();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The twin request won the race.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(userId, cancellationToken) is { } id)
            {
                return RedirectToPage("/Proposals/Edit", new { id });
            }

            throw;
        }
    }

    private Task<int?> ExistingAsync(string userId, CancellationToken cancellationToken) =>
        db.Proposals
            .Where(p => EF.Property<Guid?>(p, "CreationKey") == CreationKey && p.ProposerUserId == userId)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>False when there is no such cycle, or the user may not propose in it.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var cycle = await ProposalReads.CycleAsync(db, CycleId, cancellationToken);
        if (cycle is null)
        {
            return false;
        }

        Cycle = cycle;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Organizations = await ProposalReads.ProposingOrganizationsAsync(db, cycle.Id, userId, cancellationToken);
        if (Organizations.Count == 0)
        {
            return false;
        }

        if (Organizations.Count == 1)
        {
            OrganizationId ??= Organizations[0].Id;
        }

        try
        {
            ConcertationWindow.Ensure(cycle, CalendarStep.ProposalSubmission, LimaTime.Today(clock));
        }
        catch (DomainException e)
        {
            Closed = e.Message;
        }

        DistrictGroups = await ProposalReads.DistrictsAsync(db, cycle.JurisdictionUbigeo, cancellationToken);
        return true;
    }
}
