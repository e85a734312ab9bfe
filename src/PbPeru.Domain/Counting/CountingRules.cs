using PbPeru.Domain.Common;

namespace PbPeru.Domain.Counting;

/// <summary>
/// The counting rules of <c>data/pabulib/README.md</c>, as pure functions with exact arithmetic.
/// Every rule takes the tie order as a parameter (default: <see cref="TieOrder.Default"/>).
/// </summary>
public static class CountingRules
{
    /// <summary>Decreasing support; take each project that fits, skip one that does not.</summary>
    public static CountResult Greedy(Election election, TieOrder? tieOrder = null, long? threshold = null) =>
        GreedyCore(election, tieOrder ?? TieOrder.Default, threshold, skip: true, "greedy");

    /// <summary>Decreasing support; stop at the first project that does not fit.</summary>
    public static CountResult GreedyNoSkip(Election election, TieOrder? tieOrder = null, long? threshold = null) =>
        GreedyCore(election, tieOrder ?? TieOrder.Default, threshold, skip: false, "greedy-no-skip");

    /// <summary>Greedy among the projects whose support reaches the threshold.</summary>
    public static CountResult GreedyThreshold(Election election, long threshold, TieOrder? tieOrder = null) =>
        GreedyCore(election, tieOrder ?? TieOrder.Default, threshold, skip: true, "greedy-threshold");

    /// <summary>Method of Equal Shares with cost utilities, each voter starting with B/n.</summary>
    public static CountResult EqualShares(Election election, TieOrder? tieOrder = null)
    {
        RequireApproval(election, "mes");
        var n = Math.Max(election.Ballots.Count, 1);
        return Result(election, "mes", new Rational(election.Budget, n) is var b ? EqualSharesCore(election, b, tieOrder ?? TieOrder.Default) : []);
    }

    /// <summary>MES rerun with each voter's budget raised by 1, 2, … while its outcome fits in B.</summary>
    public static CountResult EqualSharesAdd1(Election election, TieOrder? tieOrder = null)
    {
        RequireApproval(election, "mes-add1");
        return Result(election, "mes-add1", Add1(election, tieOrder ?? TieOrder.Default));
    }

    /// <summary>MES with add1, then kept unless more voters prefer the greedy outcome.</summary>
    public static CountResult EqualSharesAdd1Comparison(Election election, TieOrder? tieOrder = null)
    {
        RequireApproval(election, "mes-add1-comparison");
        var order = tieOrder ?? TieOrder.Default;
        var mes = Add1(election, order);
        var greedy = GreedyIndices(election, order, null, skip: true);
        var mesSet = mes.ToHashSet();
        var greedySet = greedy.ToHashSet();
        int preferMes = 0, preferGreedy = 0;
        foreach (var set in election.ApprovalSets)
        {
            var inMes = set.Count(mesSet.Contains);
            var inGreedy = set.Count(greedySet.Contains);
            if (inMes > inGreedy)
            {
                preferMes++;
            }
            else if (inGreedy > inMes)
            {
                preferGreedy++;
            }
        }

        return Result(election, "mes-add1-comparison", preferGreedy > preferMes ? greedy : mes);
    }

    /// <summary>Sequential Phragmén: smallest new load first; stop at the first that does not fit.</summary>
    public static CountResult Phragmen(Election election, TieOrder? tieOrder = null)
    {
        RequireApproval(election, "phragmen");
        var order = tieOrder ?? TieOrder.Default;
        var load = new Rational[election.Ballots.Count];
        Array.Fill(load, Rational.Zero);
        var supporters = Supporters(election);
        var remaining = Enumerable.Range(0, election.Projects.Count).Where(c => supporters[c].Count > 0).ToList();
        var selected = new List<int>();
        long left = election.Budget;
        while (remaining.Count > 0)
        {
            int best = -1;
            var bestT = Rational.Zero;
            foreach (var c in remaining)
            {
                var sum = Rational.Zero;
                foreach (var v in supporters[c])
                {
                    sum += load[v];
                }

                var t = (sum + election.Projects[c].Cost) / supporters[c].Count;
                if (best < 0 || t < bestT || (t == bestT && order.Compare(election, c, best) < 0))
                {
                    best = c;
                    bestT = t;
                }
            }

            if (election.Projects[best].Cost > left)
            {
                break;
            }

            left -= election.Projects[best].Cost;
            selected.Add(best);
            remaining.Remove(best);
            foreach (var v in supporters[best])
            {
                load[v] = bestT;
            }
        }

        return Result(election, "phragmen", selected);
    }

    /// <summary>
    /// Counts with the rule a file's META names (<c>greedy</c>, <c>greedy-no-skip</c>,
    /// <c>greedy-threshold</c>, <c>equalshares</c>, <c>equalshares/add1</c>,
    /// <c>equalshares/add1-comparison</c>, <c>phragmen</c>), applying the META threshold if any.
    /// </summary>
    public static CountResult ForFile(PabulibFile file, TieOrder? tieOrder = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var election = file.ToElection();
        var rule = (file.MetaValue("rule") ?? "greedy").Trim().ToLowerInvariant();
        var threshold = file.Threshold;
        return rule switch
        {
            "greedy" => Greedy(election, tieOrder, threshold),
            "greedy-no-skip" => GreedyNoSkip(election, tieOrder, threshold),
            "greedy-threshold" => GreedyThreshold(election, threshold ?? 0, tieOrder),
            "equalshares" or "mes" => EqualShares(election, tieOrder),
            "equalshares/add1" or "mes-add1" => EqualSharesAdd1(election, tieOrder),
            "equalshares/add1-comparison" or "mes-add1-comparison" => EqualSharesAdd1Comparison(election, tieOrder),
            "phragmen" or "seqphragmen" => Phragmen(election, tieOrder),
            _ => throw new DomainException(Messages.CountingUnknownRule.Format(rule)),
        };
    }

