using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Pages.Cycles.Registrations;

namespace PbPeru.Web.Pages.Cycles.Accreditation;

/// <summary>
/// The list of accredited agents from the manager's side: publish the preliminary list, rule on the
/// challenges filed against it, publish the final list (quota met or justified), and see who the
/// accredited agents are against the cycle's quota.
/// </summary>
public sealed class IndexModel(
    AppDbContext db,
    CurrentActor currentActor,
    Notifier notifier,
    TimeProvider clock,
    IValidator<IndexModel.RulingInput> rulingValidator,
    AuditTrail audit)
    : CyclePageModel(db, currentActor)
{
    public const int ChallengePageSize = 20;

    public const string Upheld = "upheld";
    public const string Dismissed = "dismissed";

    public sealed class RulingInput
    {
        public int ChallengeId { get; set; }

        /// <summary><see cref="Upheld"/> or <see cref="Dismissed"/>.</summary>
        public string? Decision { get; set; }

        public string? Reasons { get; set; }
    }

    public sealed class RulingInputValidator : AbstractValidator<RulingInput>
    {
        public RulingInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Decision).Must(d => d is Upheld or Dismissed)
                .WithMessage(_ => t["Indique si la impugnación es fundada o infundada."]);
        }
    }

    public sealed record ChallengeRow(
        int Id,
        ChallengeStatus Status,
        string FiledByName,
        string Grounds,
        DateTimeOffset FiledAt,
        string? RulingReasons,
        string? RuledByName,
        DateTimeOffset? RuledAt,
        string AgentName,
        AgentRole AgentRole,
        int OrganizationId,
        string OrganizationName);

    public AccreditationList? List { get; private set; }

    public IReadOnlyDictionary<OrganizationStatus, int> OrganizationCounts { get; private set; } = new Dictionary<OrganizationStatus, int>();

    public int AwaitingReview => OrganizationCounts.GetValueOrDefault(OrganizationStatus.Submitted);

    /// <summary>One page of the cycle's challenges, pending ones first.</summary>
    public IReadOnlyList<ChallengeRow> Challenges { get; private set; } = [];

    public Pager ChallengePager { get; private set; } = Pager.For(1, ChallengePageSize, 0);

    public int ChallengeCount => ChallengePager.TotalCount;

    public int PendingChallenges { get; private set; }

    /// <summary>The calendar's challenge window, if it has one: the final list waits for its end.</summary>
    public CalendarEntry? ChallengeWindow => Cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Challenges);

    public RepresentationReport Report { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>Why a soft quota is not met, recorded with the final list.</summary>
    [BindProperty]
    public string? Justification { get; set; }

    [BindProperty]
    public RulingInput Ruling { get; set; } = new();

    /// <summary>The challenge whose ruling form is shown again with its errors and what was typed.</summary>
    public int? RulingShownAgain { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await LoadStateAsync(cancellationToken, pageNumber);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishPreliminaryAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var list = await EnsureListAsync(cancellationToken);
        var awaiting = await Db.Organizations.CountAsync(o => o.CycleId == id && o.Status == OrganizationStatus.Submitted, cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            list.PublishPreliminary(Cycle, Actor, awaiting, now);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, "Preliminary");
            await LoadStateAsync(cancellationToken);
            return Page();
        }

        audit.Record(Cycle.Id, AuditActions.AccreditationDecided, $"accreditation-list:{list.Id}", "preliminary list published");
        var saved = await OnceOnly.SaveAsync(
            Db,
            ct => Db.AccreditationLists
                .Where(l => l.Id == list.Id && l.PreliminaryPublishedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.PreliminaryPublishedAt, now.ToUniversalTime()), ct),
            cancellationToken);
        return RedirectWith(saved
            ? Localizer["Lista preliminar publicada. Se abre el plazo de impugnaciones según el calendario."]
            : Localizer["La lista preliminar ya fue publicada."]);
    }

    public async Task<IActionResult> OnPostRuleAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var challenge = await Db.Challenges.SingleOrDefaultAsync(c => c.Id == Ruling.ChallengeId && c.CycleId == id, cancellationToken);
        if (challenge is null)
        {
            return NotFound();
        }

        if (challenge.Status != ChallengeStatus.Pending)
        {
            return RedirectWith(Localizer["Esta impugnación ya fue resuelta; no se registró otra resolución."]);
        }

        if (!ModelState.AddValidation(await rulingValidator.ValidateAsync(Ruling, cancellationToken), "Ruling"))
        {
            return await ShowRulingAgainAsync(cancellationToken);
        }

        var agent = await Db.Agents.SingleAsync(a => a.Id == challenge.AgentId, cancellationToken);
        var organization = await Db.Organizations.AsNoTracking()
            .Where(o => o.Id == agent.OrganizationId)
            .Select(o => new { o.Id, o.Name, o.RepresentativeUserId })
            .SingleAsync(cancellationToken);
        var list = await EnsureListAsync(cancellationToken);
        var upheld = Ruling.Decision == Upheld;
        try
        {
            challenge.Rule(Cycle, list, Actor, agent, upheld, Ruling.Reasons ?? "", clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, "Ruling.Reasons");
            return await ShowRulingAgainAsync(cancellationToken);
        }

        var link = $"/Challenges/{challenge.Id}";
        var outcome = upheld
            ? Localizer["fundada: {0} sale de la lista de agentes acreditados", agent.FullName]
            : Localizer["infundada: {0} sigue en la lista de agentes acreditados", agent.FullName];
        notifier.Notify(
            challenge.FiledByUserId,
            Localizer["Su impugnación fue resuelta"],
            Localizer["Su impugnación contra la acreditación de {0} ({1}) fue declarada {2}. Motivos: {3}", agent.FullName, organization.Name, outcome, challenge.RulingReasons!],
            link);
        if (organization.RepresentativeUserId != challenge.FiledByUserId)
        {
            notifier.Notify(
                organization.RepresentativeUserId,
                Localizer["Se resolvió una impugnación contra su agente"],
                Localizer["La impugnación contra la acreditación de {0}, agente de «{1}», fue declarada {2}. Motivos: {3}", agent.FullName, organization.Name, outcome, challenge.RulingReasons!],
                link);
        }

        var ruled = challenge.Status;
        audit.Record(Cycle.Id, AuditActions.AccreditationDecided, $"challenge:{challenge.Id}", $"{ruled}: agent:{agent.Id}");
        var saved = await OnceOnly.SaveAsync(
            Db,
            ct => Db.Challenges
                .Where(c => c.Id == challenge.Id && c.Status == ChallengeStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ruled), ct),
            cancellationToken);
        if (!saved)
        {
            return RedirectWith(Localizer["Esta impugnación ya fue resuelta; no se registró otra resolución."]);
        }

        await notifier.SendQueuedEmailsAsync(cancellationToken);
        return RedirectWith(upheld
            ? Localizer["Impugnación declarada fundada: {0} salió de la lista. Se avisó a quien la presentó y a la organización.", agent.FullName]
            : Localizer["Impugnación declarada infundada: {0} sigue en la lista. Se avisó a quien la presentó y a la organización.", agent.FullName]);
    }

    public async Task<IActionResult> OnPostPublishFinalAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var list = await EnsureListAsync(cancellationToken);
        var pending = await Db.Challenges.CountAsync(c => c.CycleId == id && c.Status == ChallengeStatus.Pending, cancellationToken);
        var (_, count) = await CycleFactsQuery.AccreditedCountAsync(Db, id, cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            list.PublishFinal(Cycle, Actor, pending, count, Justification, LimaTime.Today(clock), now);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, "Final");
            await LoadStateAsync(cancellationToken);
            return Page();
        }

        audit.Record(Cycle.Id, AuditActions.AccreditationDecided, $"accreditation-list:{list.Id}", "final list published");
        var saved = await OnceOnly.SaveAsync(
            Db,
            ct => Db.AccreditationLists
                .Where(l => l.Id == list.Id && l.FinalPublishedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.FinalPublishedAt, now.ToUniversalTime()), ct),
            cancellationToken);
        return RedirectWith(saved ? Localizer["Lista final publicada."] : Localizer["La lista final ya fue publicada."]);
    }

    /// <summary>A shown quota figure: "32.5 %".</summary>
    public static string Percent(decimal value) => value.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " %";

    private IActionResult RedirectWith(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage("/Cycles/Accreditation/Index", new { id = Cycle.Id });
    }

    private async Task<IActionResult> ShowRulingAgainAsync(CancellationToken cancellationToken)
    {
        RulingShownAgain = Ruling.ChallengeId;
        Db.ChangeTracker.Clear();
        await LoadStateAsync(cancellationToken);
        return Page();
    }

    /// <summary>The cycle's list, created unpublished the first time it is needed (one per cycle, by a unique index).</summary>
    private async Task<AccreditationList> EnsureListAsync(CancellationToken cancellationToken)
    {
        var list = await Db.AccreditationLists.SingleOrDefaultAsync(l => l.CycleId == Cycle.Id, cancellationToken);
        if (list is not null)
        {
            return list;
        }

        list = AccreditationList.For(Cycle);
        Db.AccreditationLists.Add(list);
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            return list;
        }
        catch (DbUpdateException)
        {
            // Another request created it a moment ago: use that one.
            Db.Entry(list).State = EntityState.Detached;
            return await Db.AccreditationLists.SingleAsync(l => l.CycleId == Cycle.Id, cancellationToken);
        }
    }

    private async Task LoadStateAsync(CancellationToken cancellationToken, int pageNumber = 1)
    {
        var id = Cycle.Id;
        Today = LimaTime.Today(clock);
        List = await Db.AccreditationLists.AsNoTracking().SingleOrDefaultAsync(l => l.CycleId == id, cancellationToken);

        var counts = await Db.Organizations.Where(o => o.CycleId == id)
            .GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        OrganizationCounts = counts.ToDictionary(c => c.Key, c => c.Count);

        var challenges = Db.Challenges.Where(c => c.CycleId == id);
        PendingChallenges = await challenges.CountAsync(c => c.Status == ChallengeStatus.Pending, cancellationToken);
        ChallengePager = Pager.For(pageNumber, ChallengePageSize, await challenges.CountAsync(cancellationToken));
        var rows =
            from c in challenges
            join a in Db.Agents on c.AgentId equals a.Id
            join o in Db.Organizations on a.OrganizationId equals o.Id
            orderby c.Status == ChallengeStatus.Pending ? 0 : 1, c.FiledAt, c.Id
            select new ChallengeRow(
                c.Id, c.Status, c.FiledByName, c.Grounds, c.FiledAt, c.RulingReasons, c.RuledByName, c.RuledAt,
                a.GivenNames + " " + a.Surnames, a.Role, o.Id, o.Name);
        Challenges = await rows.Skip(ChallengePager.Skip).Take(ChallengePageSize).AsNoTracking().ToListAsync(cancellationToken);

        // A ruling form shown again with its errors is on the page, wherever the pending ones end.
        if (RulingShownAgain is { } shown && Challenges.All(c => c.Id != shown))
        {
            Challenges = [.. await rows.Where(r => r.Id == shown).AsNoTracking().ToListAsync(cancellationToken), .. Challenges];
        }

        Report = await Representation.ForCycleAsync(Db, id, Today, cancellationToken);
    }
}
