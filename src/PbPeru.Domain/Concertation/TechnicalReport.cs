using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Concertation;

/// <summary>
/// A submitted proposal as the report needs it, with its review (null when none was opened).
/// <para>Cofinancing: The sum of its co-financing lines.</para>
/// <para>ThemePriority: Its theme's normalized priority in [0, 1]; required when the cycle uses theme priority.</para>
/// </summary>
public sealed record ReportedProposal(
    int ProposalId,
    string Title,
    Money EstimatedCost,
    Money Cofinancing,
    int Beneficiaries,
    DateTimeOffset SubmittedAt,
    decimal? ThemePriority,
    ProposalReview? Review);

/// <summary>
/// The technical team's published recommendation: once per cycle, by a manager, when every submitted
/// proposal is evaluated. It keeps a frozen snapshot as child rows (criteria, one entry per proposal
/// with its mean per criterion) and freezes every review: nothing in the evaluation changes after it.
/// </summary>
public sealed class TechnicalReport
{
    private readonly List<TechnicalReportCriterion> _criteria = [];
    private readonly List<TechnicalReportEntry> _entries = [];

    private TechnicalReport()
    {
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public Money Ceiling { get; private set; }

    public Money SelectedTotal { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public IReadOnlyList<TechnicalReportCriterion> Criteria => _criteria.OrderBy(c => c.Position).ToList();

    /// <summary>Ranked viable proposals first (selected or not), then the not viable ones.</summary>
    public IReadOnlyList<TechnicalReportEntry> Entries => _entries.OrderBy(e => e.Position).ToList();

    /// <summary>The cycle's report, not yet published (one per cycle; a unique index keeps it so).</summary>
    public static TechnicalReport For(Cycle cycle) => new() { CycleId = cycle.Id };

    public void Publish(Cycle cycle, Actor actor, IReadOnlyList<ReportedProposal> proposals, DateOnly today, DateTimeOffset now)
    {
        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Id != CycleId || proposals.Any(p => p.Review is { } r && (r.CycleId != CycleId || r.ProposalId != p.ProposalId)))
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        if (IsPublished)
        {
            throw new DomainException(Messages.TechnicalReportAlreadyPublished.Format());
        }

        if (cycle.Phase != Phase.Concertation)
        {
            throw new DomainException(Messages.EvaluationNotInConcertation.Format());
        }

        var outcomes = proposals
            .Select(p => (Proposal: p, Outcome: p.Review?.Outcome(cycle, p.ThemePriority, p.EstimatedCost, today)))
            .ToList();
        var pending = outcomes.Count(o => o.Outcome is not { IsEvaluated: true });
        if (pending > 0)
        {
            throw new DomainException(pending == 1 ? Messages.ProposalNotEvaluatedOne.Format() : Messages.ProposalsNotEvaluated.Format(pending));
        }

        var byProposal = outcomes.ToDictionary(o => o.Proposal.ProposalId, o => (o.Proposal, Outcome: o.Outcome!));
        var recommendation = Recommendation.Build(cycle.Ceiling, outcomes.Select(o => new RecommendationCandidate(
            o.Proposal.ProposalId,
            o.Proposal.Title,
            o.Outcome!.Verdict!.Value,
            o.Outcome.Reason,
            o.Outcome.Score,
            Recommendation.RequestedAmount(o.Outcome.FinalCost, o.Proposal.Cofinancing),
            o.Proposal.Beneficiaries,
            o.Proposal.SubmittedAt)).ToList());

        var derived = Consolidation.ThemePriorityCriterion(cycle.Criteria, cycle.ProposalRules);
        _criteria.AddRange(cycle.Criteria.Select(c => new TechnicalReportCriterion(c, c == derived)));
        var position = 0;
        foreach (var row in recommendation.Rows)
        {
            var (proposal, outcome) = byProposal[row.Candidate.ProposalId];
            _entries.Add(new TechnicalReportEntry(++position, row, outcome, proposal));
        }

        Ceiling = cycle.Ceiling;
        SelectedTotal = recommendation.SelectedTotal;
        PublishedAt = now.ToUniversalTime();
        PublishedBy = actor.DisplayName;
        foreach (var proposal in proposals)
        {
            proposal.Review!.Freeze(now);
        }
    }
}

/// <summary>A criterion of the matrix as it stood when the report was published.</summary>
public sealed class TechnicalReportCriterion
{
    private TechnicalReportCriterion()
    {
        Name = "";
    }

