using PbPeru.Domain.Voting;

namespace PbPeru.Web.Infrastructure.OpenData;

/// <summary>
/// The vote's result as open data: every ballot item (selected or not) with its support and, when
/// selected, its order. Columns, in this order:
/// <c>project_id, position, name, cui, theme, cost, technical_score, support, selected, selection_order</c>.
/// <c>project_id</c> is the id the item carries in the <c>.pb</c> ballots file (the position, three
/// digits), so the two files join; <c>selected</c> is 1 or 0; <c>support</c> is what the rule counted
/// (votes, points); rows in ballot order.
/// </summary>
public static class ResultsExport
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "project_id", "position", "name", "cui", "theme", "cost", "technical_score", "support", "selected", "selection_order",
    ];

    public static byte[] Csv(FinalVote vote, VoteResult result) =>
        OpenDataCsv.Write(Columns, Rows(vote, result).Select(r => (IReadOnlyList<string?>)
        [
            r.Item.Key,
            OpenDataCsv.Invariant(r.Item.Position),
            r.Item.Title,
            r.Item.Cui,
            r.Item.ThemeName,
            OpenDataCsv.Amount(r.Item.Cost),
            r.Item.TechnicalScore is { } score ? OpenDataCsv.Invariant(score) : null,
            OpenDataCsv.Invariant(r.Line.Support),
            r.Line.IsSelected ? "1" : "0",
            r.Line.SelectionOrder is { } order ? OpenDataCsv.Invariant(order) : null,
        ]));

    public static byte[] Json(OpenDataCycle cycle, FinalVote vote, VoteResult result) => OpenDataCsv.Serialize(new
    {
        Cycle = OpenDataCatalog.Metadata(cycle),
        Result = new
        {
            Rule = result.Rule.ToString(),
            result.RuleName,
            result.Voters,
            Budget = OpenDataCsv.Soles(result.Budget),
            TotalCost = OpenDataCsv.Soles(result.TotalCost),
            ComputedAt = result.ComputedAt.ToUniversalTime(),
            Selected = result.Selected.Count,
        },
        Columns,
        Items = Rows(vote, result).Select(r => new
        {
            ProjectId = r.Item.Key,
            r.Item.Position,
            Name = r.Item.Title,
            r.Item.Cui,
            Theme = r.Item.ThemeName,
            Cost = OpenDataCsv.Soles(r.Item.Cost),
            r.Item.TechnicalScore,
            r.Line.Support,
            Selected = r.Line.IsSelected,
            r.Line.SelectionOrder,
        }),
    });

    private static IEnumerable<(BallotItem Item, ResultLine Line)> Rows(FinalVote vote, VoteResult result)
    {
        var lines = result.Lines.ToDictionary(l => l.Position);
        return vote.Items
            .OrderBy(i => i.Position)
            .Where(i => lines.ContainsKey(i.Position))
            .Select(i => (i, lines[i.Position]));
    }
}
