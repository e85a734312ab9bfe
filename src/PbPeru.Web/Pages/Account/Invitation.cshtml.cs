using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.Admin.Users;
using PbPeru.Web.Pages.Cycles.Invitations;

namespace PbPeru.Web.Pages.Account;

/// <summary>
/// An accredited agent opens its invitation link and creates its account: one use, before it
/// expires. Redeeming the link, creating the account and linking it to the agent happen in one
/// transaction, so a failure leaves no half-made account and the link still unused.
/// </summary>
public sealed class InvitationModel(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    TimeProvider clock,
    IValidator<InvitationModel.AccountInput> validator,
    IStringLocalizer<SharedResource> t)
    : PageModel
{
    public const int MinimumPasswordLength = 12;

    public sealed class AccountInput
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class AccountInputValidator : AbstractValidator<AccountInput>
    {
        public AccountInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => t["Escriba su correo electrónico."])
                .MaximumLength(256).WithMessage(_ => t["El correo admite como máximo {0} caracteres.", 256])
                .EmailAddress().WithMessage(x => t["El correo {0} no es válido.", x.Email]);
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => t["Elija una contraseña."])
                .MinimumLength(MinimumPasswordLength).WithMessage(_ => t["La contraseña debe tener al menos {0} caracteres.", MinimumPasswordLength])
                .MaximumLength(256).WithMessage(_ => t["La contraseña admite como máximo {0} caracteres.", 256]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(_ => t["Las contraseñas no coinciden."]);
        }
    }

    /// <summary>Why the link cannot be used, for a page that says so; null while it can.</summary>
    public string? Refusal { get; private set; }

    public string AgentName { get; private set; } = "";

    public string OrganizationName { get; private set; } = "";

    public string CycleName { get; private set; } = "";

    public DateTimeOffset ExpiresAt { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        KeepTokenPrivate();
        if (await FindAsync(cancellationToken) is { } found)
        {
            Input.Email = found.Agent.Email ?? "";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        KeepTokenPrivate();
        if (await FindAsync(cancellationToken) is not { } found)
        {
            return Page();
        }

        if (!ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken)))
        {
            return Page();
        }

        var (invitation, agent) = found;
        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", t["Ya existe una cuenta con el correo {0}. Inicie sesión con ella y pida al equipo de conducción una nueva invitación para vincularla; o use otro correo.", email]);
            return Page();
        }

        AppUser user;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                // FindAsync redeemed the link in memory (the domain's rule); this conditional update
                // makes "once" hold when two requests redeem the same link at the same moment.
                var usedAt = invitation.UsedAt;
                var claimed = await db.AgentInvitations
                    .Where(i => i.Id == invitation.Id && i.UsedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, usedAt), cancellationToken);
                if (claimed != 1)
                {
                    throw new DomainException(Messages.InvitationUsed.Format());
                }

                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = agent.FullName };
                var created = await users.CreateAsync(user, Input.Password);
                if (!created.Succeeded)
                {
                    ModelState.AddIdentityErrors(created, "Input", email, t);
                    return Page();
                }

                var role = await users.AddToRoleAsync(user, Roles.Agent);
                if (!role.Succeeded)
                {
                    ModelState.AddIdentityErrors(role, "Input", email, t);
                    return Page();
                }

                agent.LinkAccount(user.Id);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DomainException e)
            {
                Refusal = e.Message;
                return Page();
            }
            catch (DbUpdateException)
            {
                // Lost a race: the same email taken, or the agent linked, by a request at the same moment.
                Refusal = t["No se pudo crear la cuenta porque otra solicitud usó este enlace o este correo al mismo tiempo. Si ya creó su cuenta, inicie sesión."];
                return Page();
            }
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = t["Su cuenta fue creada. Este es su registro como agente participante."].Value;
        return LocalRedirect("/Agent");
    }

    /// <summary>The invitation of the link (untracked, redeemed in memory only) and its agent; null with <see cref="Refusal"/> set when it cannot be used.</summary>
    private async Task<(AgentInvitation Invitation, Agent Agent)?> FindAsync(CancellationToken cancellationToken)
    {
        var hash = string.IsNullOrWhiteSpace(Token) ? null : InvitationTokens.Hash(Token);
        var invitation = hash is null
            ? null
            : await db.AgentInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var agent = invitation is null ? null : await db.Agents.SingleOrDefaultAsync(a => a.Id == invitation.AgentId, cancellationToken);
        if (invitation is null || agent is null)
        {
            Refusal = t["Este enlace de invitación no es válido. Revise que lo copió completo o pida uno nuevo al equipo de conducción."];
            return null;
        }

        AgentName = agent.FullName;
        ExpiresAt = invitation.ExpiresAt;
        OrganizationName = await db.Organizations.Where(o => o.Id == agent.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        CycleName = await db.Cycles.Where(c => c.Id == agent.CycleId).Select(c => c.Name).SingleAsync(cancellationToken);

        try
        {
            // The domain's rule (once, before it expires), tried on a copy that is never saved:
            // the page says at once whether the link still works.
            invitation.Redeem(clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            Refusal = e.Message;
        }

        if (Refusal is null && agent.UserId is not null)
        {
            Refusal = t["Usted ya tiene una cuenta de agente. Inicie sesión con ella."];
        }
        else if (Refusal is null && !agent.IsAccredited)
        {
            Refusal = Messages.AgentNotAccredited.Format();
        }

        return Refusal is null ? (invitation, agent) : null;
    }

    /// <summary>The link's secret is in the address: never send it on to another site, never cache the page.</summary>
    private void KeepTokenPrivate()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-cache, no-store";
    }
}
