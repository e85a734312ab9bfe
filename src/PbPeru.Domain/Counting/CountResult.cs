namespace PbPeru.Domain.Counting;

/// <summary>The outcome of a count: the selected project ids in the order they were chosen, and their total cost.</summary>
public sealed record CountResult(string Rule, IReadOnlyList<string> Selected, long TotalCost)
{
    /// <summary>
    /// Per selected project, in the order of <see cref="Selected"/>: what the result page shows
    /// beside each project. Every rule fills it.
    /// </summary>
    public IReadOnlyList<SelectedProjectDetail> Details { get; init; } = [];
}

/// <summary>
/// A selected project: its cost and its support (approvals, or points where ballots carry points).
/// The Method of Equal Shares adds what the project cost its supporters; the technical ranking,
/// where there are no ballots (support 0), adds the score that ranked it.
/// </summary>
public sealed record SelectedProjectDetail(string Id, long Cost, long Support)
{
    public EqualSharesPayment? Payment { get; init; }

    public decimal? Score { get; init; }
}

/// <summary>
/// How the supporters of a project bought under the Method of Equal Shares paid for it.
/// <see cref="FullPayers"/> supporters each paid <see cref="EqualShare"/> (ρ·cost, exact);
/// <see cref="PartialPayers"/> had less than that left and paid all of it, <see cref="PartialPaid"/>
/// together; supporters with nothing left paid nothing. EqualShare·FullPayers + PartialPaid = cost.
/// </summary>
public sealed record EqualSharesPayment(Rational EqualShare, long FullPayers, long PartialPayers, Rational PartialPaid);

/// <summary>A project in the technical ranking: its cost and the technical team's consolidated score, if it has one.</summary>
public sealed record RankedProject(string Id, long Cost, decimal? Score);
