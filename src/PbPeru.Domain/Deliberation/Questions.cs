using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Deliberation;

/// <summary>In whose name an answer is given.</summary>
public enum AnswererRole
{
    /// <summary>The proposal's proposer, or its organization's representative.</summary>
    Proposer = 0,

    /// <summary>A member of the technical team of the cycle's jurisdiction.</summary>
    TechnicalTeam = 1,
}

/// <summary>What a report or a moderation action is about.</summary>
public enum ModerationTarget
{
    Question = 0,
    Answer = 1,
}

/// <summary>What happened, in the moderation log.</summary>
public enum ModerationAction
{
    Reported = 0,
    Hidden = 1,
    Unhidden = 2,
    Dismissed = 3,
}

/// <summary>
/// Why, by whom and when a question or answer was hidden. Its text stays in the data; the public
/// page shows this reason in its place.
/// </summary>
public sealed record Moderation(string Reason, string ByUserId, string ByName, DateTimeOffset At)
{
    public const int MaxReasonLength = 500;
}

/// <summary>
/// A question someone signed in asks on a public proposal, with its answers: by the proposer, or by
/// the technical team, who may mark an answer as the official one. Everything is public with the
/// proposal. Moderation hides a question or an answer with a visible reason and never deletes it.
/// </summary>
/// <remarks>
/// Who may answer in which role depends on facts the domain does not hold (the proposal's proposer
/// and its organization's representative, the technical team's grants per jurisdiction): the web
/// decides the <see cref="AnswererRole"/> from them and refuses anyone else; the domain checks the
/// rest (text, official only for the technical team, the question not hidden, the cycle open).
/// </remarks>
public sealed class ProposalQuestion
{
    public const int MaxTextLength = 1000;
    public const int CreationKeyLength = 32;
    public const int MaxNameLength = 200;

    private readonly List<ProposalAnswer> _answers = [];

