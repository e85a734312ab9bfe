using PbPeru.Domain.Counting;

namespace PbPeru.Domain.Tests.Counting;

/// <summary>
/// MES, MES with add1 and sequential Phragmén written as plainly as the pabulib README states them,
/// voter by voter with exact rationals and nothing clever: the oracle the fast rules are compared
/// with. Too slow for a city; fine for small elections.
/// </summary>
internal static class ReferenceRules
{
    public static (List<int> Selected, List<EqualSharesPayment> Payments) EqualShares(Election election, Rational perVoter, TieOrder order)
    {
        var budget = Enumerable.Repeat(perVoter, election.Ballots.Count).ToArray();
        var supporters = Supporters(election);
        var remaining = Enumerable.Range(0, election.Projects.Count).Where(c => supporters[c].Count > 0).ToList();
        var selected = new List<int>();
        var payments = new List<EqualSharesPayment>();
        while (true)
        {
            int best = -1;
            Rational bestRho = Rational.Zero, bestShare = Rational.Zero;
            foreach (var c in remaining.ToList())
            {
                var cost = election.Projects[c].Cost;
                var total = Rational.Zero;
                foreach (var v in supporters[c])
                {
                    total += budget[v];
                }

                if (total < cost)
                {
                    remaining.Remove(c);
                    continue;
                }

                var share = Share(cost, [.. supporters[c].Select(v => budget[v])]);
                var rho = cost == 0 ? Rational.Zero : share / cost;
                if (best < 0 || rho < bestRho || (rho == bestRho && order.Compare(election, c, best) < 0))
                {
                    (best, bestRho, bestShare) = (c, rho, share);
                }
            }

            if (best < 0)
            {
                return (selected, payments);
            }

            long full = 0, partial = 0;
            var partialPaid = Rational.Zero;
            foreach (var v in supporters[best])
            {
                if (budget[v] > Rational.Zero && budget[v] >= bestShare)
                {
                    full++;
                    budget[v] -= bestShare;
                }
                else if (budget[v] > Rational.Zero)
                {
                    partial++;
                    partialPaid += budget[v];
                    budget[v] = Rational.Zero;
                }
            }

            selected.Add(best);
            payments.Add(new EqualSharesPayment(bestShare, full, partial, partialPaid));
            remaining.Remove(best);
        }
    }

    public static (List<int> Selected, List<EqualSharesPayment> Payments) EqualSharesAdd1(Election election, TieOrder order)
    {
        var start = new Rational(election.Budget, Math.Max(election.Ballots.Count, 1));
        var best = EqualShares(election, start, order);
        var supported = Supporters(election).Count(s => s.Count > 0);
        for (long raise = 1; best.Selected.Count < supported; raise++)
        {
            var next = EqualShares(election, start + raise, order);
            if (next.Selected.Sum(c => election.Projects[c].Cost) > election.Budget)
            {
                break;
            }

            best = next;
        }

        return best;
    }

    public static List<int> Phragmen(Election election, TieOrder order)
    {
        var load = Enumerable.Repeat(Rational.Zero, election.Ballots.Count).ToArray();
        var supporters = Supporters(election);
        var remaining = Enumerable.Range(0, election.Projects.Count).Where(c => supporters[c].Count > 0).ToList();
        var selected = new List<int>();
        var left = election.Budget;
        while (remaining.Count > 0)
        {
            int best = -1;
            var bestT = Rational.Zero;
            foreach (var c in remaining)
            {
                Rational sum = election.Projects[c].Cost;
                foreach (var v in supporters[c])
                {
                    sum += load[v];
                }

                var t = sum / supporters[c].Count;
                if (best < 0 || t < bestT || (t == bestT && order.Compare(election, c, best) < 0))
                {
                    (best, bestT) = (c, t);
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

        return selected;
    }

    // The smallest share such that Σ min(budget, share) = cost, scanning budgets upwards.
    private static Rational Share(long cost, Rational[] budgets)
    {
        Array.Sort(budgets);
        var paid = Rational.Zero;
        long payers = budgets.Length;
        var share = Rational.Zero;
        foreach (var b in budgets)
        {
            share = ((Rational)cost - paid) / payers;
            if (share <= b)
            {
                break;
            }

            paid += b;
            payers--;
        }

        return share;
    }

    private static List<int>[] Supporters(Election election)
    {
        var supporters = Enumerable.Range(0, election.Projects.Count).Select(_ => new List<int>()).ToArray();
        for (var v = 0; v < election.ApprovalSets.Length; v++)
        {
            foreach (var c in election.ApprovalSets[v])
            {
                supporters[c].Add(v);
            }
        }

        return supporters;
    }
}