    internal TechnicalReportCriterion(Criterion criterion, bool fromThemePriority)
    {
        CriterionId = criterion.Id;
        Position = criterion.Position;
        Name = criterion.Name;
        WeightPercent = criterion.WeightPercent;
        LowestLevel = criterion.Levels.Min(l => l.Score);
        HighestLevel = criterion.Levels.Max(l => l.Score);
        FromThemePriority = fromThemePriority;
    }

    public int Id { get; private set; }

    public int CriterionId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public int WeightPercent { get; private set; }

    public int LowestLevel { get; private set; }

    public int HighestLevel { get; private set; }

    public bool FromThemePriority { get; private set; }
}

/// <summary>One proposal's line of the published report.</summary>
public sealed class TechnicalReportEntry
{
    private readonly List<TechnicalReportScore> _scores = [];

    private TechnicalReportEntry()
    {
        Title = "";
        Reason = "";
    }

    internal TechnicalReportEntry(int position, RecommendationRow row, ReviewOutcome outcome, ReportedProposal proposal)
    {
        Position = position;
        Rank = row.Rank;
        ProposalId = row.Candidate.ProposalId;
        Title = row.Candidate.Title;
        Verdict = row.Candidate.Verdict;
        Reason = row.Candidate.Reason;
        Score = row.Candidate.Score;
        SettledByConsolidation = outcome.SettledByConsolidation;
        EstimatedCost = proposal.EstimatedCost;
        FinalCost = outcome.FinalCost;
        Cofinancing = proposal.Cofinancing;
        RequestedAmount = row.Candidate.RequestedAmount;
        Beneficiaries = row.Candidate.Beneficiaries;
        Selected = row.Selected;
        LeftOut = row.LeftOut;
        RemainingBefore = row.RemainingBefore;
        if (outcome.Verdict == Viability.Viable)
        {
            _scores.AddRange(outcome.Consolidated.Criteria
                .Where(c => c.Mean is not null)
                .Select(c => new TechnicalReportScore(c.CriterionId, c.Mean!.Value, c.Points!.Value)));
        }
    }

    public int Id { get; private set; }

    /// <summary>The line's order in the report.</summary>
    public int Position { get; private set; }

    /// <summary>1, 2, … among the viable proposals; null for the not viable.</summary>
    public int? Rank { get; private set; }

    public int ProposalId { get; private set; }

    public string Title { get; private set; }

    public Viability Verdict { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The consolidated score, exact; show it with <see cref="Consolidation.Round"/>.</summary>
    public decimal? Score { get; private set; }

    public bool SettledByConsolidation { get; private set; }

    public Money EstimatedCost { get; private set; }

    public Money FinalCost { get; private set; }

    public Money Cofinancing { get; private set; }

    public Money RequestedAmount { get; private set; }

    public int Beneficiaries { get; private set; }

    public bool Selected { get; private set; }

    public LeftOutBecause? LeftOut { get; private set; }

    public Money? RemainingBefore { get; private set; }

    /// <summary>Mean per criterion (viable proposals only).</summary>
    public IReadOnlyList<TechnicalReportScore> Scores => _scores.OrderBy(s => s.CriterionId).ToList();

    /// <summary>Why it is left out, in the reader's language; null when selected.</summary>
    public string? LeftOutReason => LeftOut switch
    {
        LeftOutBecause.NotViable => Messages.LeftOutNotViable.Format(Reason),
        LeftOutBecause.DoesNotFit => Messages.LeftOutDoesNotFit.Format(RequestedAmount, RemainingBefore!.Value),
        _ => null,
    };
}

/// <summary>A proposal's consolidated mean on one criterion and the points it earned, as published.</summary>
public sealed class TechnicalReportScore
{
    private TechnicalReportScore()
    {
    }

    internal TechnicalReportScore(int criterionId, decimal mean, decimal points)
    {
        CriterionId = criterionId;
        Mean = mean;
        Points = points;
    }

    public int Id { get; private set; }

    public int CriterionId { get; private set; }

    public decimal Mean { get; private set; }

    public decimal Points { get; private set; }
}
