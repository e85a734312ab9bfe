using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Registration;

/// <summary>The first step of a registration: the organization's details, in a cycle whose registration is open.</summary>
public sealed class CreateModel(
    AppDbContext db,
    TimeProvider clock,
    IValidator<OrganizationInput> validator,
    IStringLocalizer<SharedResource> t) : PageModel, IOrganizationForm
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty]
    public OrganizationInput Details { get; set; } = new();

    public Cycle Cycle { get; private set; } = null!;

    public IReadOnlyList<DistrictGroup> Districts { get; private set; } = [];

    /// <summary>Why registration is not possible today, or null while it is open.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.AddValidation(await validator.ValidateAsync(Details, cancellationToken), nameof(Details)))
        {
            return Page();
        }

        if (!Districts.Contains(Details.DistrictUbigeo.Trim()))
        {
            ModelState.AddModelError("Details.DistrictUbigeo", t["Elija un distrito de la jurisdicción del ciclo."]);
            return Page();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var name = Details.Name.Trim();
        try
        {
            var (id, isNew) = await SerializedChange.RunAsync(db, async () =>
            {
                // The same organization sent twice (a double click, a second tab) is the first one.
                var existing = await db.Organizations
                    .Where(o => o.CycleId == CycleId && o.RepresentativeUserId == userId && o.Name.ToLower() == name.ToLower())
                    .Select(o => (int?)o.Id)
                    .FirstOrDefaultAsync(cancellationToken);
                if (existing is { } found)
                {
                    return (found, false);
                }

                var cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == CycleId, cancellationToken);
                var organization = Organization.Register(cycle, userId, Details.ToDetails(), LimaTime.Today(clock), clock.GetUtcNow());
                db.Organizations.Add(organization);
                await db.SaveChangesAsync(cancellationToken);
                return (organization.Id, true);
            }, cancellationToken);

            TempData["Flash"] = isNew
                ? t["Organización registrada. Ahora inscriba a sus agentes, adjunte sus documentos y envíe la inscripción."].Value
                : t["Esta organización ya estaba registrada en el ciclo: continúe su inscripción aquí."].Value;
            return RedirectToPage("/Registration/Edit", new { id });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return Page();
        }
    }

    /// <summary>False when there is no such cycle open to the public (a cycle still being configured is not shown).</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Calendar).SingleOrDefaultAsync(c => c.Id == CycleId, cancellationToken);
        if (cycle is null || cycle.Phase == Phase.Draft)
        {
            return false;
        }

        Cycle = cycle;
        try
        {
            Organization.EnsureRegistrationOpen(cycle, LimaTime.Today(clock));
        }
        catch (DomainException e)
        {
            Closed = e.Message;
        }

        Districts = await DistrictOptions.OfJurisdictionAsync(db, cycle.JurisdictionUbigeo, cancellationToken);
        return true;
    }
}
