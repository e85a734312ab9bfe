namespace PbPeru.Domain.Counting;

/// <summary>
/// One MES run: the projects bought, in order, their total cost, and how each was paid for. The
/// payments are exact rationals, worked out only when asked: of the hundreds of runs add1 makes,
/// only the one it keeps is ever asked.
/// </summary>
internal sealed class EqualSharesOutcome(List<int> selected, long cost, Func<List<EqualSharesPayment>> payments, EqualSharesTrace? trace = null)
{
    private List<EqualSharesPayment>? _payments;

    public List<int> Selected { get; } = selected;

    public long Cost { get; } = cost;

    public List<EqualSharesPayment> Payments => _payments ??= payments();

    /// <summary>Every decision the run made, if it was asked to record them (<see cref="EqualSharesTrace"/>).</summary>
    public EqualSharesTrace? Trace { get; } = trace;
}

/// <summary>
/// Every decision of one MES run, in the order the engine made it, with what settled it: each
/// project found unaffordable or affordable, each comparison of a project with the best so far
/// and which way it went (for a clear loss, which of its supporters' classes looked below the
/// share it was compared at, and which above the engine's lower bound on it), each split worked
/// out (the classes that pay all they have left, and those left with exactly nothing), each tie
/// settled exactly, each purchase. add1 compares the traces of runs with different starting budgets.
/// <para>
/// Two runs with the same trace, at b₁ &lt; b₂, have the same outcome at every b in between. Fix
/// the decisions up to some point: every class budget and every share is then an affine function
/// of the starting budget b (a class holds b minus the shares it paid; a share is (cost − what the
/// poor pay) / (full payers), the poor being fixed), and so is every ρ. Each decision the trace
/// records holds exactly (error bounds or rationals prove it) and is implied by a condition on b
/// that is convex, so true between b₁ and b₂ if true at both:
/// </para>
/// <list type="bullet">
/// <item>(un)affordable: Σ budgets ≥ cost, or &lt; cost: affine;</item>
/// <item>a split: budget &lt; share for the poor, = share for those left with nothing, &gt; share for the others: affine;</item>
/// <item>c beats the best so far: Σ min(budget, y) &gt; cost(c), y = ρ(best)·cost(c): a concave function above a level, convex;</item>
/// <item>
/// c loses to it: Σ over the recorded classes Q of budget·voters, plus y·(the other voters),
/// &lt; cost(c). Whatever Q, the left side is affine and at least Σ min(budget, y), which is
/// what c's supporters could pay at y: so c's ρ is above the best's;
/// </item>
/// <item>
/// c still short of that since its last comparison (at y₀, with Q₀, and A the classes not
/// certainly at or below y₀): the bound at y₀ plus max(0, y − y₀)·(voters in A) &lt; cost(c) is
/// convex, and "every class outside A had at most y₀" is affine; budgets only fall since;
/// </item>
/// <item>an exact comparison of two ρ, the tie order fixed: affine.</item>
/// </list>
/// <para>
/// So at every b between b₁ and b₂ the same projects lose, each to the same project, the same one
/// is bought with the same split, round after round, by induction, and no project is left to buy
/// at the end. The trace holds more than the outcome needs (the engine's own path, decided on
/// doubles where they suffice): runs with the same outcome may record different traces (add1 then
/// just runs more), never the reverse.
/// </para>
/// </summary>
internal sealed class EqualSharesTrace
{
    private long[] _items = new long[64];
    private int _length;

    public int Length => _length;

    public void Add(long item)
    {
        if (_length == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_length++] = item;
    }

    /// <summary>Room for <paramref name="count"/> items, zeroed, filled in place by the caller before the next <see cref="Add"/>.</summary>
    public Span<long> Reserve(int count)
    {
        if (_length + count > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, _length + count));
        }

        var span = _items.AsSpan(_length, count);
        span.Clear();
        _length += count;
        return span;
    }

    public bool SameAs(EqualSharesTrace other) =>
        _items.AsSpan(0, _length).SequenceEqual(other._items.AsSpan(0, other._length));
}

