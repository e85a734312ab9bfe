using PbPeru.Domain.Common;
using PbPeru.Domain.Counting;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Voting;

/// <summary>
/// The approved list of a cycle: computed once after the vote closes (or recorded from the
/// workshop's consensus, or taken from the technical ranking), then never changed.
/// </summary>
public sealed class VoteResult
{
    private readonly List<ResultLine> _lines = [];

    private VoteResult()
    {
        RuleName = "";
        ComputedByUserId = "";
        ComputedBy = "";
    }

    public int Id { get; private set; }

    public int FinalVoteId { get; private set; }

    public CountingRule Rule { get; private set; }

    /// <summary>The rule's name as the command-line recount knows it: greedy, mes-add1…</summary>
    public string RuleName { get; private set; }

    /// <summary>Ballots counted (the last of each agent).</summary>
    public int Voters { get; private set; }

    public Money Budget { get; private set; }

    public Money TotalCost { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }

    public string ComputedByUserId { get; private set; }

    public string ComputedBy { get; private set; }

    /// <summary>The minutes of the workshop's consensus, when the list was decided that way.</summary>
    public string? ConsensusMinutes { get; private set; }

    /// <summary>Every ballot item, selected ones first in the order they were chosen, then by support.</summary>
    public IReadOnlyList<ResultLine> Lines => _lines
        .OrderBy(l => l.SelectionOrder ?? int.MaxValue)
        .ThenByDescending(l => l.Support)
        .ThenBy(l => l.Position)
        .ToList();

    public IReadOnlyList<ResultLine> Selected => Lines.Where(l => l.SelectionOrder is not null).ToList();

    internal static VoteResult Counted(FinalVote vote, CountResult count, Election election, int voters, Actor actor, DateTimeOffset now)
    {
        var result = New(vote, vote.Rules.CountingRule, count.Rule, voters, actor, now);
        var order = count.Selected.Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i + 1, StringComparer.Ordinal);
        var payments = count.Details.Where(d => d.Payment is not null).ToDictionary(d => d.Id, d => d.Payment!, StringComparer.Ordinal);
        var unit = VoteCount.UnitOf(vote);
        foreach (var item in vote.Items)
        {
            var selected = order.TryGetValue(item.Key, out var rank) ? rank : (int?)null;
            var payment = payments.GetValueOrDefault(item.Key);
            result._lines.Add(new ResultLine(
                item.Position,
                election.SupportOf(item.Key),
                selected,
                payment is null ? null : payment.EqualShare * unit,
                payment is null ? null : (int)(payment.FullPayers + payment.PartialPayers)));
        }

        result.TotalCost = Money.FromCentimos(count.TotalCost * VoteCount.UnitOf(vote));
        return result;
    }

    internal static VoteResult FromConsensus(FinalVote vote, IReadOnlyList<int> positionsInOrder, string minutes, Actor actor, DateTimeOffset now)
    {
        var result = New(vote, CountingRule.Consensus, "consensus", 0, actor, now);
        result.ConsensusMinutes = minutes;
        var order = positionsInOrder.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i + 1);
        foreach (var item in vote.Items)
        {
            result._lines.Add(new ResultLine(item.Position, 0, order.TryGetValue(item.Position, out var rank) ? rank : null, null, null));
        }

        result.TotalCost = positionsInOrder.Aggregate(Money.Zero, (sum, p) => sum + vote.Item(p)!.Cost);
        return result;
    }

    private static VoteResult New(FinalVote vote, CountingRule rule, string ruleName, int voters, Actor actor, DateTimeOffset now) => new()
    {
        FinalVoteId = vote.Id,
        Rule = rule,
        RuleName = ruleName,
        Voters = voters,
        Budget = vote.Budget,
        ComputedAt = now.ToUniversalTime(),
        ComputedByUserId = actor.UserId,
        ComputedBy = actor.DisplayName,
    };
}

/// <summary>One ballot item in the result: its support, whether and when it was selected, and for MES what it cost its supporters.</summary>
public sealed class ResultLine
{
    private ResultLine()
    {
    }

