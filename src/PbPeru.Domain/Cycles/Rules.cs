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

/// <summary>What a project proposal may cost. Frozen once Concertation starts.</summary>
public sealed record ProposalRules(Money MinimumCost, Money? MaximumCost)
{
    public static ProposalRules Default { get; } = new(Money.Zero, null);

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

        if (CountingRule == CountingRule.GreedyThreshold && SupportThreshold is null or < 1)
        {
            yield return Messages.ThresholdNeeded.Format();
        }
    }
}
