using PbPeru.Domain.Common;

namespace PbPeru.Domain.Cycles;

/// <summary>Who may be accredited and what the accredited list must look like. Frozen once Preparation starts.</summary>
public sealed record AccreditationRules(
    int TitularsPerOrganization,
    int SuplentesPerOrganization,
    bool TrainingRequiredToVote,
    int MinimumAccreditedAgents,
    int? WomenMinimumSharePercent,
    bool WomenQuotaIsHard)
{
    public static AccreditationRules Default { get; } = new(
        TitularsPerOrganization: 1,
        SuplentesPerOrganization: 1,
        TrainingRequiredToVote: true,
        MinimumAccreditedAgents: 10,
        WomenMinimumSharePercent: 30,
        WomenQuotaIsHard: false);

    internal IEnumerable<string> Problems()
    {
        if (TitularsPerOrganization is < 1 or > 5)
        {
            yield return Messages.TitularsOutOfRange.Format(1, 5);
        }

        if (SuplentesPerOrganization is < 0 or > 5)
        {
            yield return Messages.SuplentesOutOfRange.Format(0, 5);
        }

        if (MinimumAccreditedAgents < 1)
        {
            yield return Messages.MinimumAgentsTooLow.Format();
        }

        if (WomenMinimumSharePercent is < 1 or > 100)
        {
            yield return Messages.QuotaOutOfRange.Format();
        }
    }
}

/// <summary>How agents prioritize the development plan's themes.</summary>
public enum ThemeVoteMethod
{
    /// <summary>Each agent orders every theme; counted by Borda points.</summary>
    Ranking = 0,

    /// <summary>Each agent spreads a fixed number of points over the themes.</summary>
    Points = 1,
}

/// <summary>Whether and how the theme prioritization feeds the technical evaluation.</summary>
public enum ThemePriorityUse
{
    /// <summary>The prioritization is informative only.</summary>
    None = 0,

    /// <summary>A criterion of the matrix is scored from the proposal's theme priority, not by evaluators.</summary>
    Criterion = 1,

    /// <summary>The consolidated score gets a bonus of up to <see cref="ProposalRules.ThemeBonusPercent"/> by theme priority.</summary>
    Weight = 2,
}

/// <summary>
/// What a project proposal may cost and reach, how themes are prioritized and how the technical
/// evaluation uses that. Frozen once Concertation starts.
/// </summary>
public sealed record ProposalRules(
    Money MinimumCost,
    Money? MaximumCost,
    int MinimumBeneficiaries,
    ThemeVoteMethod ThemeVoting,
    int ThemePointsPerAgent,
    ThemePriorityUse ThemePriorityUse,
    int ThemeBonusPercent,
    int DisagreementLevels,
    int ObservationAnswerDays)
{
    public const int MaxThemePointsPerAgent = 1000;
    public const int MaxObservationAnswerDays = 60;

    public static ProposalRules Default { get; } = new(
        MinimumCost: Money.Zero,
        MaximumCost: null,
        MinimumBeneficiaries: 0,
        ThemeVoting: ThemeVoteMethod.Ranking,
        ThemePointsPerAgent: 10,
        ThemePriorityUse: ThemePriorityUse.None,
        ThemeBonusPercent: 20,
        DisagreementLevels: 2,
        ObservationAnswerDays: 5);

    internal IEnumerable<string> Problems(Money ceiling)
    {
        if (MinimumCost.Centimos < 0)
        {
            yield return Messages.MinimumCostNegative.Format();
        }

        if (MaximumCost is { } max)
        {
            if (max <= MinimumCost)
            {
                yield return Messages.MaximumCostNotAboveMinimum.Format();
            }

            if (ceiling.IsPositive && max > ceiling)
            {
                yield return Messages.MaximumCostAboveCeiling.Format(ceiling);
            }
        }

        if (MinimumBeneficiaries < 0)
        {
            yield return Messages.MinimumBeneficiariesNegative.Format();
        }

        if (!Enum.IsDefined(ThemeVoting))
        {
            yield return Messages.ThemeVotingUnknown.Format();
        }

        if (ThemePointsPerAgent is < 1 or > MaxThemePointsPerAgent)
        {
            yield return Messages.ThemePointsOutOfRange.Format(1, MaxThemePointsPerAgent);
        }

        if (!Enum.IsDefined(ThemePriorityUse))
        {
            yield return Messages.ThemePriorityUseUnknown.Format();
        }

        if (ThemeBonusPercent is < 0 or > 100)
        {
            yield return Messages.ThemeBonusOutOfRange.Format(0, 100);
        }

        if (DisagreementLevels < 1)
        {
            yield return Messages.DisagreementLevelsTooLow.Format();
        }

        if (ObservationAnswerDays is < 1 or > MaxObservationAnswerDays)
        {
            yield return Messages.ObservationAnswerDaysOutOfRange.Format(1, MaxObservationAnswerDays);
        }
    }
}

public enum BallotType
{
    /// <summary>Pick up to k projects.</summary>
    Approval = 0,

    /// <summary>Pick any set of projects whose cost fits the ceiling.</summary>
    Knapsack = 1,

    /// <summary>Spread p points, with a cap per project.</summary>
    Cumulative = 2,

    /// <summary>Order the top k projects.</summary>
    Ranking = 3,
}

public enum CountingRule
{
    Greedy = 0,
    GreedyNoSkip = 1,
    GreedyThreshold = 2,
    EqualShares = 3,
    EqualSharesAdd1 = 4,
    EqualSharesAdd1Comparison = 5,
    Phragmen = 6,
    TechnicalRanking = 7,
    Consensus = 8,
}

/// <summary>How the final vote is cast and counted. Frozen once Formalization starts.</summary>
public sealed record VotingRules(
    BallotType BallotType,
    int? MaxApprovals,
    int? TotalPoints,
    int? MaxPointsPerProject,
    int? RankingLength,
    CountingRule CountingRule,
    int? SupportThreshold,
    bool RunningCountsVisible)
{
    public static VotingRules Default { get; } = new(
        BallotType: BallotType.Approval,
        MaxApprovals: 5,
        TotalPoints: null,
        MaxPointsPerProject: null,
        RankingLength: null,
        CountingRule: CountingRule.Greedy,
        SupportThreshold: null,
        RunningCountsVisible: false);

    internal IEnumerable<string> Problems()
    {
        switch (BallotType)
        {
            case BallotType.Approval when MaxApprovals is null or < 1:
                yield return Messages.ApprovalNeedsK.Format();
                break;
            case BallotType.Cumulative when TotalPoints is null or < 1:
                yield return Messages.CumulativeNeedsPoints.Format();
                break;
            case BallotType.Cumulative when MaxPointsPerProject is null or < 1 || MaxPointsPerProject > TotalPoints:
                yield return Messages.CumulativeCapInvalid.Format();
                break;
            case BallotType.Ranking when RankingLength is null or < 1:
                yield return Messages.RankingNeedsK.Format();
                break;
        }

        if (CountingRule is CountingRule.EqualShares or CountingRule.EqualSharesAdd1 or CountingRule.EqualSharesAdd1Comparison or CountingRule.Phragmen
            && BallotType is BallotType.Cumulative or BallotType.Ranking)
        {
            yield return Messages.RuleNeedsApprovalBallots.Format();
        }

        if (CountingRule == CountingRule.GreedyThreshold && SupportThreshold is null or < 1)
        {
            yield return Messages.ThresholdNeeded.Format();
        }
    }
}
