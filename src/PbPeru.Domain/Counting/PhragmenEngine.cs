using System.Runtime.InteropServices;

namespace PbPeru.Domain.Counting;

/// <summary>
/// Sequential Phragmén, exact and fast. A voter's load is 0 or the t of the last bought project
/// it approves, so a project's load sum is Σ (its supporters whose last purchase was p)·t(p):
/// a few terms per project, kept up to date as projects are bought. Each round compares the
/// projects' t from doubles with a proven error bound and computes t exactly only for the projects
/// whose bounds overlap the smallest (the winner, and any project too close to it to call).
/// </summary>
internal static class PhragmenEngine
{
    private const double Epsilon = 1.0 / (1L << 52);
    private const double Safety = 8;

    public static List<int> Count(Election election, TieOrder order)
    {
        var groups = election.BallotGroups;
        var projects = election.Projects.Count;
        var projectGroups = new List<int>[projects];
        var voters = new long[projects];
        for (var c = 0; c < projects; c++)
        {
            projectGroups[c] = [];
        }

        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var c in groups[g].Projects)
            {
                projectGroups[c].Add(g);
                voters[c] += groups[g].Count;
            }
        }

        // Per remaining project: purchase index → how many of its supporters carry that purchase's load.
        var loads = new Dictionary<int, long>?[projects];
        for (var c = 0; c < projects; c++)
        {
            if (voters[c] > 0)
            {
                loads[c] = [];
            }
        }

        var t = new List<Rational>();
        var tApprox = new List<double>();
        var lastPurchase = new int[groups.Count];
        Array.Fill(lastPurchase, -1);
        var selected = new List<int>();
        var approx = new double[projects];
        var error = new double[projects];
        var left = election.Budget;
        while (true)
        {
            var upper = double.PositiveInfinity;
            var any = false;
            for (var c = 0; c < projects; c++)
            {
                if (loads[c] is not { } projectLoads)
                {
                    continue;
                }

                any = true;
                double sum = Math.Abs((double)election.Projects[c].Cost), value = election.Projects[c].Cost;
                foreach (var (p, n) in projectLoads)
                {
                    value += tApprox[p] * n;
                    sum += Math.Abs(tApprox[p]) * n;
                }

                approx[c] = value / voters[c];
                error[c] = Safety * (projectLoads.Count + 4) * Epsilon * sum / voters[c];
                upper = Math.Min(upper, approx[c] + error[c]);
            }

            if (!any)
            {
                break;
            }

            var best = -1;
            var bestT = Rational.Zero;
            for (var c = 0; c < projects; c++)
            {
                if (loads[c] is not { } projectLoads || approx[c] - error[c] > upper)
                {
                    continue;
                }

                Rational sum = election.Projects[c].Cost;
                foreach (var (p, n) in projectLoads)
                {
                    sum += t[p] * n;
                }

                var exact = sum / voters[c];
                if (best < 0 || exact < bestT || (exact == bestT && order.Compare(election, c, best) < 0))
                {
                    best = c;
                    bestT = exact;
                }
            }

            if (election.Projects[best].Cost > left)
            {
                break;
            }

            left -= election.Projects[best].Cost;
            selected.Add(best);
            loads[best] = null;
            var purchase = t.Count;
            t.Add(bestT);
            tApprox.Add(bestT.ToDouble());
            foreach (var g in projectGroups[best])
            {
                var previous = lastPurchase[g];
                lastPurchase[g] = purchase;
                var n = groups[g].Count;
                foreach (var c in groups[g].Projects)
                {
                    if (loads[c] is not { } projectLoads)
                    {
                        continue;
                    }

                    if (previous >= 0)
                    {
                        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(projectLoads, previous);
                        count -= n;
                        if (count == 0)
                        {
                            projectLoads.Remove(previous);
                        }
                    }

                    CollectionsMarshal.GetValueRefOrAddDefault(projectLoads, purchase, out _) += n;
                }
            }
        }

        return selected;
    }
}
