using System.Globalization;
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
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Registration;

/// <summary>
/// One organization's registration, for its representative: details, agents, documents, sending
/// it for review, and the review's decisions (with what to fix when it was observed).
/// </summary>
public sealed class EditModel(
    AppDbContext db,
    IDocumentStore documents,
    TimeProvider clock,
    IValidator<OrganizationInput> detailsValidator,
    IValidator<AgentInput> agentValidator,
    IStringLocalizer<SharedResource> t,
    Notifier notifier,
    ILogger<EditModel> logger) : PageModel, IOrganizationForm
{
    public const string DetailsErrors = "Details";
    public const string AgentErrors = "NewAgent";
    public const string DocumentErrors = "Upload";
    public const string SubmitErrors = "Submit";

    private bool _detailsPosted;
    private bool _agentPosted;

    public Organization Organization { get; private set; } = null!;

    public Cycle Cycle { get; private set; } = null!;

    public OrganizationInput Details { get; private set; } = new();

    public AgentInput NewAgent { get; private set; } = new();

    public IReadOnlyList<DistrictGroup> Districts { get; private set; } = [];

    public DateOnly Today => LimaTime.Today(clock);

    /// <summary>Why the registration cannot change now although it is a draft or observed (the window closed, say).</summary>
    public string? EditBlocked { get; private set; }

    public bool CanEdit => Organization.IsEditable && EditBlocked is null;

    public CalendarEntry? RegistrationWindow => Cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Registration);

    public int TitularCount => Organization.Agents.Count(a => a.Role == AgentRole.Titular);

    public int SuplenteCount => Organization.Agents.Count(a => a.Role == AgentRole.Suplente);

    /// <summary>The roles the form offers: those with room under the cycle's limits (the domain checks them again).</summary>
    public IReadOnlyList<AgentRole> OpenRoles =>
        Enum.GetValues<AgentRole>()
            .Where(role => (role == AgentRole.Titular ? TitularCount : SuplenteCount) < (role == AgentRole.Titular
                ? Cycle.AccreditationRules.TitularsPerOrganization
                : Cycle.AccreditationRules.SuplentesPerOrganization))
            .ToList();

    public ReviewDecision? LatestDecision => Organization.Decisions.LastOrDefault();

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await RedisplayAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostDetailsAsync(int id, [Bind(Prefix = nameof(Details))] OrganizationInput details, CancellationToken cancellationToken)
    {
        Details = details;
        _detailsPosted = true;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.AddValidation(await detailsValidator.ValidateAsync(details, cancellationToken), nameof(Details)))
        {
            return await RedisplayAsync(id, cancellationToken);
        }

        Districts = await DistrictOptions.OfJurisdictionAsync(db, Cycle.JurisdictionUbigeo, cancellationToken);
        if (!Districts.Contains(details.DistrictUbigeo.Trim()))
        {
            ModelState.AddModelError("Details.DistrictUbigeo", t["Elija un distrito de la jurisdicción del ciclo."]);
            return await RedisplayAsync(id, cancellationToken);
        }

        return await ChangeAsync(id, DetailsErrors, "details", () =>
        {
            Organization.UpdateDetails(Cycle, details.ToDetails(), Today);
            return Task.FromResult(t["Datos de la organización guardados."].Value);
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAgentAsync(int id, [Bind(Prefix = nameof(NewAgent))] AgentInput agent, CancellationToken cancellationToken)
    {
        NewAgent = agent;
        _agentPosted = true;
        if (!ModelState.AddValidation(await agentValidator.ValidateAsync(agent, cancellationToken), nameof(NewAgent)))
        {
            return await RedisplayAsync(id, cancellationToken);
        }

        var dni = agent.NormalizedDni;
        var role = agent.Role!.Value;
        var alreadyThere = t["{0} ya figura como {1} de la organización.", $"{agent.GivenNames.Trim()} {agent.Surnames.Trim()}", RegistrationLabels.Of(role, t).ToLowerInvariant()].Value;
        bool IsThisAgent(Agent a) => a.Dni == dni && a.Role == role && a.GivenNames == agent.GivenNames.Trim() && a.Surnames == agent.Surnames.Trim();
        try
        {
            return await ChangeAsync(id, AgentErrors, "agents", async () =>
            {
                // The same agent sent twice (a double click) is already there: nothing more to do.
                if (Organization.Agents.Any(IsThisAgent))
                {
                    return alreadyThere;
                }

                var takenElsewhere = await db.Agents.AnyAsync(
                    a => a.CycleId == Organization.CycleId && a.Dni == dni && a.OrganizationId != Organization.Id, cancellationToken);
                var added = Organization.AddAgent(Cycle, agent.ToDetails(), role, takenElsewhere, Today);
                return t["Se inscribió a {0} como {1}.", added.FullName, RegistrationLabels.Of(role, t).ToLowerInvariant()].Value;
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Someone saved the same DNI between our check and our save: this very form sent
            // twice (then it is done), or another organization (then it is refused).
            db.ChangeTracker.Clear();
            if (await LoadAsync(id, cancellationToken) && Organization.Agents.Any(IsThisAgent))
            {
                TempData["Flash"] = alreadyThere;
                return RedirectToPage("/Registration/Edit", pageHandler: null, routeValues: new { id }, fragment: "agents");
            }

            ModelState.AddModelError(AgentErrors, Messages.DniAlreadyRegistered.Format(dni));
            return await RedisplayAsync(id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostRemoveAgentAsync(int id, int agentId, CancellationToken cancellationToken) =>
        await ChangeAsync(id, AgentErrors, "agents", () =>
        {
            var name = Organization.Agents.FirstOrDefault(a => a.Id == agentId)?.FullName ?? "";
            Organization.RemoveAgent(Cycle, agentId, Today);
            return Task.FromResult(t["{0} ya no figura entre los agentes.", name].Value);
        }, cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ComputeEditBlocked();
        if (!CanEdit || upload is null)
        {
            ModelState.AddModelError(DocumentErrors, !Organization.IsEditable
                ? Messages.OrganizationNotEditable.Format()
                : EditBlocked ?? t["Elija el archivo que desea adjuntar."]);
            return await RedisplayAsync(id, cancellationToken);
        }

        if (await documents.TrySaveAsync(upload, ModelState, DocumentErrors, t, cancellationToken) is not { } stored)
        {
            return await RedisplayAsync(id, cancellationToken);
        }

        // The stored file stays only if its record was saved: refused, failed, or the same file
        // already attached, it is deleted.
        var added = false;
        return await ChangeAsync(id, DocumentErrors, "documents", () =>
        {
            added = false;
            if (Organization.Documents.Any(d => d.Sha256 == stored.Sha256))
            {
                return Task.FromResult(t["Ese archivo ya estaba adjunto."].Value);
            }

            Organization.AddDocument(Cycle, DisplayName(upload.FileName, stored.ContentType), stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256, Today, clock.GetUtcNow());
            added = true;
            return Task.FromResult(t["Documento adjuntado: {0}.", DisplayName(upload.FileName, stored.ContentType)].Value);
        }, cancellationToken, saved: ok =>
        {
            if (!ok || !added)
            {
                DeleteQuietly(stored.Key);
            }
        });
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int id, int documentId, CancellationToken cancellationToken)
    {
        OrganizationDocument? removed = null;
        var result = await ChangeAsync(id, DocumentErrors, "documents", () =>
        {
            removed = Organization.RemoveDocument(Cycle, documentId, Today);
            return Task.FromResult(t["Documento quitado: {0}.", removed.FileName].Value);
        }, cancellationToken, saved: ok =>
        {
            // The file goes only once its record is gone for good.
            if (ok && removed is not null)
            {
                DeleteQuietly(removed.StorageKey);
            }
        });
        return result;
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        bool? correcting = null;
        var result = await ChangeAsync(id, SubmitErrors, "status", () =>
        {
            // Sent twice (a double click): the first one did it.
            if (Organization.Status == OrganizationStatus.Submitted)
            {
                return Task.FromResult(t["La inscripción ya fue enviada a revisión."].Value);
            }

            correcting = Organization.Status == OrganizationStatus.Observed;
            Organization.Submit(Cycle, Today, clock.GetUtcNow());
            return Task.FromResult(correcting.Value
                ? t["Corrección reenviada a revisión. Recibirá un aviso con la decisión."].Value
                : t["Inscripción enviada a revisión. Recibirá un aviso con la decisión."].Value);
        }, cancellationToken, saved => correcting = saved ? correcting : null);

        if (correcting is { } resent)
        {
            await TellManagersAsync(resent, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The jurisdiction's cycle managers learn in the app that a registration waits in their queue.
    /// A notice, not the decision itself: it is saved after the registration, and an error here
    /// is logged without undoing it.
    /// </summary>
    private async Task TellManagersAsync(bool resent, CancellationToken cancellationToken)
    {
        try
        {
            var managers = await db.StaffAssignments
                .Where(s => s.Role == Roles.CycleManager && s.JurisdictionUbigeo == Cycle.JurisdictionUbigeo)
                .Select(s => s.UserId)
                .Distinct()
                .ToListAsync(cancellationToken);
            var link = $"/Cycles/Registrations/{Cycle.Id}/Review/{Organization.Id}";
            foreach (var manager in managers)
            {
                notifier.NotifyInApp(
                    manager,
                    resent
                        ? t["«{0}» reenvió su inscripción corregida en el ciclo {1}.", Organization.Name, Cycle.Name]
                        : t["«{0}» envió su inscripción a revisión en el ciclo {1}.", Organization.Name, Cycle.Name],
                    link);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not tell the managers of cycle {CycleId} about organization {OrganizationId}", Cycle.Id, Organization.Id);
        }
    }

    /// <summary>
    /// Loads the organization and runs <paramref name="change"/> on it through the domain in one
    /// serializable transaction; then back to the page with the change's message, or the page
    /// again with the domain's reasons under <paramref name="errorKey"/> and nothing saved.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        int id, string errorKey, string fragment, Func<Task<string>> change, CancellationToken cancellationToken, Action<bool>? saved = null)
    {
        string? flash;
        try
        {
            flash = await SerializedChange.RunAsync(db, async () =>
            {
                if (!await LoadAsync(id, cancellationToken))
                {
                    return null;
                }

                var message = await change();
                await db.SaveChangesAsync(cancellationToken);
                return message;
            }, cancellationToken);
        }
        catch (DomainException e)
        {
            saved?.Invoke(false);
            ModelState.AddDomainError(e, errorKey);
            return await RedisplayAsync(id, cancellationToken);
        }
        catch
        {
            saved?.Invoke(false);
            throw;
        }

        saved?.Invoke(flash is not null);
        if (flash is null)
        {
            return NotFound();
        }

        TempData["Flash"] = flash;
        return RedirectToPage("/Registration/Edit", pageHandler: null, routeValues: new { id }, fragment: fragment);
    }

    /// <summary>The page as it stands in the database, keeping what the person just typed in the form they sent.</summary>
    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!_detailsPosted)
        {
            Details = OrganizationInput.From(Organization);
        }

        if (!_agentPosted)
        {
            NewAgent = new AgentInput { Role = OpenRoles.Count > 0 ? OpenRoles[0] : null };
        }

        Districts = await DistrictOptions.OfJurisdictionAsync(db, Cycle.JurisdictionUbigeo, cancellationToken);
        ComputeEditBlocked();
        return Page();
    }

    /// <summary>Only the organization's own representative finds it; anyone else gets "not found".</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var organization = await db.Organizations
            .Include(o => o.Agents)
            .Include(o => o.Documents)
            .Include(o => o.Decisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id && o.RepresentativeUserId == userId, cancellationToken);
        if (organization is null)
        {
            return false;
        }

        Organization = organization;
        Cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == organization.CycleId, cancellationToken);
        return true;
    }

    // The domain's rule (Organization.EnsureEditable): a draft needs the registration window; a
    // correction only needs the cycle to be still in Preparation.
    private void ComputeEditBlocked()
    {
        EditBlocked = null;
        if (!Organization.IsEditable)
        {
            return;
        }

        if (Organization.Status == OrganizationStatus.Draft)
        {
            try
            {
                Organization.EnsureRegistrationOpen(Cycle, Today);
            }
            catch (DomainException e)
            {
                EditBlocked = e.Message;
            }
        }
        else if (Cycle.Phase != Phase.Preparation)
        {
            EditBlocked = Messages.NotInPreparation.Format();
        }
    }

    private void DeleteQuietly(string key)
    {
        try
        {
            documents.Delete(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The record is what counts; a file left behind is only disk space.
            logger.LogWarning(e, "Could not delete the stored document {Key}", key);
        }
    }

    /// <summary>The person's file name, short enough to keep (and never a path); shown back to them and used for downloads.</summary>
    private static string DisplayName(string fileName, string contentType)
    {
        const int MaxLength = 200;
        var name = Path.GetFileName(fileName.Replace('\\', '/').Trim());
        var extension = Path.GetExtension(name);
        if (name.Length == 0 || extension.Length > 10)
        {
            name = "documento" + (contentType == "application/pdf" ? ".pdf" : contentType == "image/png" ? ".png" : ".jpg");
        }

        return name.Length <= MaxLength ? name : string.Concat(name.AsSpan(0, MaxLength - extension.Length), extension);
    }

    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Format(CultureInfo.CurrentCulture, "{0:N0} KB", Math.Max(1, (bytes + 512) / 1024))
        : string.Format(CultureInfo.CurrentCulture, "{0:N1} MB", bytes / (1024d * 1024d));
}
