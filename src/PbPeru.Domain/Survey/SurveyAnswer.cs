using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Survey;

/// <summary>The four grades of the evaluation, worst first: <i>deficiente, regular, bueno, excelente</i>.</summary>
public enum SurveyGrade
{
    Poor = 1,
    Fair = 2,
    Good = 3,
    Excellent = 4,
}

/// <summary>What a participant grades: the process overall and five of its parts.</summary>
public enum SurveyAspect
{
    Overall = 0,
    Information = 1,
    Training = 2,
    TechnicalEvaluation = 3,
    Voting = 4,
    Transparency = 5,
}

/// <summary>One grade per aspect, as a participant sent them; a null is an aspect left ungraded.</summary>
public sealed record SurveyGrades(
    SurveyGrade? Overall,
    SurveyGrade? Information,
    SurveyGrade? Training,
    SurveyGrade? TechnicalEvaluation,
    SurveyGrade? Voting,
    SurveyGrade? Transparency)
{
    public SurveyGrade? Of(SurveyAspect aspect) => aspect switch
    {
        SurveyAspect.Overall => Overall,
        SurveyAspect.Information => Information,
        SurveyAspect.Training => Training,
        SurveyAspect.TechnicalEvaluation => TechnicalEvaluation,
        SurveyAspect.Voting => Voting,
        SurveyAspect.Transparency => Transparency,
        _ => throw new ArgumentOutOfRangeException(nameof(aspect)),
    };
}

/// <summary>The names the survey shows, in the person's language.</summary>
public static class SurveyNames
{
    public static IReadOnlyList<SurveyAspect> Aspects { get; } = Enum.GetValues<SurveyAspect>();

    public static IReadOnlyList<SurveyGrade> Grades { get; } = Enum.GetValues<SurveyGrade>();

    public static string Of(SurveyAspect aspect) => (aspect switch
    {
        SurveyAspect.Overall => Messages.SurveyAspectOverall,
        SurveyAspect.Information => Messages.SurveyAspectInformation,
        SurveyAspect.Training => Messages.SurveyAspectTraining,
        SurveyAspect.TechnicalEvaluation => Messages.SurveyAspectTechnicalEvaluation,
        SurveyAspect.Voting => Messages.SurveyAspectVoting,
        _ => Messages.SurveyAspectTransparency,
    }).Format();

    public static string Of(SurveyGrade grade) => (grade switch
    {
        SurveyGrade.Poor => Messages.SurveyGradePoor,
        SurveyGrade.Fair => Messages.SurveyGradeFair,
        SurveyGrade.Good => Messages.SurveyGradeGood,
        _ => Messages.SurveyGradeExcellent,
    }).Format();
}

/// <summary>
/// One participant's evaluation of a published cycle, deliberately without its author: no user,
/// agent or organization, no time (not even the day), and a random key (a version-4 Guid chosen
/// here, never a sequence or a time-ordered Guid) so that neither a column nor the key's order
/// leads back to the person. That the person has answered is recorded apart, in a
/// <see cref="SurveyParticipation"/> created with it and saved in the same transaction.
/// </summary>
public sealed class SurveyAnswer
{
    public const int MaxCommentLength = 1000;

    private SurveyAnswer()
    {
    }

    public Guid Id { get; private set; }

    public int CycleId { get; private set; }

    public SurveyGrade Overall { get; private set; }

    public SurveyGrade Information { get; private set; }

    public SurveyGrade Training { get; private set; }

    public SurveyGrade TechnicalEvaluation { get; private set; }

    public SurveyGrade Voting { get; private set; }

    public SurveyGrade Transparency { get; private set; }

    public string? Comment { get; private set; }

    public SurveyGrades Grades => new(Overall, Information, Training, TechnicalEvaluation, Voting, Transparency);

    /// <summary>
    /// A participant answers: the cycle must be Published (the survey opens with the results and
    /// closes with the cycle), the person one of its participants who has not answered yet, every
    /// aspect graded and the comment within <see cref="MaxCommentLength"/>. Gives the anonymous
    /// answer and the separate mark that the person has answered; save both together.
    /// </summary>
    public static SurveySubmission Submit(Cycle cycle, string userId, bool isParticipant, bool alreadyAnswered, SurveyGrades grades, string? comment)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(grades);
        EnsureOpen(cycle);
        if (!isParticipant)
        {
            throw new DomainException(Messages.SurveyNotParticipant.Format());
        }

        if (alreadyAnswered)
        {
            throw new DomainException(Messages.SurveyAlreadyAnswered.Format());
        }

        var problems = new List<string>();
        var missing = SurveyNames.Aspects.Where(a => grades.Of(a) is not { } g || !Enum.IsDefined(g)).Select(SurveyNames.Of).ToList();
        if (missing.Count > 0)
        {
            problems.Add(Messages.SurveyGradeMissing.Format(string.Join(", ", missing)));
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > MaxCommentLength })
        {
            problems.Add(Messages.SurveyCommentTooLong.Format(MaxCommentLength, text.Length));
        }

        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        var answer = new SurveyAnswer
        {
            Id = Guid.NewGuid(),
            CycleId = cycle.Id,
            Overall = grades.Overall!.Value,
            Information = grades.Information!.Value,
            Training = grades.Training!.Value,
            TechnicalEvaluation = grades.TechnicalEvaluation!.Value,
            Voting = grades.Voting!.Value,
            Transparency = grades.Transparency!.Value,
            Comment = text,
        };
        return new SurveySubmission(answer, new SurveyParticipation(cycle.Id, userId));
    }

    /// <summary>Throws unless the cycle's survey takes answers now (the cycle is Published).</summary>
    public static void EnsureOpen(Cycle cycle)
    {
        if (WhyClosed(cycle.Phase) is { } why)
        {
            throw new DomainException(why);
        }
    }

    /// <summary>Why a cycle in this phase takes no answers, or null when it does.</summary>
    public static string? WhyClosed(Phase phase) => phase switch
    {
        < Phase.Published => Messages.SurveyNotOpenYet.Format(),
        Phase.Published => null,
        _ => Messages.SurveyClosed.Format(),
    };
}

/// <summary>An answer and the mark that its author has answered: two records that share nothing but the cycle.</summary>
public sealed record SurveySubmission(SurveyAnswer Answer, SurveyParticipation Participation);

/// <summary>
/// Says only that a person has answered a cycle's survey — the roll, not the ballot. The database
/// keeps one per (cycle, person): the last line against a second answer, even from two requests at
/// once. It carries no key, time or reference to the answer.
/// </summary>
public sealed class SurveyParticipation
{
    internal SurveyParticipation(int cycleId, string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        CycleId = cycleId;
        UserId = userId;
    }

    public int CycleId { get; private set; }

    public string UserId { get; private set; }
}
