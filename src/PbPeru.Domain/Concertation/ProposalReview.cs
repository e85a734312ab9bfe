using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Concertation;

/// <summary>Where a proposal stands in the technical evaluation.</summary>
public enum ReviewStatus
{
    /// <summary>No evaluator assigned yet.</summary>
    Unassigned = 0,

    /// <summary>Some assigned evaluator has not recorded a sheet, or must record again after an observation.</summary>
    InProgress = 1,

    /// <summary>An observation awaits the proposer's answer.</summary>
    Observed = 2,

    /// <summary>The evaluators disagree: the consolidation meeting must settle it.</summary>
    Disagreement = 3,

    Evaluated = 4,
}

/// <summary>
/// The technical team's current conclusion on a proposal.
/// <para>Verdict: The final verdict once evaluated; null before.</para>
/// <para>Reason: The consolidation minutes when the meeting settled it, else the evaluators' reasons.</para>
/// <para>Score: The consolidated score when the final verdict is viable.</para>
/// <para>FinalCost: The cost the recommendation uses; see <see cref="ProposalReview.Outcome"/>.</para>
/// </summary>
public sealed record ReviewOutcome(
    ReviewStatus Status,
    Viability? Verdict,
    string Reason,
    decimal? Score,
    Money FinalCost,
    ConsolidatedScore Consolidated,
    bool SettledByConsolidation)
{
    public bool IsEvaluated => Status == ReviewStatus.Evaluated;
}

/// <summary>
/// The technical team's file on one submitted proposal: who evaluates it, their sheets, the
/// observations sent to the proposer, and the consolidation meeting's outcome. Every change is
/// refused outside Concertation and once the cycle's technical report is published.
/// </summary>
public sealed class ProposalReview
{
    public const int MaxTextLength = 2000;
    public const int MaxMinutesLength = 8000;

    private readonly List<EvaluationAssignment> _assignments = [];
    private readonly List<EvaluationSheet> _sheets = [];
    private readonly List<Observation> _observations = [];

