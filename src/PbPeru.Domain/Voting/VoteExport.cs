using System.Globalization;
using PbPeru.Domain.Counting;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Voting;

/// <summary>What the published file says about where the vote took place.</summary>
public sealed record ExportDescription(string Country, string Unit, string Instance, string Description, DateOnly? Date);

/// <summary>
/// A closed vote's anonymized ballots as a pabulib <c>.pb</c> file: no agent, no time, no order of
/// casting — ballots are sorted by their content and numbered 1, 2, … — so that anyone can recount
/// it with the command line and get the published result.
/// </summary>
public static class VoteExport
{
    public static PabulibFile ToPabulib(FinalVote vote, IReadOnlyList<AgentBallot> ballots, ExportDescription description)
    {
        var unit = VoteCount.UnitOf(vote);
        var election = VoteCount.ElectionOf(vote, ballots);
        var rules = vote.Rules;
        var type = rules.BallotType switch
        {
            BallotType.Cumulative => "cumulative",
            BallotType.Ranking => "ordinal",
            _ => "approval",
        };
        var meta = new List<KeyValuePair<string, string>>
        {
            new("description", description.Description),
            new("country", description.Country),
            new("unit", description.Unit),
            new("instance", description.Instance),
            new("num_projects", Invariant(vote.Items.Count)),
            new("num_votes", Invariant(ballots.Count)),
            new("budget", Invariant(vote.Budget.Centimos / unit)),
            new("vote_type", type),
            new("rule", RuleName(rules.CountingRule)),
            new("currency", "PEN"),
            new("cost_unit", unit == 100 ? "sol" : "céntimo"),
        };
        if (description.Date is { } date)
        {
            meta.Add(new("date_end", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        switch (rules.BallotType)
        {
            case BallotType.Approval:
                meta.Add(new("max_length", Invariant(rules.MaxApprovals ?? vote.Items.Count)));
                break;
            case BallotType.Knapsack:
                meta.Add(new("comment", "knapsack ballots: each voter chose projects whose total cost fits the budget"));
                break;
            case BallotType.Cumulative:
                meta.Add(new("max_sum_points", Invariant(rules.TotalPoints ?? 0)));
                meta.Add(new("max_points", Invariant(rules.MaxPointsPerProject ?? 0)));
                break;
            case BallotType.Ranking:
                meta.Add(new("max_length", Invariant(rules.RankingLength ?? vote.Items.Count)));
                break;
        }

        if (rules.CountingRule == CountingRule.GreedyThreshold && rules.SupportThreshold is { } threshold)
        {
            meta.Add(new("min_project_score_threshold", Invariant(threshold)));
        }

        var selected = vote.Result?.Lines.Where(l => l.IsSelected).Select(l => l.Position).ToHashSet() ?? [];
        var withResult = vote.Result is not null;
        List<string> projectColumns = withResult
            ? ["project_id", "cost", "votes", "name", "category", "cui", "selected"]
            : ["project_id", "cost", "votes", "name", "category", "cui"];
        var projects = vote.Items.Select(item => new PabulibProject(item.Key, item.Cost.Centimos / unit, new Dictionary<string, string>
        {
            ["project_id"] = item.Key,
            ["cost"] = Invariant(item.Cost.Centimos / unit),
            ["votes"] = Invariant(election.SupportOf(item.Key)),
            ["name"] = item.Title,
            ["category"] = item.ThemeName ?? "",
            ["cui"] = item.Cui ?? "",
            ["selected"] = selected.Contains(item.Position) ? "1" : "0",
        })).ToList();

        var withPoints = rules.BallotType is BallotType.Cumulative or BallotType.Ranking;
        var votes = election.Ballots
            .Select(b => (Ballot: b, Ids: string.Join(",", b.ProjectIds), Points: b.Points is { } p ? string.Join(",", p.Select(Invariant)) : ""))
            .OrderBy(b => b.Ids, StringComparer.Ordinal)
            .ThenBy(b => b.Points, StringComparer.Ordinal)
            .Select((b, i) =>
            {
                var fields = new Dictionary<string, string> { ["voter_id"] = Invariant(i + 1), ["vote"] = b.Ids };
                if (withPoints)
                {
                    fields["points"] = b.Points;
                }

                return new PabulibVote(Invariant(i + 1), b.Ballot.ProjectIds, withPoints ? b.Ballot.Points : null, fields);
            })
            .ToList();
        List<string> voteColumns = withPoints ? ["voter_id", "vote", "points"] : ["voter_id", "vote"];
        return new PabulibFile(meta, projectColumns, projects, voteColumns, votes);
    }

    /// <summary>The rule's name in the file's META, as the command-line recount reads it.</summary>
    public static string RuleName(CountingRule rule) => rule switch
    {
        CountingRule.Greedy => "greedy",
        CountingRule.GreedyNoSkip => "greedy-no-skip",
        CountingRule.GreedyThreshold => "greedy-threshold",
        CountingRule.EqualShares => "equalshares",
        CountingRule.EqualSharesAdd1 => "equalshares/add1",
        CountingRule.EqualSharesAdd1Comparison => "equalshares/add1-comparison",
        CountingRule.Phragmen => "phragmen",
        CountingRule.TechnicalRanking => "technical-ranking",
        _ => "consensus",
    };

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