    private ProposalQuestion()
    {
        AuthorUserId = "";
        AuthorName = "";
        Text = "";
        CreationKey = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public int ProposalId { get; private set; }

    public string AuthorUserId { get; private set; }

    public string AuthorName { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>The random key of the form that asked it: a second submit of the same form finds this one instead of adding another.</summary>
    public string CreationKey { get; private set; }

    /// <summary>Set while hidden by moderation.</summary>
    public Moderation? Hidden { get; private set; }

    public bool IsHidden => Hidden is not null;

    /// <summary>The answers, oldest first.</summary>
    public IReadOnlyList<ProposalAnswer> Answers => _answers.OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id).ToList();

    /// <summary>Asks <paramref name="text"/> on <paramref name="proposal"/>, which must be public (submitted, in the catalogue).</summary>
    public static ProposalQuestion Ask(Cycle cycle, Proposal proposal, bool proposalIsPublic, Actor author, string text, string creationKey, DateTimeOffset now)
    {
        if (proposal.CycleId != cycle.Id)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        if (!proposalIsPublic || proposal.Status != ProposalStatus.Submitted)
        {
            throw new DomainException(Messages.QuestionProposalNotPublic.Format());
        }

        EnsureOpen(cycle);
        return new ProposalQuestion
        {
            CycleId = cycle.Id,
            ProposalId = proposal.Id,
            AuthorUserId = author.UserId,
            AuthorName = Name(author),
            Text = CheckedText(text, MaxTextLength, Messages.QuestionTextRequired, Messages.QuestionTextTooLong),
            AskedAt = now.ToUniversalTime(),
            CreationKey = CheckedKey(creationKey),
        };
    }

    /// <summary>
    /// Answers the question in <paramref name="role"/>, which the caller has established from the
    /// facts; only the technical team marks an answer as <paramref name="official"/>.
    /// </summary>
    public ProposalAnswer Answer(Cycle cycle, Actor author, AnswererRole role, bool official, string text, string creationKey, DateTimeOffset now)
    {
        EnsureOfCycle(cycle);
        if (!Enum.IsDefined(role))
        {
            throw new DomainException(Messages.AnswerRoleInvalid.Format());
        }

        if (official && role != AnswererRole.TechnicalTeam)
        {
            throw new DomainException(Messages.OfficialOnlyTechnicalTeam.Format());
        }

        if (IsHidden)
        {
            throw new DomainException(Messages.QuestionHiddenNoAnswer.Format());
        }

        EnsureOpen(cycle);
        var answer = new ProposalAnswer(
            author.UserId,
            Name(author),
            role,
            official,
            CheckedText(text, ProposalAnswer.MaxTextLength, Messages.AnswerTextRequired, Messages.AnswerTextTooLong),
            now.ToUniversalTime(),
            CheckedKey(creationKey));
        _answers.Add(answer);
        return answer;
    }

    /// <summary>
    /// Reports the question (<paramref name="answerId"/> null) or one of its answers to the cycle's
    /// manager. One report per person and target: the database refuses a second.
    /// </summary>
    public (ContentReport Report, ModerationLogEntry Entry) Report(Cycle cycle, Actor reporter, int? answerId, string? reason, DateTimeOffset now)
    {
        EnsureOfCycle(cycle);
        var (target, targetId, hidden) = Target(answerId);
        if (hidden is not null)
        {
            throw new DomainException(Messages.ReportAlreadyHidden.Format());
        }

        var note = CheckedNote(reason);
        var report = new ContentReport(CycleId, Id, answerId, target, targetId, reporter.UserId, Name(reporter), note, now.ToUniversalTime());
        var entry = new ModerationLogEntry(CycleId, ProposalId, Id, answerId, target, ModerationAction.Reported, reporter.UserId, Name(reporter), note, now.ToUniversalTime());
        return (report, entry);
    }

    /// <summary>
    /// The manager hides the question or one of its answers with a reason shown in its place; the
    /// open reports on it are closed.
    /// </summary>
    public ModerationLogEntry Hide(Cycle cycle, Actor manager, int? answerId, string reason, IEnumerable<ContentReport> openReports, DateTimeOffset now)
    {
        EnsureOfCycle(cycle);
        EnsureManager(cycle, manager);
        var (target, _, hidden) = Target(answerId);
        if (hidden is not null)
        {
            throw new DomainException(Messages.ModerationAlreadyHidden.Format());
        }

        var text = CheckedText(reason, Moderation.MaxReasonLength, Messages.ModerationReasonRequired, Messages.ModerationReasonTooLong);
        var moderation = new Moderation(text, manager.UserId, Name(manager), now.ToUniversalTime());
        if (answerId is { } id)
        {
            _answers.Single(a => a.Id == id).Hidden = moderation;
        }
        else
        {
            Hidden = moderation;
        }

        Close(openReports, answerId, manager, ModerationAction.Hidden, now);
        return new ModerationLogEntry(CycleId, ProposalId, Id, answerId, target, ModerationAction.Hidden, manager.UserId, Name(manager), text, now.ToUniversalTime());
    }

    /// <summary>The manager shows again what was hidden, optionally saying why.</summary>
    public ModerationLogEntry Unhide(Cycle cycle, Actor manager, int? answerId, string? note, DateTimeOffset now)
    {
        EnsureOfCycle(cycle);
        EnsureManager(cycle, manager);
        var (target, _, hidden) = Target(answerId);
        if (hidden is null)
        {
            throw new DomainException(Messages.ModerationNotHidden.Format());
        }

        var text = CheckedNote(note);
        if (answerId is { } id)
        {
            _answers.Single(a => a.Id == id).Hidden = null;
        }
        else
        {
            Hidden = null;
        }

        return new ModerationLogEntry(CycleId, ProposalId, Id, answerId, target, ModerationAction.Unhidden, manager.UserId, Name(manager), text, now.ToUniversalTime());
    }

    /// <summary>The manager closes the open reports on the question or an answer without hiding it.</summary>
    public ModerationLogEntry Dismiss(Cycle cycle, Actor manager, int? answerId, string? note, IEnumerable<ContentReport> openReports, DateTimeOffset now)
    {
        EnsureOfCycle(cycle);
        EnsureManager(cycle, manager);
        var (target, _, _) = Target(answerId);
        var text = CheckedNote(note);
        if (Close(openReports, answerId, manager, ModerationAction.Dismissed, now) == 0)
        {
            throw new DomainException(Messages.NoOpenReports.Format());
        }

        return new ModerationLogEntry(CycleId, ProposalId, Id, answerId, target, ModerationAction.Dismissed, manager.UserId, Name(manager), text, now.ToUniversalTime());
    }

    private int Close(IEnumerable<ContentReport> reports, int? answerId, Actor manager, ModerationAction action, DateTimeOffset now)
    {
        var open = reports.Where(r => r.QuestionId == Id && r.AnswerId == answerId && r.ClosedAt is null).ToList();
        foreach (var report in open)
        {
            report.Close(manager.UserId, action, now);
        }

        return open.Count;
    }

    private (ModerationTarget Target, int TargetId, Moderation? Hidden) Target(int? answerId)
    {
        if (answerId is not { } id)
        {
            return (ModerationTarget.Question, Id, Hidden);
        }

        var answer = _answers.SingleOrDefault(a => a.Id == id) ?? throw new DomainException(Messages.AnswerNotOfQuestion.Format());
        return (ModerationTarget.Answer, answer.Id, answer.Hidden);
    }

    private void EnsureOfCycle(Cycle cycle)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }
    }

    private static void EnsureOpen(Cycle cycle)
    {
        if (cycle.Phase == Phase.Closed)
        {
            throw new DomainException(Messages.CycleClosed.Format());
        }
    }

    private static void EnsureManager(Cycle cycle, Actor manager)
    {
        if (!manager.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }
    }

    internal static string Name(Actor actor)
    {
        var name = actor.DisplayName.Trim();
        return name.Length <= MaxNameLength ? name : name[..MaxNameLength];
    }

    private static string CheckedText(string? text, int maxLength, Text required, Text tooLong)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException(required.Format());
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(tooLong.Format(maxLength, trimmed.Length));
        }

        return trimmed;
    }

    private static string? CheckedNote(string? note)
    {
        var trimmed = (note ?? "").Trim();
        if (trimmed.Length > Moderation.MaxReasonLength)
        {
            throw new DomainException(Messages.ModerationReasonTooLong.Format(Moderation.MaxReasonLength, trimmed.Length));
        }

        return trimmed.Length == 0 ? null : trimmed;
    }

    private static string CheckedKey(string? creationKey)
    {
        var key = (creationKey ?? "").Trim();
        if (key.Length is 0 or > CreationKeyLength)
        {
            throw new DomainException(Messages.FormExpired.Format());
        }

        return key;
    }
}

