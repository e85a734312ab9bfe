using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Concertation;

/// <summary>What consolidation reads from one evaluator's sheet: the verdict and, when viable, the scores by criterion id.</summary>
public sealed record EvaluatorVerdict(Viability Viability, IReadOnlyDictionary<int, int> Scores);

/// <summary>One criterion consolidated across the evaluators who found the proposal viable.</summary>
public sealed record CriterionConsolidation(
    int CriterionId,
    string Name,
    int WeightPercent,
    int LowestLevel,
    int HighestLevel,
    bool FromThemePriority,
    decimal? Mean,
    int? LowestScore,
    int? HighestScore,
    decimal? Points,
    bool Disagreement)
{
    /// <summary>How many scale points separate the evaluators' lowest and highest scores.</summary>
    public int Spread => HighestScore - LowestScore ?? 0;
}

/// <summary>The consolidated score of a proposal and whether its evaluators disagree.</summary>
public sealed record ConsolidatedScore(
    IReadOnlyList<CriterionConsolidation> Criteria,
    decimal? BaseScore,
    decimal? Score,
    int ScoredSheets,
    bool VerdictsDiffer)
{
    /// <summary>The evaluators' verdicts differ, or on some criterion their scores are too far apart.</summary>
    public bool Disagreement => VerdictsDiffer || Criteria.Any(c => c.Disagreement);

    public IReadOnlyList<CriterionConsolidation> DisagreedCriteria => Criteria.Where(c => c.Disagreement).ToList();
}

/// <summary>
/// Consolidates several evaluators' sheets into one score. Pure: everything it needs comes in.
/// <para>
/// Per typed criterion c, over the sheets that found the proposal viable: mean<sub>c</sub> = the
/// arithmetic mean of their scores; its share f<sub>c</sub> = (mean<sub>c</sub> − lowest level) /
/// (highest level − lowest level), in [0, 1]. With <see cref="ThemePriorityUse.Criterion"/> the
/// cycle's LAST criterion (by position) is not typed by evaluators: its share is the proposal's theme
/// priority p (1 for the top theme, 0 for the last) and its mean is shown as lowest + p × (highest − lowest).
/// </para>
/// <para>
/// Base score (points, 0–100) = Σ<sub>c</sub> weight%<sub>c</sub> × f<sub>c</sub>. With
/// <see cref="ThemePriorityUse.Weight"/> the score is base × (100 + bonus% × p) / 100, so it ranges
/// from 0 to 100 + bonus% (a top-theme proposal earns the whole bonus, a last-theme one none);
/// otherwise the score is the base score. Kept as exact decimals; rounded to two decimals only to be
/// shown and compared (<see cref="Round"/>).
/// </para>
/// <para>
/// Disagreement: on some typed criterion the viable sheets' highest and lowest scores are at least
/// <see cref="ProposalRules.DisagreementLevels"/> scale points apart, or the sheets' verdicts differ.
/// </para>
/// </summary>
public static class Consolidation
{
    /// <summary>The criterion scored from theme priority instead of by evaluators, if the cycle uses one.</summary>
    public static Criterion? ThemePriorityCriterion(IReadOnlyList<Criterion> criteria, ProposalRules rules) =>
        rules.ThemePriorityUse == ThemePriorityUse.Criterion && criteria.Count > 0
            ? criteria.MaxBy(c => c.Position)
            : null;

    /// <summary>The criteria evaluators score by hand, in the matrix's order.</summary>
    public static IReadOnlyList<Criterion> TypedCriteria(IReadOnlyList<Criterion> criteria, ProposalRules rules)
    {
        var derived = ThemePriorityCriterion(criteria, rules);
        return criteria.Where(c => c != derived).OrderBy(c => c.Position).ToList();
    }

    /// <summary>Two decimals, half away from zero: how a score is shown, and compared when ranking.</summary>
    public static decimal Round(decimal score) => Math.Round(score, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Consolidates the sheets. The theme priority is the proposal theme's normalized priority in
    /// [0, 1], required when the cycle uses theme priority (the tally gives 1 to every theme when nobody voted).
    /// </summary>
    public static ConsolidatedScore Compute(
        IReadOnlyList<Criterion> criteria,
        IReadOnlyList<EvaluatorVerdict> sheets,
        ProposalRules rules,
        decimal? themePriority)
    {
        if (rules.ThemePriorityUse != ThemePriorityUse.None && themePriority is null)
        {
            throw new ArgumentException("The cycle uses theme priority: give the proposal theme's priority.", nameof(themePriority));
        }

        if (themePriority is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(themePriority), themePriority, "A theme priority lies between 0 and 1.");
        }

        var derived = ThemePriorityCriterion(criteria, rules);
        var viable = sheets.Where(s => s.Viability == Viability.Viable).ToList();
        var rows = new List<CriterionConsolidation>();
        foreach (var criterion in criteria.OrderBy(c => c.Position))
        {
            var lowestLevel = criterion.Levels.Min(l => l.Score);
            var highestLevel = criterion.Levels.Max(l => l.Score);
            decimal range = highestLevel - lowestLevel;
            if (criterion == derived)
            {
                var p = themePriority!.Value;
                rows.Add(new CriterionConsolidation(
                    criterion.Id, criterion.Name, criterion.WeightPercent, lowestLevel, highestLevel, FromThemePriority: true,
                    Mean: lowestLevel + (p * range), LowestScore: null, HighestScore: null, Points: criterion.WeightPercent * p, Disagreement: false));
                continue;
            }

            var scores = viable.Where(s => s.Scores.ContainsKey(criterion.Id)).Select(s => s.Scores[criterion.Id]).ToList();
            if (scores.Count == 0)
            {
                rows.Add(new CriterionConsolidation(
                    criterion.Id, criterion.Name, criterion.WeightPercent, lowestLevel, highestLevel, FromThemePriority: false,
                    Mean: null, LowestScore: null, HighestScore: null, Points: null, Disagreement: false));
                continue;
            }

            decimal mean = scores.Sum(s => (decimal)s) / scores.Count;
            var lowest = scores.Min();
            var highest = scores.Max();
            rows.Add(new CriterionConsolidation(
                criterion.Id, criterion.Name, criterion.WeightPercent, lowestLevel, highestLevel, FromThemePriority: false,
                Mean: mean, LowestScore: lowest, HighestScore: highest,
                Points: criterion.WeightPercent * (mean - lowestLevel) / range,
                Disagreement: highest - lowest >= rules.DisagreementLevels));
        }

        decimal? baseScore = viable.Count > 0 && rows.All(r => r.Points is not null) ? rows.Sum(r => r.Points!.Value) : null;
        var score = baseScore;
        if (baseScore is { } b && rules.ThemePriorityUse == ThemePriorityUse.Weight)
        {
            score = b * (100m + (rules.ThemeBonusPercent * themePriority!.Value)) / 100m;
        }

        var verdictsDiffer = sheets.Select(s => s.Viability).Distinct().Count() > 1;
        return new ConsolidatedScore(rows, baseScore, score, viable.Count, verdictsDiffer);
    }
}