    internal ResultLine(int position, long support, int? selectionOrder, Rational? equalShare, int? payers)
    {
        Position = position;
        Support = support;
        SelectionOrder = selectionOrder;
        if (equalShare is { } share)
        {
            // Céntimos with four decimals, for display; the count itself stays exact.
            SharePerSupporter = (decimal)(share.Numerator * 10_000 / share.Denominator) / 10_000m;
        }

        Payers = payers;
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    /// <summary>Approvals, or points on cumulative and ranking ballots.</summary>
    public long Support { get; private set; }

    /// <summary>1, 2, … in the order the rule selected it; null when not selected.</summary>
    public int? SelectionOrder { get; private set; }

    public bool IsSelected => SelectionOrder is not null;

    /// <summary>MES: the equal share, in céntimos, each of its supporters paid (or all they had left).</summary>
    public decimal? SharePerSupporter { get; private set; }

    /// <summary>MES: how many supporters paid towards it.</summary>
    public int? Payers { get; private set; }
}

/// <summary>How a vote's ballots become an election for the counting rules, and the count itself.</summary>
public static class VoteCount
{
    /// <summary>
    /// Céntimos per counting unit: 100 (whole soles) when the budget and every cost are whole soles,
    /// else 1. The unit matters to MES's add1 completion, which raises budgets one unit at a time, so
    /// the count and the published <c>.pb</c> file use the same one.
    /// </summary>
    public static long UnitOf(FinalVote vote) =>
        vote.Budget.Centimos % 100 == 0 && vote.Items.All(i => i.Cost.Centimos % 100 == 0) ? 100 : 1;

    public static Election ElectionOf(FinalVote vote, IEnumerable<AgentBallot> ballots)
    {
        var unit = UnitOf(vote);
        var projects = vote.Items.Select(i => new ElectionProject(i.Key, i.Cost.Centimos / unit)).ToList();
        var keys = vote.Items.ToDictionary(i => i.Position, i => i.Key);
        var k = vote.Rules.RankingLength ?? 1;
        var list = ballots.Select(b =>
        {
            var choices = b.Selections;
            return vote.Rules.BallotType switch
            {
                BallotType.Cumulative => new Counting.Ballot([.. choices.Select(c => keys[c.Position])], [.. choices.Select(c => (long)c.Value)]),
                BallotType.Ranking => new Counting.Ballot(
                    [.. choices.OrderBy(c => c.Value).Select(c => keys[c.Position])],
                    [.. choices.OrderBy(c => c.Value).Select(c => (long)(k - c.Value + 1))]),
                _ => Counting.Ballot.Approval([.. choices.Select(c => keys[c.Position])]),
            };
        }).ToList();
        return new Election(vote.Budget.Centimos / unit, projects, list);
    }

    public static CountResult Run(FinalVote vote, Election election) => vote.Rules.CountingRule switch
    {
        CountingRule.Greedy => CountingRules.Greedy(election),
        CountingRule.GreedyNoSkip => CountingRules.GreedyNoSkip(election),
        CountingRule.GreedyThreshold => CountingRules.GreedyThreshold(election, vote.Rules.SupportThreshold ?? 0),
        CountingRule.EqualShares => CountingRules.EqualShares(election),
        CountingRule.EqualSharesAdd1 => CountingRules.EqualSharesAdd1(election),
        CountingRule.EqualSharesAdd1Comparison => CountingRules.EqualSharesAdd1Comparison(election),
        CountingRule.Phragmen => CountingRules.Phragmen(election),
        _ => throw new DomainException(Messages.VoteIsConsensus.Format()),
    };

    internal static VoteResult Of(FinalVote vote, IReadOnlyList<AgentBallot> ballots, Actor actor, DateTimeOffset now)
    {
        var election = ElectionOf(vote, ballots.OrderBy(b => b.Id));
        return VoteResult.Counted(vote, Run(vote, election), election, ballots.Count, actor, now);
    }

    internal static VoteResult ByTechnicalRanking(FinalVote vote, Actor actor, DateTimeOffset now)
    {
        var election = ElectionOf(vote, []);
        var unit = UnitOf(vote);
        var count = CountingRules.TechnicalRanking(
            vote.Budget.Centimos / unit,
            [.. vote.Items.Select(i => new RankedProject(i.Key, i.Cost.Centimos / unit, i.TechnicalScore))]);
        return VoteResult.Counted(vote, count, election, 0, actor, now);
    }
}
