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
        var engine = new EqualSharesEngine(election, tieOrder ?? TieOrder.Default);
        return Result(election, "mes", engine.Run(StartingBudget(election)));
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
        var mesSet = mes.Selected.ToHashSet();
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

        return preferGreedy > preferMes
            ? Result(election, "mes-add1-comparison", greedy)
            : Result(election, "mes-add1-comparison", mes);
    }

    /// <summary>Sequential Phragmén: smallest new load first; stop at the first that does not fit.</summary>
    public static CountResult Phragmen(Election election, TieOrder? tieOrder = null)
    {
        RequireApproval(election, "phragmen");
        return Result(election, "phragmen", PhragmenEngine.Count(election, tieOrder ?? TieOrder.Default));
    }

    /// <summary>
    /// The technical ranking of the concertation: projects by the technical team's consolidated
    /// score, highest first, those without a score after every scored one; each project that fits
    /// in what is left is taken, one that does not is skipped. Ties go by the tie order (there are
    /// no ballots, so support is the same for all).
    /// </summary>
    public static CountResult TechnicalRanking(long budget, IReadOnlyList<RankedProject> projects, TieOrder? tieOrder = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var order = tieOrder ?? TieOrder.Default;
        var election = new Election(budget, [.. projects.Select(p => new ElectionProject(p.Id, p.Cost))], []);
        var ranked = Enumerable.Range(0, projects.Count).ToList();
        ranked.Sort((a, b) => (projects[a].Score, projects[b].Score) switch
        {
            ({ } x, { } y) when x != y => y.CompareTo(x),
            ({ }, null) => -1,
            (null, { }) => 1,
            _ => order.Compare(election, a, b),
        });
        var selected = new List<int>();
        var left = budget;
        foreach (var c in ranked)
        {
            if (projects[c].Cost <= left)
            {
                selected.Add(c);
                left -= projects[c].Cost;
            }
        }

        return new CountResult("technical-ranking", [.. selected.Select(c => projects[c].Id)], selected.Sum(c => projects[c].Cost))
        {
            Details = [.. selected.Select(c => new SelectedProjectDetail(projects[c].Id, projects[c].Cost, 0) { Score = projects[c].Score })],
        };
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

    private static Rational StartingBudget(Election election) =>
        new(election.Budget, Math.Max(election.Ballots.Count, 1));

    /// <summary>
    /// MES with add1: the outcome of the last raise r = 1, 2, … of every voter's starting budget
    /// before the first whose outcome costs more than B, or of the first raise that buys every
    /// project with a supporter; exactly what running each raise in turn gives, payments included,
    /// without running them all.
    /// <para>
    /// Every run records its trace, all the decisions it made (<see cref="EqualSharesTrace"/>). If
    /// the runs at raises r₁ &lt; r₂ record the same trace, every raise in between has the same
    /// outcome: each decision holds by a condition on the starting budget that is convex, true at
    /// both ends, so true in between. The raises fall into stretches: a stretch starts at the raise
    /// after the previous one and goes on while the trace is the one of its first raise. When a
    /// stretch goes past its first raise, the raises r + 2, r + 4, r + 8, … from its first raise r
    /// are tried until the trace differs, then the gap between the last raise with r's trace and
    /// the first without is halved down to two neighbours: the last is the stretch's end, every
    /// raise of the stretch has r's outcome (it fits in B and is not complete, or the count would
    /// have ended at r), and the next raise starts the next stretch, or ends the count if its
    /// outcome costs more than B (the run kept is then the stretch's last, payments and all).
    /// Only the raises with the same trace as r are skipped, never one whose outcome could differ.
    /// </para>
    /// <para>
    /// With few voters and a large budget (5 voters, S/ 12,000,000: b ≈ 2,400,000) a stretch
    /// covers thousands of raises, and add1 makes hundreds of runs where the plain loop made
    /// millions. A city (60,000 voters) changes trace at almost every raise: it walks raise by
    /// raise, a batch of raises at once on as many cores, as the plain loop did.
    /// </para>
    /// </summary>
    private static EqualSharesOutcome Add1(Election election, TieOrder order)
    {
        var engine = new EqualSharesEngine(election, order);
        var start = StartingBudget(election);
        EqualSharesOutcome Run(long raise) => engine.Run(start + raise, traced: true);

        // Once every project with a supporter is bought, raising budgets changes nothing more.
        var supported = election.Support.Count(s => s > 0);

        // A small election reruns in microseconds, less than it takes to hand work to another thread.
        var batch = engine.IsLarge ? Math.Max(1, Environment.ProcessorCount) : 1;
        var outcomes = new EqualSharesOutcome[batch];

        // The stretch: its first raise and that run, and the last raise known to have its trace.
        long raise = 0;
        var current = Run(0);
        var lastRaise = raise;
        var last = current;
        while (current.Selected.Count < supported)
        {
            if (lastRaise == raise)
            {
                // Walk: the next raises, read in order as the plain loop reads them.
                var first = lastRaise + 1;
                if (batch == 1)
                {
                    outcomes[0] = Run(first);
                }
                else
                {
                    Parallel.For(0, batch, i => outcomes[i] = Run(first + i));
                }

                for (var i = 0; i < batch; i++)
                {
                    var probe = outcomes[i];
                    if (!probe.Trace!.SameAs(current.Trace!))
                    {
                        if (probe.Cost > election.Budget)
                        {
                            return last;
                        }

                        (current, raise) = (probe, first + i);
                        if (current.Selected.Count >= supported)
                        {
                            return current;
                        }
                    }

                    (last, lastRaise) = (probe, first + i);
                }

                continue;
            }

            // Gallop: double the stretch until a raise's trace differs from its first raise's...
            EqualSharesOutcome next;
            long nextRaise;
            while (true)
            {
                var probeRaise = lastRaise + (lastRaise - raise);
                var probe = Run(probeRaise);
                if (!probe.Trace!.SameAs(current.Trace!))
                {
                    (next, nextRaise) = (probe, probeRaise);
                    break;
                }

                (last, lastRaise) = (probe, probeRaise);
            }

            // ...then halve the gap between the last raise known to have it and the first known not to.
            while (nextRaise - lastRaise > 1)
            {
                var middle = lastRaise + ((nextRaise - lastRaise) / 2);
                var probe = Run(middle);
                if (probe.Trace!.SameAs(current.Trace!))
                {
                    (last, lastRaise) = (probe, middle);
                }
                else
                {
                    (next, nextRaise) = (probe, middle);
                }
            }

            if (next.Cost > election.Budget)
            {
                return last;
            }

            (current, raise, last, lastRaise) = (next, nextRaise, next, nextRaise);
        }

        return current;
    }

    private static void RequireApproval(Election election, string rule)
    {
        if (election.Ballots.Any(b => b.Points is not null))
        {
            throw new DomainException(Messages.CountingNeedsApproval.Format(rule));
        }
    }

    private static CountResult Result(Election election, string rule, List<int> selected, List<EqualSharesPayment>? payments = null) =>
        new(rule, [.. selected.Select(c => election.Projects[c].Id)], selected.Sum(c => election.Projects[c].Cost))
        {
            Details = [.. selected.Select((c, i) => new SelectedProjectDetail(election.Projects[c].Id, election.Projects[c].Cost, election.Support[c])
            {
                Payment = payments?[i],
            })],
        };

    private static CountResult Result(Election election, string rule, EqualSharesOutcome outcome) =>
        Result(election, rule, outcome.Selected, outcome.Payments);
}
