using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Formalization;

/// <summary>A candidate as the count sees it: its approvals, when it stood and its sex.</summary>
public sealed record CommitteeStanding(int AgentId, long Approvals, DateTimeOffset StoodAt, Sex Sex);

/// <summary>A seat the count gives.</summary>
public sealed record CommitteeSeat(int AgentId, int Rank, long Votes, bool ByMixedSexRule);

/// <summary>
/// Who is elected to the oversight committee.
/// <list type="number">
/// <item>Candidates are ordered by more approvals, then earlier candidacy, then lower agent id
/// (a fixed, documented order: the same ballots always elect the same people).</item>
/// <item>The first <c>seats</c> in that order are elected, ranked 1, 2, …; with fewer candidates
/// than seats every candidate is elected and the remaining seats stay empty.</item>
/// <item>When the committee must not be all of one sex, has two seats or more, and every elected
/// member is of one sex while a candidate of the other sex was not elected, the last elected seat
/// goes to the best-placed candidate of the other sex (in the same order), with its own approvals.
/// With no such candidate the committee stays as elected (the rule cannot be met).</item>
/// </list>
/// </summary>
public static class CommitteeCount
{
    /// <summary>The order of the count: more approvals, earlier candidacy, lower agent id.</summary>
    public static IReadOnlyList<CommitteeStanding> Order(IEnumerable<CommitteeStanding> candidates) =>
        [.. candidates.OrderByDescending(c => c.Approvals).ThenBy(c => c.StoodAt).ThenBy(c => c.AgentId)];

    public static IReadOnlyList<CommitteeSeat> Elect(IReadOnlyList<CommitteeStanding> candidates, int seats, bool mixedSexRequired)
    {
        var ordered = Order(candidates);
        var elected = ordered.Take(seats).ToList();
        var byRule = false;
        if (mixedSexRequired && seats >= 2 && elected.Count >= 2 && elected.Select(c => c.Sex).Distinct().Count() == 1)
        {
            var sex = elected[0].Sex;
            var other = ordered.Skip(elected.Count).FirstOrDefault(c => c.Sex != sex);
            if (other is not null)
            {
                elected[^1] = other;
                byRule = true;
            }
        }

        return [.. elected.Select((c, i) => new CommitteeSeat(c.AgentId, i + 1, c.Approvals, byRule && i == elected.Count - 1))];
    }
}
