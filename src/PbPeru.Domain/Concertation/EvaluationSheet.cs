using PbPeru.Domain.Common;

namespace PbPeru.Domain.Concertation;

/// <summary>An evaluator's technical verdict on a proposal.</summary>
public enum Viability
{
    Viable = 0,

    /// <summary>Sent back to the proposer with a question, to answer within the cycle's deadline.</summary>
    Observed = 1,

    NotViable = 2,
}

/// <summary>What an evaluator types on the sheet; the review checks it against the cycle's matrix.</summary>
public sealed record EvaluationSheetInput(
    bool Eligible,
    string? EligibilityReason,
    Viability Viability,
    string Reason,
    Money? AdjustedCost,
    string? CostJustification,
    IReadOnlyDictionary<int, int> Scores);

/// <summary>
/// One assigned evaluator's sheet on a proposal: eligibility, viability with its reason, an adjusted
/// cost with its justification, and a score on every typed criterion when viable. Recording it again
/// replaces it.
/// </summary>
public sealed class EvaluationSheet
{
    public const int MaxTextLength = 2000;

    private readonly List<EvaluationScore> _scores = [];

    private EvaluationSheet()
    {
        EvaluatorUserId = "";
        EvaluatorName = "";
        Reason = "";
    }

    internal EvaluationSheet(string evaluatorUserId, string evaluatorName)
    {
        EvaluatorUserId = evaluatorUserId;
        EvaluatorName = evaluatorName;
        Reason = "";
    }

    public int Id { get; private set; }

    public string EvaluatorUserId { get; private set; }

    public string EvaluatorName { get; private set; }

    public bool Eligible { get; private set; }

    /// <summary>Why the proposal is not eligible; null when it is.</summary>
    public string? EligibilityReason { get; private set; }

    public Viability Viability { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The cost the evaluator finds right, when it differs from the proposer's estimate.</summary>
    public Money? AdjustedCost { get; private set; }

    public string? CostJustification { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Scores by criterion id: present exactly when the sheet is viable.</summary>
    public IReadOnlyDictionary<int, int> Scores => _scores.ToDictionary(s => s.CriterionId, s => s.Score);

    public EvaluatorVerdict ToVerdict() => new(Viability, Scores);

    internal void Replace(EvaluationSheetInput input, IReadOnlyDictionary<int, int> scores, DateTimeOffset now)
    {
        Eligible = input.Eligible;
        EligibilityReason = input.Eligible ? null : input.EligibilityReason!.Trim();
        Viability = input.Viability;
        Reason = input.Reason.Trim();
        AdjustedCost = input.AdjustedCost;
        CostJustification = string.IsNullOrWhiteSpace(input.CostJustification) ? null : input.CostJustification.Trim();
        RecordedAt = now.ToUniversalTime();
        _scores.Clear();
        _scores.AddRange(scores.OrderBy(s => s.Key).Select(s => new EvaluationScore(s.Key, s.Value)));
    }
}

/// <summary>One evaluator's score on one criterion: one of that criterion's scale levels.</summary>
public sealed class EvaluationScore
{
    private EvaluationScore()
    {
    }

    internal EvaluationScore(int criterionId, int score)
    {
        CriterionId = criterionId;
        Score = score;
    }

    public int Id { get; private set; }

    public int CriterionId { get; private set; }

    public int Score { get; private set; }
}

/// <summary>An evaluator's manager-assigned duty to evaluate a proposal.</summary>
public sealed class EvaluationAssignment
{
    private EvaluationAssignment()
    {
        EvaluatorUserId = "";
        EvaluatorName = "";
        AssignedBy = "";
    }

    internal EvaluationAssignment(string evaluatorUserId, string evaluatorName, string assignedBy, DateTimeOffset now)
    {
        EvaluatorUserId = evaluatorUserId;
        EvaluatorName = evaluatorName;
        AssignedBy = assignedBy;
        AssignedAt = now.ToUniversalTime();
    }

    public int Id { get; private set; }

    public string EvaluatorUserId { get; private set; }

    public string EvaluatorName { get; private set; }

    public string AssignedBy { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }
}