    private ProposalReview()
    {
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public int ProposalId { get; private set; }

    public IReadOnlyList<EvaluationAssignment> Assignments => _assignments.OrderBy(a => a.AssignedAt).ThenBy(a => a.EvaluatorUserId, StringComparer.Ordinal).ToList();

    public IReadOnlyList<EvaluationSheet> Sheets => _sheets.OrderBy(s => s.RecordedAt).ThenBy(s => s.EvaluatorUserId, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Observation> Observations => _observations.OrderBy(o => o.AskedAt).ToList();

    /// <summary>How many times a sheet has been recorded; tells whether the consolidation saw the latest sheets.</summary>
    public int SheetsVersion { get; private set; }

    public Viability? ConsolidatedVerdict { get; private set; }

    public Money? ConsolidatedCost { get; private set; }

    public string? ConsolidationMinutes { get; private set; }

    public DateTimeOffset? ConsolidatedAt { get; private set; }

    public string? ConsolidatedBy { get; private set; }

    /// <summary>The <see cref="SheetsVersion"/> the consolidation meeting decided on.</summary>
    public int? ConsolidatedSheetsVersion { get; private set; }

    /// <summary>When the technical report froze this review.</summary>
    public DateTimeOffset? FrozenAt { get; private set; }

    public bool IsFrozen => FrozenAt is not null;

    /// <summary>Whether the consolidation meeting's outcome stands: no sheet was recorded after it.</summary>
    public bool HasCurrentConsolidation => ConsolidatedSheetsVersion is { } version && version == SheetsVersion;

    /// <summary>
    /// Opens the file of a submitted proposal of <paramref name="cycle"/> (the caller checks it is submitted).
    /// </summary>
    public static ProposalReview For(Cycle cycle, int proposalId) => new() { CycleId = cycle.Id, ProposalId = proposalId };

    public bool IsAssigned(string userId) => _assignments.Any(a => a.EvaluatorUserId == userId);

    public EvaluationSheet? SheetOf(string evaluatorUserId) => _sheets.FirstOrDefault(s => s.EvaluatorUserId == evaluatorUserId);

    public IReadOnlyList<Observation> OpenObservations(DateOnly today) => Observations.Where(o => o.IsOpen(today)).ToList();

    /// <summary>While true the proposer may revise the submitted proposal to answer.</summary>
    public bool HasOpenObservation(DateOnly today) => _observations.Any(o => o.IsOpen(today));

    public void Assign(Cycle cycle, Actor actor, string evaluatorUserId, string evaluatorName, DateTimeOffset now)
    {
        EnsureManagerMayChange(cycle, actor);
        if (string.IsNullOrWhiteSpace(evaluatorUserId))
        {
            throw new ArgumentException("An evaluator has a user id.", nameof(evaluatorUserId));
        }

        if (IsAssigned(evaluatorUserId))
        {
            throw new DomainException(Messages.EvaluatorAlreadyAssigned.Format(evaluatorName));
        }

        _assignments.Add(new EvaluationAssignment(evaluatorUserId, evaluatorName.Trim(), actor.DisplayName, now));
    }

    public void Unassign(Cycle cycle, Actor actor, string evaluatorUserId)
    {
        EnsureManagerMayChange(cycle, actor);
        var assignment = _assignments.FirstOrDefault(a => a.EvaluatorUserId == evaluatorUserId)
            ?? throw new DomainException(Messages.EvaluatorNotAssigned.Format());
        if (SheetOf(evaluatorUserId) is not null)
        {
            throw new DomainException(Messages.EvaluatorAlreadyRecorded.Format(assignment.EvaluatorName));
        }

        _assignments.Remove(assignment);
    }

    /// <summary>
    /// Records (or replaces) the evaluator's sheet. An observed sheet sends its reason to the proposer as
    /// a question to answer within the cycle's <see cref="ProposalRules.ObservationAnswerDays"/>; an
    /// evaluator who records Observed again while their question is unanswered rephrases it.
    /// </summary>
    public EvaluationSheet RecordSheet(Cycle cycle, string evaluatorUserId, EvaluationSheetInput input, Money proposalEstimatedCost, DateOnly today, DateTimeOffset now)
    {
        EnsureMayChange(cycle);
        var assignment = _assignments.FirstOrDefault(a => a.EvaluatorUserId == evaluatorUserId)
            ?? throw new DomainException(Messages.EvaluatorNotAssigned.Format());
        var scores = CheckSheet(cycle, input, proposalEstimatedCost);

        var sheet = SheetOf(evaluatorUserId);
        if (sheet is null)
        {
            sheet = new EvaluationSheet(evaluatorUserId, assignment.EvaluatorName);
            _sheets.Add(sheet);
        }

        sheet.Replace(input, scores, now);
        SheetsVersion++;

        if (input.Viability == Viability.Observed)
        {
            var own = _observations.FirstOrDefault(o => o.AskedByUserId == evaluatorUserId && o.IsOpen(today));
            if (own is not null)
            {
                own.Rephrase(sheet.Reason);
            }
            else
            {
                _observations.Add(new Observation(evaluatorUserId, assignment.EvaluatorName, sheet.Reason, today, cycle.ProposalRules.ObservationAnswerDays, now));
            }
        }

        return sheet;
    }

    /// <summary>
    /// The proposer's answer to every open observation (who may answer — the proposer or the
    /// organization's representative — is checked by the caller). Refused when none is open: none
    /// was asked, all are answered, or their deadline has passed.
    /// </summary>
    public void Answer(string userId, string answer, DateOnly today, DateTimeOffset now)
    {
        EnsureNotFrozen();
        var open = OpenObservations(today);
        if (open.Count == 0)
        {
            var lapsed = _observations.Where(o => o.HasLapsed(today)).MaxBy(o => o.Deadline);
            throw new DomainException(lapsed is null
                ? Messages.NoOpenObservation.Format()
                : Messages.ObservationDeadlinePassed.Format(lapsed.Deadline.ToString("d", System.Globalization.CultureInfo.CurrentCulture)));
        }

        var text = RequireText(answer, Messages.AnswerRequired, MaxTextLength);
        foreach (var observation in open)
        {
            observation.Close(userId, text, now);
        }
    }

    /// <summary>
    /// Records the consolidation meeting's outcome on the sheets as they stand: the final verdict, an
    /// optional final cost and the minutes. Settles a disagreement (and an evaluator's observed sheet
    /// left without a new verdict) until some evaluator records a sheet again.
    /// </summary>
    public void RecordConsolidation(Cycle cycle, Actor actor, Viability verdict, Money? adjustedCost, string minutes, DateOnly today, DateTimeOffset now)
    {
        EnsureManagerMayChange(cycle, actor);
        if (verdict == Viability.Observed)
        {
            throw new DomainException(Messages.ConsolidationVerdictObserved.Format());
        }

        if (_assignments.Count == 0 || _assignments.Any(a => SheetOf(a.EvaluatorUserId) is null))
        {
            throw new DomainException(Messages.ConsolidationNeedsAllSheets.Format());
        }

        if (HasOpenObservation(today))
        {
            throw new DomainException(Messages.ConsolidationWhileObserved.Format());
        }

        if (verdict == Viability.Viable && _sheets.All(s => s.Viability != Viability.Viable))
        {
            throw new DomainException(Messages.ConsolidationViableNeedsScores.Format());
        }

        if (adjustedCost is { IsPositive: false })
        {
            throw new DomainException(Messages.AdjustedCostNotPositive.Format());
        }

        ConsolidatedVerdict = verdict;
        ConsolidatedCost = adjustedCost;
        ConsolidationMinutes = RequireText(minutes, Messages.ConsolidationMinutesRequired, MaxMinutesLength);
        ConsolidatedAt = now.ToUniversalTime();
        ConsolidatedBy = actor.DisplayName;
        ConsolidatedSheetsVersion = SheetsVersion;
    }

    /// <summary>The evaluators' scores consolidated (see <see cref="Consolidation"/>).</summary>
    public ConsolidatedScore Consolidate(Cycle cycle, decimal? themePriority) =>
        Consolidation.Compute(cycle.Criteria, _sheets.Select(s => s.ToVerdict()).ToList(), cycle.ProposalRules, themePriority);

    /// <summary>
    /// Where the review stands and its conclusion. The final verdict is the consolidation meeting's
    /// when it stands, else the evaluators' common verdict. The final cost is the meeting's cost when
    /// it gave one; otherwise the highest cost among the sheets carrying the final verdict (a sheet
    /// without an adjusted cost stands for the estimate): the budget must cover the costliest
    /// technical estimate unless the meeting agrees on another; with no such sheet, the estimate.
    /// </summary>
    public ReviewOutcome Outcome(Cycle cycle, decimal? themePriority, Money proposalEstimatedCost, DateOnly today)
    {
        var consolidated = Consolidate(cycle, themePriority);
        var status = StatusOf(consolidated, today);
        Viability? verdict = status != ReviewStatus.Evaluated ? null
            : HasCurrentConsolidation ? ConsolidatedVerdict
            : _sheets[0].Viability;

        var sheets = Sheets;
        var reason = HasCurrentConsolidation
            ? ConsolidationMinutes!
            : string.Join(" / ", sheets
                .Where(s => verdict is null || s.Viability == verdict)
                .SelectMany(s => s.EligibilityReason is null ? [s.Reason] : new[] { s.EligibilityReason, s.Reason })
                .Distinct(StringComparer.Ordinal));

        var finalCost = proposalEstimatedCost;
        if (HasCurrentConsolidation && ConsolidatedCost is { } agreed)
        {
            finalCost = agreed;
        }
        else if (verdict is not null && sheets.Any(s => s.Viability == verdict))
        {
            finalCost = sheets.Where(s => s.Viability == verdict).Max(s => s.AdjustedCost ?? proposalEstimatedCost);
        }

        var score = verdict == Viability.Viable ? consolidated.Score : null;
        return new ReviewOutcome(status, verdict, reason, score, finalCost, consolidated, HasCurrentConsolidation && status == ReviewStatus.Evaluated);
    }

    /// <summary>Whether the proposal is evaluated: see <see cref="ReviewStatus"/>.</summary>
    public bool IsEvaluated(Cycle cycle, DateOnly today) =>
        StatusOf(Consolidation.Compute(cycle.Criteria, _sheets.Select(s => s.ToVerdict()).ToList(), cycle.ProposalRules, 1m), today) == ReviewStatus.Evaluated;

    internal void Freeze(DateTimeOffset now) => FrozenAt = now.ToUniversalTime();

    private ReviewStatus StatusOf(ConsolidatedScore consolidated, DateOnly today)
    {
        if (_assignments.Count == 0)
        {
            return ReviewStatus.Unassigned;
        }

        if (HasOpenObservation(today))
        {
            return ReviewStatus.Observed;
        }

        if (_assignments.Any(a => SheetOf(a.EvaluatorUserId) is null))
        {
            return ReviewStatus.InProgress;
        }

        if (HasCurrentConsolidation)
        {
            return ReviewStatus.Evaluated;
        }

        if (_sheets.Any(s => s.Viability == Viability.Observed))
        {
            return ReviewStatus.InProgress;
        }

        return consolidated.Disagreement ? ReviewStatus.Disagreement : ReviewStatus.Evaluated;
    }

    private Dictionary<int, int> CheckSheet(Cycle cycle, EvaluationSheetInput input, Money estimatedCost)
    {
        if (!Enum.IsDefined(input.Viability))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Viability, "Unknown viability.");
        }

        RequireText(input.Reason, Messages.ViabilityReasonRequired, MaxTextLength);
        if (!input.Eligible)
        {
            RequireText(input.EligibilityReason ?? "", Messages.EligibilityReasonRequired, MaxTextLength);
            if (input.Viability == Viability.Viable)
            {
                throw new DomainException(Messages.IneligibleCannotBeViable.Format());
            }
        }

        if (input.AdjustedCost is { } adjusted)
        {
            if (!adjusted.IsPositive)
            {
                throw new DomainException(Messages.AdjustedCostNotPositive.Format());
            }

            if (adjusted != estimatedCost)
            {
                RequireText(input.CostJustification ?? "", Messages.CostJustificationRequired, MaxTextLength);
            }

            var rules = cycle.ProposalRules;
            if (input.Viability == Viability.Viable && (adjusted < rules.MinimumCost || (rules.MaximumCost is { } max && adjusted > max)))
            {
                throw new DomainException(rules.MaximumCost is { } maximum
                    ? Messages.AdjustedCostOutsideBounds.Format(rules.MinimumCost, maximum)
                    : Messages.AdjustedCostBelowMinimum.Format(rules.MinimumCost));
            }
        }

        if (input.CostJustification is { Length: > MaxTextLength })
        {
            throw new DomainException(Messages.NoteTooLong.Format(MaxTextLength));
        }

        if (input.Viability != Viability.Viable)
        {
            if (input.Scores.Count > 0)
            {
                throw new DomainException(Messages.ScoresOnlyWhenViable.Format());
            }

            return [];
        }

        var all = cycle.Criteria;
        var derived = Consolidation.ThemePriorityCriterion(all, cycle.ProposalRules);
        foreach (var criterionId in input.Scores.Keys)
        {
            var criterion = all.FirstOrDefault(c => c.Id == criterionId)
                ?? throw new DomainException(Messages.ScoreForUnknownCriterion.Format());
            if (criterion == derived)
            {
                throw new DomainException(Messages.ScoreForThemePriorityCriterion.Format(criterion.Name));
            }
        }

        var missing = Consolidation.TypedCriteria(all, cycle.ProposalRules).Where(c => !input.Scores.ContainsKey(c.Id)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(Messages.ScoresMissing.Format(string.Join(", ", missing)));
        }

        foreach (var (criterionId, score) in input.Scores)
        {
            var criterion = all.First(c => c.Id == criterionId);
            if (criterion.Levels.All(l => l.Score != score))
            {
                throw new DomainException(Messages.ScoreOutsideScale.Format(
                    score, criterion.Name, string.Join(", ", criterion.Levels.Select(l => l.Score))));
            }
        }

        return new Dictionary<int, int>(input.Scores);
    }

    private void EnsureManagerMayChange(Cycle cycle, Actor actor)
    {
        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        EnsureMayChange(cycle);
    }

    private void EnsureMayChange(Cycle cycle)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        EnsureNotFrozen();
        if (cycle.Phase != Phase.Concertation)
        {
            throw new DomainException(Messages.EvaluationNotInConcertation.Format());
        }
    }

    private void EnsureNotFrozen()
    {
        if (IsFrozen)
        {
            throw new DomainException(Messages.TechnicalReportAlreadyPublished.Format());
        }
    }

    private static string RequireText(string text, Text required, int maxLength)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException(required.Format());
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(Messages.NoteTooLong.Format(maxLength));
        }

        return trimmed;
    }
}
