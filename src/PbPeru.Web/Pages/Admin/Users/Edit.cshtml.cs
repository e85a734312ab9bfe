using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Admin.Users;

/// <summary>
/// One account: its name and roles, the jurisdictions its staff roles are granted for, and unlocking
/// it after too many failed sign-ins. Each change is written whole or not at all.
/// </summary>
public sealed class EditModel(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IValidator<EditModel.EditInput> validator,
    IValidator<EditModel.GrantInput> grantValidator,
    IStringLocalizer<SharedResource> t,
    TimeProvider clock) : PageModel
{
    public sealed class EditInput
    {
        public string FullName { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        /// <summary>The jurisdiction for a staff role being added that has none yet.</summary>
        public string? JurisdictionUbigeo { get; set; }
    }

    public sealed class EditInputValidator : AbstractValidator<EditInput>
    {
        public EditInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.FullName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => t["Escriba el nombre completo."])
                .MaximumLength(AppUser.MaxFullNameLength).WithMessage(_ => t["El nombre puede tener hasta {0} caracteres.", AppUser.MaxFullNameLength]);
            RuleForEach(x => x.Roles).Must(r => Identity.Roles.All.Contains(r)).WithMessage(_ => t["Rol desconocido."]);
            RuleFor(x => x.JurisdictionUbigeo).MustBeUbigeo(t);
        }
    }

    public sealed class GrantInput
    {
        public string Role { get; set; } = Identity.Roles.CycleManager;

        public string? Ubigeo { get; set; }
    }

    public sealed class GrantInputValidator : AbstractValidator<GrantInput>
    {
        public GrantInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Role).Must(r => Identity.Roles.ScopedToJurisdiction.Contains(r))
                .WithMessage(_ => t["Elija Responsable del ciclo o Equipo técnico."]);
            RuleFor(x => x.Ubigeo).Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage(_ => t["Escriba el ubigeo de la jurisdicción."])
                .MustBeUbigeo(t);
        }
    }

    public sealed record GrantRow(int Id, string Role, string Ubigeo, string JurisdictionName, GovernmentLevel? Government);

    [BindProperty]
    public EditInput Input { get; set; } = new();

    [BindProperty]
    public GrantInput NewGrant { get; set; } = new();

    public AppUser Account { get; private set; } = null!;

    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];

    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    /// <summary>The administrator is editing their own account.</summary>
    public bool IsSelf { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        FillInputFromAccount();
        return Page();
    }

    /// <summary>Saves the name and the roles; a staff role added here gets its first jurisdiction too.</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // An empty field binds as null.
        Input.FullName = Input.FullName?.Trim() ?? "";
        Input.Roles ??= [];
        Input.JurisdictionUbigeo = string.IsNullOrWhiteSpace(Input.JurisdictionUbigeo) ? null : Input.JurisdictionUbigeo.Trim();
        var valid = ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken));
        var roles = UserAdministration.Known(Input.Roles);
        var removed = CurrentRoles.Except(roles).ToList();
        var added = roles.Except(CurrentRoles).ToList();

        // So that the system always keeps an administrator: another one must do it.
        if (IsSelf && removed.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Input.Roles", t["No puede quitarse a sí mismo el rol de Administrador; otro administrador puede hacerlo."]);
            valid = false;
        }

        var needingGrant = added.Where(Roles.ScopedToJurisdiction.Contains).Where(r => Grants.All(g => g.Role != r)).ToList();
        if (needingGrant.Count > 0 && Input.JurisdictionUbigeo is null)
        {
            ModelState.AddModelError("Input.JurisdictionUbigeo", t["Indique el ubigeo de la jurisdicción para Responsable del ciclo o Equipo técnico."]);
            valid = false;
        }
        else if (needingGrant.Count == 0 && Input.JurisdictionUbigeo is not null)
        {
            ModelState.AddModelError("Input.JurisdictionUbigeo", t["Este ubigeo solo se usa al marcar Responsable del ciclo o Equipo técnico. Para otra jurisdicción, use «Añadir una jurisdicción»."]);
            valid = false;
        }
        else if (Input.JurisdictionUbigeo is { } ubigeo && ModelState.GetFieldValidationState("Input.JurisdictionUbigeo") != ModelValidationState.Invalid
            && await UserAdministration.CheckGrantJurisdictionAsync(db, ubigeo, t, cancellationToken) is { } problem)
        {
            ModelState.AddModelError("Input.JurisdictionUbigeo", problem);
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        Account.FullName = Input.FullName;
        var result = await users.UpdateAsync(Account);
        if (result.Succeeded && removed.Count > 0)
        {
            result = await users.RemoveFromRolesAsync(Account, removed);
        }

        if (result.Succeeded && added.Count > 0)
        {
            result = await users.AddToRolesAsync(Account, added);
        }

        // A person's roles live in their sign-in cookie: a new stamp makes it be checked again.
        if (result.Succeeded && (removed.Count > 0 || added.Count > 0))
        {
            result = await users.UpdateSecurityStampAsync(Account);
        }

        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, "Input", Account.Email ?? "", t);
            return Page();
        }

        // A grant means nothing without its role.
        var orphanIds = Grants.Where(g => removed.Contains(g.Role)).Select(g => g.Id).ToList();
        db.StaffAssignments.RemoveRange(await db.StaffAssignments.Where(a => orphanIds.Contains(a.Id)).ToListAsync(cancellationToken));
        foreach (var role in needingGrant)
        {
            db.StaffAssignments.Add(new StaffAssignment { UserId = Account.Id, Role = role, JurisdictionUbigeo = Input.JurisdictionUbigeo! });
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await RefreshOwnSignInAsync();
        return RedirectWithFlash(t["Se guardaron los cambios de {0}.", Account.FullName]);
    }

    public async Task<IActionResult> OnPostAddGrantAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        FillInputFromAccount();
        NewGrant.Ubigeo = NewGrant.Ubigeo?.Trim();
        if (!ModelState.AddValidation(await grantValidator.ValidateAsync(NewGrant, cancellationToken), "NewGrant"))
        {
            return Page();
        }

        var ubigeo = NewGrant.Ubigeo!;
        if (await UserAdministration.CheckGrantJurisdictionAsync(db, ubigeo, t, cancellationToken) is { } problem)
        {
            ModelState.AddModelError("NewGrant.Ubigeo", problem);
            return Page();
        }

        if (Grants.Any(g => g.Role == NewGrant.Role && g.Ubigeo == ubigeo))
        {
            ModelState.AddModelError("NewGrant.Ubigeo", AlreadyGranted());
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The grant brings its role with it.
            if (!CurrentRoles.Contains(NewGrant.Role))
            {
                var result = await users.AddToRoleAsync(Account, NewGrant.Role);
                if (result.Succeeded)
                {
                    result = await users.UpdateSecurityStampAsync(Account);
                }

                if (!result.Succeeded)
                {
                    ModelState.AddIdentityErrors(result, "NewGrant", Account.Email ?? "", t);
                    return Page();
                }
            }

            db.StaffAssignments.Add(new StaffAssignment { UserId = Account.Id, Role = NewGrant.Role, JurisdictionUbigeo = ubigeo });
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same grant added twice at once: the unique index kept one.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (!await db.StaffAssignments.AnyAsync(a => a.UserId == Account.Id && a.Role == NewGrant.Role && a.JurisdictionUbigeo == ubigeo, cancellationToken))
            {
                throw;
            }

            ModelState.AddModelError("NewGrant.Ubigeo", AlreadyGranted());
            return Page();
        }

        await RefreshOwnSignInAsync();
        return RedirectWithFlash(t["Se asignó {0} en el ubigeo {1}.", AdminLabels.Role(NewGrant.Role, t), ubigeo]);
    }

    public async Task<IActionResult> OnPostRemoveGrantAsync(string id, int grantId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var grant = Grants.FirstOrDefault(g => g.Id == grantId);
        if (grant is null)
        {
            // Already gone (the form sent twice, or another administrator): nothing left to do.
            return RedirectWithFlash(t["Esa jurisdicción ya no estaba asignada."]);
        }

        // A staff role always names at least one jurisdiction; to take the last one away, take the role away.
        if (CurrentRoles.Contains(grant.Role) && Grants.Count(g => g.Role == grant.Role) == 1)
        {
            FillInputFromAccount();
            ModelState.AddModelError("", t["Es la única jurisdicción de {0} de esta cuenta. Para quitarla, quite el rol en «Datos y roles».", AdminLabels.Role(grant.Role, t)]);
            return Page();
        }

        await db.StaffAssignments.Where(a => a.Id == grant.Id).ExecuteDeleteAsync(cancellationToken);
        return RedirectWithFlash(t["Se quitó {0} en {1} ({2}).", AdminLabels.Role(grant.Role, t), grant.JurisdictionName, grant.Ubigeo]);
    }

    /// <summary>
    /// For a person who lost the phone and the recovery codes: two-factor off, a new key (the old one
    /// never works again), no recovery codes, and a new security stamp that ends the person's sessions.
    /// Staff who must use it are sent to set it up again at their next sign-in.
    /// </summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Account.TwoFactorEnabled)
        {
            return RedirectWithFlash(t["La cuenta de {0} no usa la verificación en dos pasos.", Account.FullName]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.SetTwoFactorEnabledAsync(Account, false);
        if (result.Succeeded)
        {
            result = await users.ResetAuthenticatorKeyAsync(Account);
        }

        if (result.Succeeded)
        {
            await users.GenerateNewTwoFactorRecoveryCodesAsync(Account, 0);
            result = await users.UpdateSecurityStampAsync(Account);
        }

        if (!result.Succeeded)
        {
            FillInputFromAccount();
            ModelState.AddIdentityErrors(result, "Input", Account.Email ?? "", t);
            return Page();
        }

        await tx.CommitAsync(cancellationToken);
        return RedirectWithFlash(t["Se restableció la verificación en dos pasos de {0}: deberá configurarla de nuevo.", Account.FullName]);
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.SetLockoutEndDateAsync(Account, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(Account);
        }

        if (!result.Succeeded)
        {
            FillInputFromAccount();
            ModelState.AddIdentityErrors(result, "Input", Account.Email ?? "", t);
            return Page();
        }

        await tx.CommitAsync(cancellationToken);
        return RedirectWithFlash(t["Se desbloqueó la cuenta de {0}.", Account.FullName]);
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        IsSelf = users.GetUserId(User) == account.Id;
        CurrentRoles = UserAdministration.Known(await users.GetRolesAsync(account));
        LockedUntil = account.LockoutEnd > clock.GetUtcNow() ? account.LockoutEnd : null;
        var grants = await db.StaffAssignments
            .Where(a => a.UserId == account.Id)
            .Join(db.Jurisdictions, a => a.JurisdictionUbigeo, j => j.Ubigeo, (a, j) => new { a.Id, a.Role, Jurisdiction = j })
            .OrderBy(g => g.Role).ThenBy(g => g.Jurisdiction.Ubigeo)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        Grants = grants.Select(g => new GrantRow(g.Id, g.Role, g.Jurisdiction.Ubigeo, g.Jurisdiction.Name, g.Jurisdiction.Government)).ToList();
        return true;
    }

    private void FillInputFromAccount() =>
        Input = new EditInput { FullName = Account.FullName, Roles = [.. CurrentRoles] };

    private string AlreadyGranted() => t["La cuenta ya tiene ese rol en esa jurisdicción."];

    private async Task RefreshOwnSignInAsync()
    {
        // The administrator's own cookie would otherwise be refused at its next check for the new stamp.
        if (IsSelf)
        {
            await signIn.RefreshSignInAsync(Account);
        }
    }

    private RedirectToPageResult RedirectWithFlash(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage("/Admin/Users/Edit", new { id = Account.Id });
    }
}