/// <summary>
/// The Method of Equal Shares with cost utilities, exact, and fast enough for a city: MES with add1
/// on 60,000 voters reruns the method a few hundred times.
/// <para>
/// Budget classes. A supporter pays either the equal share in full or everything it has left, so
/// a voter's budget is always 0 or b − (the shares of the bought projects it approves). Voters who
/// approve the same bought projects hold the same budget: one class. A project's supporters fall
/// into at most a few thousand classes, and a class's budget needs no arithmetic of its own: it is
/// b minus a few shares.
/// </para>
/// <para>
/// Exact where it matters. The shares are rationals whose denominators grow with every purchase
/// (hundreds of bits in Warsaw); computing every comparison with them is what makes the plain
/// method take minutes. Each share and each class budget also carries a double and a proven bound
/// on its error. A question the bounds settle ("can these supporters pay this project at this ρ?",
/// "is this budget below the share?") is answered from the doubles; one too close to call is
/// answered with the rationals. A share keeps what it takes to compute it exactly (its cost, who
/// paid it in full, and which earlier shares its other payers had paid), so the rationals are
/// worked out only for such a question, and for the payments of the outcome kept. The outcome is
/// the plain method's, tie for tie: tests compare the two on thousands of small elections made to
/// tie, and on real files.
/// </para>
/// </summary>
internal sealed class EqualSharesEngine
{
    // ε (twice the unit roundoff), and a safety factor on every error bound.
    private const double Epsilon = 1.0 / (1L << 52);
    private const double Safety = 8;
    private const int NoBudget = -1;
    private const int Undecided = int.MinValue;

    private readonly Election _election;
    private readonly TieOrder _order;
    private readonly long[] _groupVoters;
    private readonly int[][] _projectGroups;
    private readonly long[] _projectVoters;

    public EqualSharesEngine(Election election, TieOrder order)
    {
        _election = election;
        _order = order;
        var groups = election.BallotGroups;
        _groupVoters = [.. groups.Select(g => g.Count)];
        var projectGroups = new List<int>[election.Projects.Count];
        for (var c = 0; c < projectGroups.Length; c++)
        {
            projectGroups[c] = [];
        }

        _projectVoters = new long[election.Projects.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var c in groups[g].Projects)
            {
                projectGroups[c].Add(g);
                _projectVoters[c] += groups[g].Count;
            }
        }

