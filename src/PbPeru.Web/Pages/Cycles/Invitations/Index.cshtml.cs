using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Email;

namespace PbPeru.Web.Pages.Cycles.Invitations;

public enum AccountState
{
    NoAccount = 0,
    Invited = 1,
    InvitationExpired = 2,
    Active = 3,
}

/// <summary>
/// Accounts of the cycle's accredited agents: who has one, who was invited and until when. Sends
/// the single-use invitation links by email, or shows one once to hand over to an agent without email.
/// </summary>
public sealed class InvitationsModel(
    AppDbContext db,
    CurrentActor currentActor,
    TimeProvider clock,
    IEmailSender emails,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> t,
    ILogger<InvitationsModel> logger)
    : CyclePageModel(db, currentActor)
{
    public const int PageSize = 50;

    public sealed record AgentRow(int Id, string Name, string Organization, AgentRole Role, string? Email, AccountState State, DateTimeOffset? ExpiresAt);

    /// <summary>A link issued for an agent without email: shown on this one response, never stored.</summary>
    public sealed record HandOver(string AgentName, string Organization, string Link, DateTimeOffset ExpiresAt);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<AgentRow> Agents { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    public IReadOnlyDictionary<AccountState, int> Counts { get; private set; } = new Dictionary<AccountState, int>();

    /// <summary>Agents without an account, with an email and no invitation still open: the next "send all" reaches them.</summary>
    public int ReadyToInvite { get; private set; }

    public int Accredited { get; private set; }

    public HandOver? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await LoadListAsync(pageNumber, cancellationToken);
        return Page();
    }

    /// <summary>Invites every accredited agent with an email, no account and no open invitation.</summary>
    public async Task<IActionResult> OnPostSendAllAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow();
        var issued = new List<(Agent Agent, string Token, DateTimeOffset ExpiresAt)>();
        try
        {
            // Serializable: a double click, or two staff at once, cannot invite the same agents twice.
            await using var transaction = await Db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var open = await Db.AgentInvitations
                .Where(i => i.UsedAt == null && i.ExpiresAt > now)
                .Join(Db.Agents.Where(a => a.CycleId == Cycle.Id), i => i.AgentId, a => a.Id, (i, a) => i.AgentId)
                .ToListAsync(cancellationToken);
            var openSet = open.ToHashSet();
            var agents = await Db.Agents
                .Where(a => a.CycleId == Cycle.Id && a.IsAccredited && a.UserId == null && a.Email != null)
                .OrderBy(a => a.Id)
                .ToListAsync(cancellationToken);
            foreach (var agent in agents.Where(a => !openSet.Contains(a.Id)))
            {
                var (token, hash) = InvitationTokens.New();
                var invitation = AgentInvitation.Issue(agent, hash, now, AgentInvitation.DefaultLifetime);
                Db.AgentInvitations.Add(invitation);
                issued.Add((agent, token, invitation.ExpiresAt));
            }

            await Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            TempData["Flash"] = e.Message;
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e))
        {
            TempData["Flash"] = t["Otra persona envió invitaciones al mismo tiempo. Revise la lista."].Value;
            return RedirectToPage(new { id });
        }

        var failed = 0;
        foreach (var (agent, token, expiresAt) in issued)
        {
            failed += await SendAsync(agent, token, expiresAt, cancellationToken) ? 0 : 1;
        }

        TempData["Flash"] = issued.Count == 0
            ? t["No había agentes por invitar: todos tienen cuenta, una invitación vigente o no tienen correo."].Value
            : failed == 0
                ? t["Invitaciones enviadas: {0}.", issued.Count].Value
                : t["Invitaciones generadas: {0}. Correos que no se pudieron enviar: {1}. Use «Reenviar» o entregue el enlace en persona.", issued.Count, failed].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Sends (or sends again) one agent's invitation by email; a new link, the earlier ones still valid until used or expired.</summary>
    public async Task<IActionResult> OnPostSendAsync(int id, int agentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var agent = await FindAgentAsync(agentId, cancellationToken);
        if (agent is null)
        {
            return NotFound();
        }

        if (agent.Email is null || agent.UserId is not null)
        {
            TempData["Flash"] = agent.UserId is not null
                ? t["{0} ya tiene una cuenta.", agent.FullName].Value
                : t["{0} no tiene correo: genere un enlace para entregárselo.", agent.FullName].Value;
            return RedirectToPage(new { id });
        }

        if (await IssueAsync(agent, cancellationToken) is not { } issued)
        {
            return RedirectToPage(new { id });
        }

        TempData["Flash"] = await SendAsync(agent, issued.Token, issued.ExpiresAt, cancellationToken)
            ? t["Invitación enviada a {0}.", agent.Email].Value
            : t["No se pudo enviar el correo a {0}. Vuelva a intentarlo o entregue el enlace en persona.", agent.Email].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Issues a link and shows it on this response only, to print or hand over; it is not stored anywhere.</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id, int agentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var agent = await FindAgentAsync(agentId, cancellationToken);
        if (agent is null)
        {
            return NotFound();
        }

        if (agent.UserId is not null)
        {
            TempData["Flash"] = t["{0} ya tiene una cuenta.", agent.FullName].Value;
            return RedirectToPage(new { id });
        }

        if (await IssueAsync(agent, cancellationToken) is not { } issued)
        {
            return RedirectToPage(new { id });
        }

        var organization = await Db.Organizations.Where(o => o.Id == agent.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Issued = new HandOver(agent.FullName, organization, InvitationTokens.Link(Request, configuration, issued.Token), issued.ExpiresAt);

        // The secret is on this page only: keep it out of caches.
        Response.Headers.CacheControl = "no-cache, no-store";
        await LoadListAsync(1, cancellationToken);
        return Page();
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)?> IssueAsync(Agent agent, CancellationToken cancellationToken)
    {
        try
        {
            var (token, hash) = InvitationTokens.New();
            var invitation = AgentInvitation.Issue(agent, hash, clock.GetUtcNow(), AgentInvitation.DefaultLifetime);
            Db.AgentInvitations.Add(invitation);
            await Db.SaveChangesAsync(cancellationToken);
            return (token, invitation.ExpiresAt);
        }
        catch (DomainException e)
        {
            TempData["Flash"] = e.Message;
            return null;
        }
    }

    private Task<Agent?> FindAgentAsync(int agentId, CancellationToken cancellationToken) =>
        Db.Agents.SingleOrDefaultAsync(a => a.Id == agentId && a.CycleId == Cycle.Id, cancellationToken);

    /// <summary>Emails the link to the agent's own address (it has no account yet); a failure is logged, not thrown.</summary>
    private async Task<bool> SendAsync(Agent agent, string token, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var link = InvitationTokens.Link(Request, configuration, token);

        // The agent's language is not known: the email goes in Spanish, the app's default.
        var ui = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        EmailMessage message;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("es-PE");
            message = new EmailMessage(
                agent.Email!,
                t["Cree su cuenta de agente participante"],
                string.Join("\n\n",
                    t["Hola, {0}:", agent.FullName],
                    t["Usted está acreditado(a) como agente participante en «{0}». Con su cuenta podrá ver su registro y su capacitación.", Cycle.Name],
                    t["Para crear su cuenta y elegir su contraseña, abra este enlace. Sirve una sola vez y vence el {0} (hora de Lima):", LimaTime.Format(expiresAt)],
                    link,
                    t["Si usted no esperaba este correo, ignórelo."]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = culture;
        }

        try
        {
            await emails.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not email the invitation of agent {AgentId}", agent.Id);
            return false;
        }
    }

    private async Task LoadListAsync(int pageNumber, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await Db.Agents
            .AsNoTracking()
            .Where(a => a.CycleId == Cycle.Id && a.IsAccredited)
            .Join(Db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new
            {
                a.Id,
                a.GivenNames,
                a.Surnames,
                Organization = o.Name,
                a.Role,
                a.Email,
                HasAccount = a.UserId != null,
            })
            .ToListAsync(cancellationToken);
        var invitations = (await Db.AgentInvitations
                .AsNoTracking()
                .Where(i => i.UsedAt == null)
                .Join(Db.Agents.Where(a => a.CycleId == Cycle.Id), i => i.AgentId, a => a.Id, (i, a) => new { i.AgentId, i.ExpiresAt })
                .ToListAsync(cancellationToken))
            .GroupBy(i => i.AgentId)
            .ToDictionary(g => g.Key, g => g.Max(i => i.ExpiresAt));

        var rows = all.Select(a =>
            {
                var latest = invitations.TryGetValue(a.Id, out var expires) ? expires : (DateTimeOffset?)null;
                var state = a.HasAccount ? AccountState.Active
                    : latest is null ? AccountState.NoAccount
                    : latest > now ? AccountState.Invited
                    : AccountState.InvitationExpired;
                return new
                {
                    Row = new AgentRow(a.Id, $"{a.Surnames}, {a.GivenNames}", a.Organization, a.Role, a.Email, state, state == AccountState.Active ? null : latest),
                    Folded = SearchText.Fold($"{a.GivenNames} {a.Surnames} {a.Surnames} {a.GivenNames} {a.Organization}"),
                    a.Surnames,
                    a.GivenNames,
                };
            })
            .ToList();
        Accredited = rows.Count;
        Counts = rows.GroupBy(r => r.Row.State).ToDictionary(g => g.Key, g => g.Count());
        ReadyToInvite = rows.Count(r => r.Row.Email is not null && r.Row.State is (AccountState.NoAccount or AccountState.InvitationExpired));

        var search = string.IsNullOrWhiteSpace(Q) ? null : SearchText.Fold(Q);
        var matching = rows
            .Where(r => search is null || r.Folded.Contains(search, StringComparison.Ordinal))
            .OrderBy(r => r.Surnames, StringComparer.CurrentCulture).ThenBy(r => r.GivenNames, StringComparer.CurrentCulture).ThenBy(r => r.Row.Id)
            .Select(r => r.Row)
            .ToList();
        Pager = Pager.For(pageNumber, PageSize, matching.Count);
        Agents = matching.Skip(Pager.Skip).Take(PageSize).ToList();
    }
}
