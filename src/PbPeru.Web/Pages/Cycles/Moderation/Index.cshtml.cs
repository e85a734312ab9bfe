using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Moderation;

/// <summary>
/// The manager's moderation of the questions and answers on the cycle's proposals: the reports
/// waiting for a decision, one question in full (from its "Moderar" link), what is hidden, and the
/// log of every report, hide, unhide and dismissal. Hiding needs a reason, which the public page
/// shows in place of the text; nothing is deleted.
/// </summary>
public sealed class ModerationModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public const int LogPageSize = 50;

    public sealed class ModerationInput
    {
        public int QuestionId { get; set; }

        public int? AnswerId { get; set; }

        /// <summary>The reason of a hide (required); an optional note on an unhide or a dismissal.</summary>
        public string? Reason { get; set; }

        public bool Confirm { get; set; }
    }

    /// <summary>A question or an answer as the manager sees it, with the open reports on it.</summary>
    public sealed record Item(
        int QuestionId,
        int? AnswerId,
        int ProposalId,
        string ProposalTitle,
        string AuthorName,
        DateTimeOffset At,
        string Text,
        bool Official,
        Domain.Deliberation.Moderation? Hidden,
        IReadOnlyList<ContentReport> OpenReports)
    {
        public string Key => AnswerId is { } a ? $"{QuestionId}-{a}" : $"{QuestionId}";
    }

    [BindProperty]
    public ModerationInput Input { get; set; } = new();

    public IReadOnlyList<Item> Reported { get; private set; } = [];

    /// <summary>The question asked for with <c>?questionId=</c>, then its answers; empty otherwise.</summary>
    public IReadOnlyList<Item> Focused { get; private set; } = [];

    public IReadOnlyList<Item> HiddenItems { get; private set; } = [];

    public IReadOnlyList<ModerationLogEntry> Log { get; private set; } = [];

    public Pager LogPager { get; private set; } = Pager.For(1, LogPageSize, 0);

    public int? FocusedQuestionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? questionId, int? page, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await ShowAsync(questionId, page ?? 1, cancellationToken);
    }

    public async Task<IActionResult> OnPostHideAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await QuestionAsync(cancellationToken) is not { } question)
        {
            return NotFound();
        }

        if (!Input.Confirm)
        {
            ModelState.AddModelError("", t["Marque la casilla para confirmar que oculta este contenido."]);
            return await ShowAsync(question.Id, 1, cancellationToken);
        }

        var hidden = Input.AnswerId is { } answerId ? question.Answers.SingleOrDefault(a => a.Id == answerId)?.Hidden : question.Hidden;
        if (hidden is not null && hidden.Reason == Input.Reason?.Trim())
        {
            return Done(question.Id, t["El contenido ya estaba oculto."]); // the same form sent twice
        }

        return await ChangeAsync(question, async () =>
        {
            var reports = await OpenReportsAsync(question.Id, Input.AnswerId, cancellationToken);
            return question.Hide(Cycle, Actor, Input.AnswerId, Input.Reason ?? "", reports, clock.GetUtcNow());
        }, t["Contenido oculto. En su lugar se muestra el motivo."], cancellationToken);
    }

    public async Task<IActionResult> OnPostUnhideAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await QuestionAsync(cancellationToken) is not { } question)
        {
            return NotFound();
        }

        if (!Input.Confirm)
        {
            ModelState.AddModelError("", t["Marque la casilla para confirmar que vuelve a mostrar este contenido."]);
            return await ShowAsync(question.Id, 1, cancellationToken);
        }

        return await ChangeAsync(
            question,
            () => Task.FromResult(question.Unhide(Cycle, Actor, Input.AnswerId, Input.Reason, clock.GetUtcNow())),
            t["El contenido vuelve a mostrarse."],
            cancellationToken);
    }

    public async Task<IActionResult> OnPostDismissAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await QuestionAsync(cancellationToken) is not { } question)
        {
            return NotFound();
        }

        return await ChangeAsync(question, async () =>
        {
            var reports = await OpenReportsAsync(question.Id, Input.AnswerId, cancellationToken);
            return question.Dismiss(Cycle, Actor, Input.AnswerId, Input.Reason, reports, clock.GetUtcNow());
        }, t["Reportes descartados: el contenido sigue visible."], cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(ProposalQuestion question, Func<Task<ModerationLogEntry>> change, string flash, CancellationToken cancellationToken)
    {
        try
        {
            Db.ModerationLog.Add(await change());
            await Db.SaveChangesAsync(cancellationToken);
            return Done(question.Id, flash);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return await ShowAsync(question.Id, 1, cancellationToken);
        }
    }

    private async Task<ProposalQuestion?> QuestionAsync(CancellationToken cancellationToken) =>
        await Db.ProposalQuestions.Include(q => q.Answers)
            .SingleOrDefaultAsync(q => q.Id == Input.QuestionId && q.CycleId == Cycle.Id, cancellationToken);

    private async Task<List<ContentReport>> OpenReportsAsync(int questionId, int? answerId, CancellationToken cancellationToken) =>
        await Db.ContentReports
            .Where(r => r.QuestionId == questionId && r.AnswerId == answerId && r.ClosedAt == null)
            .ToListAsync(cancellationToken);

    private async Task<IActionResult> ShowAsync(int? questionId, int page, CancellationToken cancellationToken)
    {
        var cycleId = Cycle.Id;
        var openReports = await Db.ContentReports.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.ClosedAt == null)
            .OrderBy(r => r.ReportedAt)
            .ToListAsync(cancellationToken);
        var hiddenIds = await Db.ProposalQuestions.AsNoTracking()
            .Where(q => q.CycleId == cycleId && (q.Hidden!.Reason != null || q.Answers.Any(a => a.Hidden!.Reason != null)))
            .Select(q => q.Id)
            .ToListAsync(cancellationToken);
        var wanted = openReports.Select(r => r.QuestionId).Concat(hiddenIds).ToHashSet();
        if (questionId is { } focus)
        {
            wanted.Add(focus);
        }

        var questions = await Db.ProposalQuestions.AsNoTracking().Include(q => q.Answers)
            .Where(q => q.CycleId == cycleId && wanted.Contains(q.Id))
            .ToDictionaryAsync(q => q.Id, cancellationToken);
        var proposalIds = questions.Values.Select(q => q.ProposalId).Distinct().ToList();
        var titles = await Db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);

        Item ItemOf(ProposalQuestion q, ProposalAnswer? a) => new(
            q.Id,
            a?.Id,
            q.ProposalId,
            titles.GetValueOrDefault(q.ProposalId, ""),
            a?.AuthorName ?? q.AuthorName,
            a?.AnsweredAt ?? q.AskedAt,
            a?.Text ?? q.Text,
            a?.Official ?? false,
            a is null ? q.Hidden : a.Hidden,
            openReports.Where(r => r.QuestionId == q.Id && r.AnswerId == a?.Id).ToList());

        IEnumerable<Item> ItemsOf(ProposalQuestion q) => q.Answers.Select(a => ItemOf(q, a)).Prepend(ItemOf(q, null));

        var all = questions.Values.OrderBy(q => q.AskedAt).SelectMany(ItemsOf).ToList();
        Reported = all.Where(i => i.OpenReports.Count > 0).OrderBy(i => i.OpenReports.Min(r => r.ReportedAt)).ToList();
        HiddenItems = all.Where(i => i.Hidden is not null).OrderByDescending(i => i.Hidden!.At).ToList();
        if (questionId is { } focused && questions.TryGetValue(focused, out var question))
        {
            FocusedQuestionId = focused;
            Focused = ItemsOf(question).ToList();
        }

        var logCount = await Db.ModerationLog.CountAsync(e => e.CycleId == cycleId, cancellationToken);
        LogPager = Pager.For(page, LogPageSize, logCount);
        Log = await Db.ModerationLog.AsNoTracking()
            .Where(e => e.CycleId == cycleId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(LogPager.Skip).Take(LogPageSize)
            .ToListAsync(cancellationToken);
        return Page();
    }

    private RedirectToPageResult Done(int questionId, string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage("/Cycles/Moderation/Index", new { id = Cycle.Id, questionId });
    }
}