        _projectGroups = [.. projectGroups.Select(list => list.ToArray())];
    }

    /// <summary>Whether a run takes long enough (about a millisecond or more) to be worth running in parallel with others.</summary>
    public bool IsLarge => _projectGroups.Sum(groups => (long)groups.Length) >= 20_000;

    /// <summary>MES with every voter starting from <paramref name="perVoter"/>; with <paramref name="traced"/>, the outcome carries its <see cref="EqualSharesTrace"/>.</summary>
    public EqualSharesOutcome Run(Rational perVoter, bool traced = false) =>
        new Count(this, perVoter, traced ? new EqualSharesTrace() : null).Execute();

    // The kinds of decision a trace records, each as one item, kind | project << 8 | value << 40,
    // followed for Split and Coverage by their classes. Every branch the outcome hangs on is one.
    private enum Decision
    {
        Start = 1,
        Affordable,
        Split,
        Coverage,
        StillShort,
        Exact,
        Bought,
        End,
    }

    private static long Item(Decision decision, int project, int value) =>
        (long)decision | ((long)project << 8) | ((long)value << 40);

    /// <summary>
    /// A project's supporters who still have budget, by class (Classes[i] holds Voters[i] of them),
    /// as of purchase number <see cref="Version"/>.
    /// </summary>
    private sealed class Table
    {
        public int[] Classes = new int[16];
        public long[] Voters = new long[16];
        public int Length;
        public int Version = -1;
    }

    /// <summary>
    /// A project's equal share. Supporters whose budget is below it pay all they have
    /// (<see cref="PoorVoters"/> of them), the others (<see cref="FullPayers"/>) pay it in full;
    /// <see cref="Exhausted"/> lists the classes left with nothing. The share is
    /// (cost − what the poor pay) / FullPayers, where what the poor pay is PoorVoters·b minus, per
    /// earlier purchase, (how many of them paid it)·(its share): <see cref="Paid"/>. The double
    /// <see cref="Approx"/> is within <see cref="Error"/> of it; the rational is computed on demand.
    /// </summary>
    private sealed class Split
    {
        public required long Cost { get; init; }

        public required long FullPayers { get; init; }

        public required long PoorVoters { get; init; }

        public required (int Purchase, long Voters)[] Paid { get; init; }

        public required List<int> Exhausted { get; init; }

        /// <summary>How many of <see cref="Exhausted"/>, at its start, are poor (budget below the share); the others had exactly the share.</summary>
        public required int PoorClasses { get; init; }

        public required double Approx { get; init; }

        public required double Error { get; init; }

        public Rational? Share { get; set; }

        public Rational? PoorPaid { get; set; }
    }

    /// <summary>The state of one run; a run never touches another's.</summary>
    private sealed class Count
    {
        private readonly EqualSharesEngine _engine;
        private readonly Election _election;
        private readonly Rational _start;
        private readonly EqualSharesTrace? _trace;

        // Budget classes: class 0 holds the starting budget; class k > 0 is its parent class after
        // paying the share of purchase _via[k]. Voters with nothing left are in no class (NoBudget).
        private int _classCount;
        private int[] _parent;
        private int[] _via;
        private double[] _approx;
        private double[] _error;
        private Rational?[] _exact;
        private int[] _fate;
        private double _maxError;

        private readonly int[] _groupClass;
        private readonly Table?[] _tables;
        private readonly bool[] _remaining;

        // Per project, its approximate ρ in an earlier round (ρ only rises): which project a round
        // looks at first.
        private readonly double[] _hint;

        // Per project, its last coverage check: at which x, an upper bound on what its supporters
        // could pay, and how many of them had more than x left.
        private readonly double[] _lastAt;
        private readonly double[] _lastAtError;
        private readonly double[] _lastCoverage;
        private readonly long[] _lastAbove;

        private readonly List<int> _selected = [];
        private readonly List<Split> _purchases = [];

        // Scratch, reused.
        private long[] _tally;
        private readonly List<int> _tallied = [];
        private double[] _keys = new double[16];
        private int[] _items = new int[16];
        private long[] _coefficients = new long[16];

        public Count(EqualSharesEngine engine, Rational start, EqualSharesTrace? trace)
        {
            _engine = engine;
            _election = engine._election;
            _start = start;
            _trace = trace;
            var projects = _election.Projects.Count;
            _groupClass = new int[engine._groupVoters.Length];
            _tables = new Table?[projects];
            _remaining = new bool[projects];
            _hint = new double[projects];
            _lastAt = new double[projects];
            _lastAtError = new double[projects];
            _lastCoverage = new double[projects];
            _lastAbove = new long[projects];
            Array.Fill(_lastAt, double.NaN);

            // Room for the classes of a small election; a large one grows it.
            var capacity = Math.Min(1024, 8 + (2 * (_groupClass.Length + projects)));
            _parent = new int[capacity];
            _via = new int[capacity];
            _approx = new double[capacity];
            _error = new double[capacity];
            _exact = new Rational?[capacity];
            _fate = new int[capacity];
            _tally = new long[capacity];
            var approx = start.ToDouble();
            _parent[0] = -1;
            _via[0] = -1;
            _approx[0] = approx;
            _error[0] = 2 * Epsilon * Math.Abs(approx);
            _exact[0] = start;
            _maxError = _error[0];
            _classCount = 1;

            // With no budget to start from (B = 0) nobody is in a class: only free projects can be bought.
            if (start <= Rational.Zero)
            {
                Array.Fill(_groupClass, NoBudget);
            }

            for (var c = 0; c < projects; c++)
            {
                _remaining[c] = engine._projectVoters[c] > 0;
            }
        }

        public EqualSharesOutcome Execute()
        {
            // A start of 0 or less puts nobody in a class: a different kind of run.
            _trace?.Add(Item(Decision.Start, 0, _start > Rational.Zero ? 1 : 0));
            var order = new List<int>();
            while (true)
            {
                order.Clear();
                for (var c = 0; c < _remaining.Length; c++)
                {
                    if (_remaining[c])
                    {
                        order.Add(c);
                    }
                }

                var candidate = Candidate(order);
                if (candidate >= 0)
                {
                    order.Remove(candidate);
                    order.Insert(0, candidate);
                }

                if (Winner(order) is not { } winner)
                {
                    _trace?.Add(Item(Decision.End, 0, 0));
                    return new EqualSharesOutcome(_selected, _selected.Sum(c => _election.Projects[c].Cost), Payments, _trace);
                }

                Buy(winner.Project, winner.Split);
                _trace?.Add(Item(Decision.Bought, winner.Project, 0));
            }
        }

        private List<EqualSharesPayment> Payments() =>
            [.. _purchases.Select(p => new EqualSharesPayment(ExactShare(p), p.FullPayers, p.PoorVoters, p.PoorPaid!.Value))];

        /// <summary>
        /// The project that probably has the smallest ρ, from doubles alone: a guess that only
        /// decides which project <see cref="Winner"/> checks first. A project whose ρ in an earlier
        /// round is already above the best ρ found in this one is skipped.
        /// </summary>
        private int Candidate(List<int> order)
        {
            order.Sort((a, b) => _hint[a].CompareTo(_hint[b]));
            var best = -1;
            var bestRho = double.PositiveInfinity;
            foreach (var c in order)
            {
                if (_hint[c] > bestRho * (1 + 1e-9))
                {
                    break;
                }

                var rho = ApproximateRho(c);
                _hint[c] = rho;
                if (rho < bestRho)
                {
                    best = c;
                    bestRho = rho;
                }
            }

            return best;
        }

        /// <summary>
        /// The affordable project with the smallest exact ρ, ties by the tie order, or null when no
        /// project can be bought. Projects found unaffordable leave for good (budgets only fall).
        /// </summary>
        private (int Project, Split Split)? Winner(List<int> order)
        {
            var best = -1;
            Split? bestSplit = null;
            foreach (var c in order)
            {
                if (bestSplit is null)
                {
                    if (!Affordable(c))
                    {
                        _remaining[c] = false;
                        continue;
                    }

                    best = c;
                    bestSplit = SplitOf(c);
                    RecordSplit(c, bestSplit);
                    continue;
                }

                // Can c's supporters pay its cost at the best ρ so far? If clearly not, c's ρ is
                // larger; if clearly so, smaller; otherwise compare the two exactly.
                var cost = _election.Projects[c].Cost;
                var (rho, rhoError) = RhoOf(bestSplit);
                var at = rho * cost;
                var atError = rhoError * cost + 2 * Epsilon * Math.Abs(at);
                if (StillShort(c, at, atError))
                {
                    _trace?.Add(Item(Decision.StillShort, c, 0));
                    continue;
                }

                var comparison = CompareCoverage(c, at, atError);
                if (comparison < 0)
                {
                    continue;
                }

                if (comparison == 0 && !Affordable(c))
                {
                    _remaining[c] = false;
                    continue;
                }

                var split = SplitOf(c);
                RecordSplit(c, split);
                var before = comparison > 0 || ExactlyBefore(c, split, best, bestSplit);
                if (comparison == 0)
                {
                    _trace?.Add(Item(Decision.Exact, c, before ? 1 : 0));
                }

                if (before)
                {
                    best = c;
                    bestSplit = split;
                }
            }

            return bestSplit is null ? null : (best, bestSplit);
        }

        /// <summary>
        /// Records c's split: the classes that pay all they have, those below the share and those
        /// at exactly the share, each as a sorted list of class numbers (a purchase's split fixes
        /// the classes it creates, so the same trace numbers the same classes alike).
        /// </summary>
        private void RecordSplit(int c, Split split)
        {
            if (_trace is not { } trace)
            {
                return;
            }

            var exhausted = split.Exhausted;
            trace.Add(Item(Decision.Split, c, split.PoorClasses));
            trace.Add(exhausted.Count);
            var classes = trace.Reserve(exhausted.Count);
            for (var i = 0; i < exhausted.Count; i++)
            {
                classes[i] = exhausted[i];
            }

            classes[..split.PoorClasses].Sort();
            classes[split.PoorClasses..].Sort();
        }

        /// <summary>Whether project a comes before b: smaller exact ρ, or the same ρ and first in the tie order.</summary>
        private bool ExactlyBefore(int a, Split splitA, int b, Split splitB)
        {
            var rhoA = ExactRho(splitA);
            var rhoB = ExactRho(splitB);
            return rhoA < rhoB || (rhoA == rhoB && _engine._order.Compare(_election, a, b) < 0);
        }

        private static (double Rho, double Error) RhoOf(Split split) =>
            split.Cost == 0 ? (0, 0) : (split.Approx / split.Cost, split.Error / split.Cost + 2 * Epsilon * Math.Abs(split.Approx / split.Cost));

        private Rational ExactRho(Split split) => split.Cost == 0 ? Rational.Zero : ExactShare(split) / split.Cost;

        /// <summary>The share, exactly: (cost − what the poor pay) / full payers, with the earlier shares it needs.</summary>
        private Rational ExactShare(Split split)
        {
            if (split.Share is { } share)
            {
                return share;
            }

            var paid = _start * split.PoorVoters;
            foreach (var (purchase, voters) in split.Paid)
            {
                paid -= ExactShare(_purchases[purchase]) * voters;
            }

            split.PoorPaid = paid;
            split.Share = ((Rational)split.Cost - paid) / split.FullPayers;
            return split.Share.Value;
        }

        private Rational ExactValue(int k) => _exact[k] ??= ExactValue(_parent[k]) - ExactShare(_purchases[_via[k]]);

        /// <summary>c's table of classes, recounted from its ballot groups if a purchase has moved voters since.</summary>
        private Table TableOf(int c)
        {
            var table = _tables[c] ??= new Table();
            if (table.Version == _purchases.Count)
            {
                return table;
            }

            if (_tally.Length < _classCount)
            {
                _tally = new long[Math.Max(_classCount, _tally.Length * 2)];
            }

            _tallied.Clear();
            var groupVoters = _engine._groupVoters;
            foreach (var g in _engine._projectGroups[c])
            {
                var k = _groupClass[g];
                if (k != NoBudget)
                {
                    if (_tally[k] == 0)
                    {
                        _tallied.Add(k);
                    }

                    _tally[k] += groupVoters[g];
                }
            }

            if (table.Classes.Length < _tallied.Count)
            {
                table.Classes = new int[_tallied.Count * 2];
                table.Voters = new long[_tallied.Count * 2];
            }

            for (var i = 0; i < _tallied.Count; i++)
            {
                var k = _tallied[i];
                table.Classes[i] = k;
                table.Voters[i] = _tally[k];
                _tally[k] = 0;
            }

            table.Length = _tallied.Count;
            table.Version = _purchases.Count;
            return table;
        }

        /// <summary>Whether c's supporters together still hold its cost, exactly (recorded in the trace).</summary>
        private bool Affordable(int c)
        {
            var affordable = AffordableUntraced(c);
            _trace?.Add(Item(Decision.Affordable, c, affordable ? 1 : 0));
            return affordable;
        }

        private bool AffordableUntraced(int c)
        {
            var comparison = CompareCoverage(c, double.PositiveInfinity, 0);
            if (comparison != 0)
            {
                return comparison > 0;
            }

            var table = TableOf(c);
            var (voters, paid) = Coefficients(table, Enumerable.Range(0, table.Length));
            var total = _start * voters;
            foreach (var (purchase, n) in paid)
            {
                total -= ExactShare(_purchases[purchase]) * n;
            }

            return total >= _election.Projects[c].Cost;
        }

        /// <summary>
        /// Whether c's supporters certainly cannot pay its cost at x, from the last time they were
        /// asked: what they could pay then, plus, for every unit x has risen since, at most one
        /// unit from each supporter who then had more than x left (budgets only fall).
        /// </summary>
        private bool StillShort(int c, double at, double atError)
        {
            if (double.IsNaN(_lastAt[c]))
            {
                return false;
            }

            var rise = Math.Max(0, at + atError - (_lastAt[c] - _lastAtError[c]));
            return (_lastCoverage[c] + rise * _lastAbove[c]) * (1 + 1e-12) < _election.Projects[c].Cost;
        }

        /// <summary>
        /// The sign of (what c's supporters pay if each pays min(budget, x)) − cost(c), or 0 when the
        /// error bounds cannot tell. x is known to within <paramref name="atError"/>.
        /// </summary>
        private int CompareCoverage(int c, double at, double atError)
        {
            var table = TableOf(c);
            double sum = 0, error = 0;
            long above = 0;
            var low = at - Safety * (atError + _maxError);

            // Traced, a comparison at a finite x records, two bits a class of the table, where the
            // class's budget looked: at most low (0), below x (1), or x or above (2); then the
            // answer. Codes 0 and 1 are the classes Q of a loss's witness, 1 and 2 the classes A
            // that a later StillShort counts as possibly above x (see EqualSharesTrace).
            var traced = _trace is not null && double.IsFinite(at);
            Span<long> codes = [];
            if (traced)
            {
                _trace!.Add(Item(Decision.Coverage, c, table.Length));
                codes = _trace.Reserve((table.Length + 31) / 32);
            }

            for (var i = 0; i < table.Length; i++)
            {
                var k = table.Classes[i];
                var voters = table.Voters[i];
                sum += Math.Min(_approx[k], at) * voters;
                error += (_error[k] + atError) * voters;
                if (_approx[k] > low)
                {
                    above += voters;
                    if (traced)
                    {
                        codes[i >> 5] |= (_approx[k] < at ? 1L : 2L) << (2 * (i & 31));
                    }
                }
            }

            error = Safety * (error + (table.Length + 2) * Epsilon * sum);
            if (double.IsFinite(at))
            {
                _lastAt[c] = at;
                _lastAtError[c] = atError;
                _lastCoverage[c] = sum + error;
                _lastAbove[c] = above;
            }

            var cost = (double)_election.Projects[c].Cost;
            var comparison = sum + error < cost ? -1 : sum - error > cost ? 1 : 0;
            if (traced)
            {
                _trace!.Add(comparison);
            }

            return comparison;
        }

        /// <summary>
        /// ρ of c from doubles, or +∞ if its supporters seem not to hold its cost. The share solves
        /// f(x) = cost, where f(x) = Σ min(budget, x)·voters is increasing, concave and piecewise
        /// linear; Newton's method from below never overshoots and lands on it in a few steps.
        /// </summary>
        private double ApproximateRho(int c)
        {
            var table = TableOf(c);
            var cost = (double)_election.Projects[c].Cost;
            double total = 0;
            long voters = 0;
            for (var i = 0; i < table.Length; i++)
            {
                total += _approx[table.Classes[i]] * table.Voters[i];
                voters += table.Voters[i];
            }

            if (total < cost || voters == 0)
            {
                return double.PositiveInfinity;
            }

            if (cost == 0)
            {
                return 0;
            }

            var share = cost / voters;
            for (var step = 0; step < 64; step++)
            {
                double paid = 0;
                long above = 0;
                for (var i = 0; i < table.Length; i++)
                {
                    var budget = _approx[table.Classes[i]];
                    if (budget > share)
                    {
                        paid += share * table.Voters[i];
                        above += table.Voters[i];
                    }
                    else
                    {
                        paid += budget * table.Voters[i];
                    }
                }

                if (above == 0 || paid >= cost * (1 - 1e-12))
                {
                    break;
                }

                share += (cost - paid) / above;
            }

            return share / cost;
        }

        /// <summary>
        /// The equal share of c (which its supporters can afford). Budgets are scanned upwards as
        /// the method does, on doubles; the split between those below the share and the rest is
        /// certain when no budget lies within the error bounds of the share. Otherwise the share
        /// is computed exactly and the split checked with exact budgets, or, if it was wrong,
        /// found exactly as the plain method does.
        /// </summary>
        private Split SplitOf(int c)
        {
            var cost = _election.Projects[c].Cost;
            var table = TableOf(c);
            long voters = 0;
            for (var i = 0; i < table.Length; i++)
            {
                voters += table.Voters[i];
            }

            if (cost == 0)
            {
                return new Split
                {
                    Cost = 0,
                    FullPayers = voters,
                    PoorVoters = 0,
                    Paid = [],
                    Exhausted = [],
                    PoorClasses = 0,
                    Approx = 0,
                    Error = 0,
                    Share = Rational.Zero,
                    PoorPaid = Rational.Zero,
                };
            }

            var count = table.Length;
            if (_keys.Length < count)
            {
                _keys = new double[count * 2];
                _items = new int[count * 2];
            }

            for (var i = 0; i < count; i++)
            {
                _keys[i] = _approx[table.Classes[i]];
                _items[i] = i;
            }

            Array.Sort(_keys, _items, 0, count);
            double paid = 0, paidError = 0;
            var payers = voters;
            var poor = 0;
            while (poor < count - 1 && (cost - paid) / payers > _keys[poor])
            {
                var n = table.Voters[_items[poor]];
                paid += _keys[poor] * n;
                paidError += _error[table.Classes[_items[poor]]] * n;
                payers -= n;
                poor++;
            }

            var share = (cost - paid) / payers;
            var shareError = Safety * ((paidError + (poor + 2) * Epsilon * (paid + cost)) / payers + Epsilon * share);
            var (poorVoters, paidShares) = Coefficients(table, _items.Take(poor));
            var exhausted = new List<int>(poor);
            for (var i = 0; i < poor; i++)
            {
                exhausted.Add(table.Classes[_items[i]]);
            }

            var split = new Split
            {
                Cost = cost,
                FullPayers = voters - poorVoters,
                PoorVoters = poorVoters,
                Paid = paidShares,
                Exhausted = exhausted,
                PoorClasses = poor,
                Approx = share,
                Error = shareError,
            };

            // Budgets this close to the share need the exact comparison.
            var margin = Safety * (_maxError + shareError);
            var close = (poor > 0 && _keys[poor - 1] >= share - margin) || _keys[poor] <= share + margin;
            return close ? Verified(table, split, poor, count) : split;
        }

        /// <summary>The split with its exact share, checked against exact budgets near it.</summary>
        private Split Verified(Table table, Split split, int poor, int count)
        {
            var share = ExactShare(split);
            var approx = share.ToDouble();
            var margin = Safety * (_maxError + 2 * Epsilon * Math.Abs(approx));
            for (var i = poor - 1; i >= 0 && _keys[i] >= approx - margin; i--)
            {
                if (ExactValue(table.Classes[_items[i]]) >= share)
                {
                    return ExactSplitSlowly(table, split.Cost);
                }
            }

            for (var i = poor; i < count && _keys[i] <= approx + margin; i++)
            {
                var k = table.Classes[_items[i]];
                var value = ExactValue(k);
                if (value < share)
                {
                    return ExactSplitSlowly(table, split.Cost);
                }

                if (value == share)
                {
                    split.Exhausted.Add(k);
                }
            }

            return new Split
            {
                Cost = split.Cost,
                FullPayers = split.FullPayers,
                PoorVoters = split.PoorVoters,
                Paid = split.Paid,
                Exhausted = split.Exhausted,
                PoorClasses = split.PoorClasses,
                Approx = approx,
                Error = 2 * Epsilon * Math.Abs(approx),
                Share = share,
                PoorPaid = split.PoorPaid,
            };
        }

        /// <summary>The method exactly as written, on exact budgets: for the rare split the doubles could not settle.</summary>
        private Split ExactSplitSlowly(Table table, long cost)
        {
            var classes = Enumerable.Range(0, table.Length)
                .Select(i => (Class: table.Classes[i], Voters: table.Voters[i], Value: ExactValue(table.Classes[i])))
                .OrderBy(x => x.Value)
                .ToList();
            var payers = classes.Sum(x => x.Voters);
            var paid = Rational.Zero;
            var share = Rational.Zero;
            long poorVoters = 0;
            var exhausted = new List<int>();
            var poorClasses = 0;
            foreach (var (k, voters, value) in classes)
            {
                share = ((Rational)cost - paid) / payers;
                if (share <= value)
                {
                    break;
                }

                exhausted.Add(k);
                paid += value * voters;
                payers -= voters;
                poorVoters += voters;
                poorClasses++;
            }

            exhausted.AddRange(classes.Where(x => x.Value == share).Select(x => x.Class));
            var approx = share.ToDouble();
            return new Split
            {
                Cost = cost,
                FullPayers = payers,
                PoorVoters = poorVoters,
                Paid = [],
                Exhausted = exhausted,
                PoorClasses = poorClasses,
                Approx = approx,
                Error = 2 * Epsilon * Math.Abs(approx),
                Share = share,
                PoorPaid = paid,
            };
        }

        /// <summary>
        /// For some of a table's classes: how many voters, and per earlier purchase how many of
        /// them paid its share. Their budgets add up to voters·b − Σ (those voters)·share.
        /// </summary>
        private (long Voters, (int Purchase, long Voters)[] Paid) Coefficients(Table table, IEnumerable<int> indices)
        {
            if (_coefficients.Length < _purchases.Count)
            {
                _coefficients = new long[_purchases.Count * 2];
            }

            long voters = 0;
            foreach (var i in indices)
            {
                var n = table.Voters[i];
                voters += n;
                for (var k = table.Classes[i]; k > 0; k = _parent[k])
                {
                    _coefficients[_via[k]] += n;
                }
            }

            var paid = new List<(int, long)>();
            for (var t = 0; t < _purchases.Count; t++)
            {
                if (_coefficients[t] != 0)
                {
                    paid.Add((t, _coefficients[t]));
                    _coefficients[t] = 0;
                }
            }

            return (voters, [.. paid]);
        }

        /// <summary>Buys c: each supporter pays min(budget, share); voters who spent everything leave every class.</summary>
        private void Buy(int c, Split split)
        {
            var table = TableOf(c);
            var purchase = _purchases.Count;
            _purchases.Add(split);
            _selected.Add(c);
            _remaining[c] = false;
            if (split.Cost == 0)
            {
                return;
            }

            EnsureClassCapacity(_classCount + table.Length);
            for (var i = 0; i < table.Length; i++)
            {
                _fate[table.Classes[i]] = Undecided;
            }

            foreach (var k in split.Exhausted)
            {
                _fate[k] = NoBudget;
            }

            for (var i = 0; i < table.Length; i++)
            {
                var k = table.Classes[i];
                if (_fate[k] == Undecided)
                {
                    _fate[k] = NewClass(k, purchase, split);
                }
            }

            foreach (var g in _engine._projectGroups[c])
            {
                var k = _groupClass[g];
                if (k != NoBudget)
                {
                    _groupClass[g] = _fate[k];
                }
            }
        }

        private int NewClass(int parent, int purchase, Split split)
        {
            var k = _classCount++;
            _parent[k] = parent;
            _via[k] = purchase;
            _approx[k] = _approx[parent] - split.Approx;
            _error[k] = _error[parent] + split.Error + Epsilon * Math.Abs(_approx[parent]);
            _exact[k] = null;
            _maxError = Math.Max(_maxError, _error[k]);
            return k;
        }

        private void EnsureClassCapacity(int needed)
        {
            if (_parent.Length >= needed)
            {
                return;
            }

            var size = Math.Max(needed, _parent.Length * 2);
            Array.Resize(ref _parent, size);
            Array.Resize(ref _via, size);
            Array.Resize(ref _approx, size);
            Array.Resize(ref _error, size);
            Array.Resize(ref _exact, size);
            Array.Resize(ref _fate, size);
        }
    }
}