    private static CountResult GreedyCore(Election election, TieOrder order, long? threshold, bool skip, string rule) =>
        Result(election, rule, GreedyIndices(election, order, threshold, skip));

    private static List<int> GreedyIndices(Election election, TieOrder order, long? threshold, bool skip)
    {
        var candidates = Enumerable.Range(0, election.Projects.Count)
            .Where(c => threshold is not { } t || election.Support[c] >= t)
            .ToList();
        candidates.Sort((a, b) =>
        {
            var bySupport = election.Support[b].CompareTo(election.Support[a]);
            return bySupport != 0 ? bySupport : order.Compare(election, a, b);
        });
        var selected = new List<int>();
        var left = election.Budget;
        foreach (var c in candidates)
        {
            var cost = election.Projects[c].Cost;
            if (cost <= left)
            {
                selected.Add(c);
                left -= cost;
            }
            else if (!skip)
            {
                break;
            }
        }

        return selected;
    }

    private static List<int> Add1(Election election, TieOrder order)
    {
        var n = Math.Max(election.Ballots.Count, 1);
        var start = new Rational(election.Budget, n);
        var best = EqualSharesCore(election, start, order);

        // Once every project with a supporter is bought, raising budgets changes nothing more.
        var supported = election.Support.Count(s => s > 0);
        for (long raise = 1; best.Count < supported; raise++)
        {
            var next = EqualSharesCore(election, start + raise, order);
            if (next.Sum(c => election.Projects[c].Cost) > election.Budget)
            {
                break;
            }

            best = next;
        }

        return best;
    }

    /// <summary>
    /// MES over groups of voters with the same ballot (they always hold the same budget).
    /// </summary>
    private static List<int> EqualSharesCore(Election election, Rational perVoter, TieOrder order)
    {
        var groups = election.BallotGroups;
        var budget = new Rational[groups.Count];
        Array.Fill(budget, perVoter);
        var supporters = new List<int>[election.Projects.Count];
        for (var c = 0; c < supporters.Length; c++)
        {
            supporters[c] = [];
        }

        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var c in groups[g].Projects)
            {
                supporters[c].Add(g);
            }
        }

        var remaining = Enumerable.Range(0, election.Projects.Count).Where(c => supporters[c].Count > 0).ToList();
        var selected = new List<int>();

        // Budgets only fall, so a project's ρ only rises: last round's ρ is a lower bound, and a
        // project whose bound is already above the best ρ of this round cannot win it.
        var bound = new Rational[election.Projects.Count];
        Array.Fill(bound, Rational.Zero);
        while (true)
        {
            int best = -1;
            var bestRho = Rational.Zero;
            var bestShare = Rational.Zero;
            remaining.Sort((a, b) => bound[a].CompareTo(bound[b]));
            foreach (var c in remaining.ToList())
            {
                if (best >= 0 && bound[c] > bestRho)
                {
                    break;
                }

                var cost = election.Projects[c].Cost;
                var members = supporters[c];
                var total = Rational.Zero;
                foreach (var g in members)
                {
                    total += budget[g] * groups[g].Count;
                }

                if (total < cost)
                {
                    remaining.Remove(c);
                    continue;
                }

                members.Sort((a, b) => budget[a].CompareTo(budget[b]));
                var paid = Rational.Zero;
                long count = members.Sum(g => groups[g].Count);
                var share = Rational.Zero;
                foreach (var g in members)
                {
                    share = ((Rational)cost - paid) / count;
                    if (share <= budget[g])
                    {
                        break;
                    }

                    paid += budget[g] * groups[g].Count;
                    count -= groups[g].Count;
                }

                var rho = share / cost;
                bound[c] = rho;
                if (best < 0 || rho < bestRho || (rho == bestRho && order.Compare(election, c, best) < 0))
                {
                    best = c;
                    bestRho = rho;
                    bestShare = share;
                }
            }

            if (best < 0)
            {
                return selected;
            }

            selected.Add(best);
            remaining.Remove(best);
            foreach (var g in supporters[best])
            {
                budget[g] -= Rational.Min(budget[g], bestShare);
            }
        }
    }

    private static List<int>[] Supporters(Election election)
    {
        var supporters = new List<int>[election.Projects.Count];
        for (var c = 0; c < supporters.Length; c++)
        {
            supporters[c] = [];
        }

        for (var v = 0; v < election.ApprovalSets.Length; v++)
        {
            foreach (var c in election.ApprovalSets[v])
            {
                supporters[c].Add(v);
            }
        }

        return supporters;
    }

    private static void RequireApproval(Election election, string rule)
    {
        if (election.Ballots.Any(b => b.Points is not null))
        {
            throw new DomainException(Messages.CountingNeedsApproval.Format(rule));
        }
    }

    private static CountResult Result(Election election, string rule, List<int> selected) =>
        new(rule, [.. selected.Select(c => election.Projects[c].Id)], selected.Sum(c => election.Projects[c].Cost));
}