/// <summary>An answer to a <see cref="ProposalQuestion"/>, by the proposer or the technical team (official or not).</summary>
public sealed class ProposalAnswer
{
    public const int MaxTextLength = 2000;

    private ProposalAnswer()
    {
        AuthorUserId = "";
        AuthorName = "";
        Text = "";
        CreationKey = "";
    }

    internal ProposalAnswer(string authorUserId, string authorName, AnswererRole role, bool official, string text, DateTimeOffset answeredAt, string creationKey)
    {
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        Role = role;
        Official = official;
        Text = text;
        AnsweredAt = answeredAt;
        CreationKey = creationKey;
    }

    public int Id { get; private set; }

    public int QuestionId { get; private set; }

    public string AuthorUserId { get; private set; }

    public string AuthorName { get; private set; }

    public AnswererRole Role { get; private set; }

    /// <summary>The technical team's official answer: highlighted on the public page.</summary>
    public bool Official { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }

    public string CreationKey { get; private set; }

    /// <summary>Set while hidden by moderation.</summary>
    public Moderation? Hidden { get; internal set; }

    public bool IsHidden => Hidden is not null;
}

/// <summary>
/// Someone's report of a question or an answer to the cycle's manager: one per (reporter, target).
/// Open until the manager hides the target or dismisses the reports on it.
/// </summary>
public sealed class ContentReport
{
    private ContentReport()
    {
        ReporterUserId = "";
        ReporterName = "";
    }

    internal ContentReport(int cycleId, int questionId, int? answerId, ModerationTarget target, int targetId, string reporterUserId, string reporterName, string? reason, DateTimeOffset reportedAt)
    {
        CycleId = cycleId;
        QuestionId = questionId;
        AnswerId = answerId;
        Target = target;
        TargetId = targetId;
        ReporterUserId = reporterUserId;
        ReporterName = reporterName;
        Reason = reason;
        ReportedAt = reportedAt;
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public int QuestionId { get; private set; }

    /// <summary>The answer reported; null when the question itself is.</summary>
    public int? AnswerId { get; private set; }

    public ModerationTarget Target { get; private set; }

    /// <summary>The question's or the answer's id (so one unique index covers both kinds).</summary>
    public int TargetId { get; private set; }

    public string ReporterUserId { get; private set; }

    public string ReporterName { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedByUserId { get; private set; }

    /// <summary>How it was closed: <see cref="ModerationAction.Hidden"/> or <see cref="ModerationAction.Dismissed"/>.</summary>
    public ModerationAction? ClosedBy { get; private set; }

    public bool IsOpen => ClosedAt is null;

    internal void Close(string userId, ModerationAction action, DateTimeOffset now)
    {
        ClosedAt = now.ToUniversalTime();
        ClosedByUserId = userId;
        ClosedBy = action;
    }
}

/// <summary>One line of the moderation log: a report, a hide, an unhide or a dismissal. Never changed.</summary>
public sealed class ModerationLogEntry
{
    private ModerationLogEntry()
    {
        ActorUserId = "";
        ActorName = "";
    }

    internal ModerationLogEntry(int cycleId, int proposalId, int questionId, int? answerId, ModerationTarget target, ModerationAction action, string actorUserId, string actorName, string? reason, DateTimeOffset at)
    {
        CycleId = cycleId;
        ProposalId = proposalId;
        QuestionId = questionId;
        AnswerId = answerId;
        Target = target;
        Action = action;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Reason = reason;
        At = at;
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public int ProposalId { get; private set; }

    public int QuestionId { get; private set; }

    public int? AnswerId { get; private set; }

    public ModerationTarget Target { get; private set; }

    public ModerationAction Action { get; private set; }

    public string ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>The reason of a hide; the reporter's or manager's note otherwise (may be empty).</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}
