using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;

namespace PbPeru.Domain.Cycles;

/// <summary>The parts of a cycle's configuration, each frozen from the phase it governs.</summary>
public enum RuleSet
{
    Accreditation,
    Ceiling,
    Themes,
    Criteria,
    ProposalRules,
    VotingRules,
    ImpactRules,
}

/// <summary>
/// One participatory budgeting cycle of a jurisdiction and fiscal year: its configuration and the
/// phase it stands in. Every change goes through a method named after what the manager does.
/// </summary>
public sealed class Cycle
{
    public const int MaxNameLength = 200;
    public const int MinFiscalYear = 2000;
    public const int MaxFiscalYear = 2100;

    /// <summary>The phase from which each rule set can no longer change: the phase it governs.</summary>
    public static IReadOnlyDictionary<RuleSet, Phase> FrozenFrom { get; } = new Dictionary<RuleSet, Phase>
    {
        [RuleSet.Accreditation] = Phase.Preparation,
        [RuleSet.Ceiling] = Phase.Concertation,
        [RuleSet.Themes] = Phase.Concertation,
        [RuleSet.Criteria] = Phase.Concertation,
        [RuleSet.ProposalRules] = Phase.Concertation,
        [RuleSet.VotingRules] = Phase.Formalization,
        [RuleSet.ImpactRules] = Phase.Coordination,
    };

    private readonly List<CalendarEntry> _calendar = [];
    private readonly List<Theme> _themes = [];
    private readonly List<Criterion> _criteria = [];
    private readonly List<PhaseTransition> _transitions = [];

    private Cycle()
    {
        JurisdictionUbigeo = "";
        Name = "";
        CreatedByUserId = "";
        AccreditationRules = AccreditationRules.Default;
        ProposalRules = ProposalRules.Default;
        VotingRules = VotingRules.Default;
        ImpactRules = ImpactRules.Default;
    }

    public int Id { get; private set; }

    public string JurisdictionUbigeo { get; private set; }

    public int FiscalYear { get; private set; }

    public string Name { get; private set; }

    public Money Ceiling { get; private set; }

    public Phase Phase { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedByUserId { get; private set; }

    public AccreditationRules AccreditationRules { get; private set; }

    public ProposalRules ProposalRules { get; private set; }

    public VotingRules VotingRules { get; private set; }

    /// <summary>The reach its projects must have, checked in Coordination.</summary>
    public ImpactRules ImpactRules { get; private set; }

    public IReadOnlyList<CalendarEntry> Calendar => _calendar.OrderBy(e => e.Start).ThenBy(e => e.Step).ToList();

    public IReadOnlyList<Theme> Themes => _themes.OrderBy(t => t.Position).ToList();

    public IReadOnlyList<Criterion> Criteria => _criteria.OrderBy(c => c.Position).ToList();

    public IReadOnlyList<PhaseTransition> Transitions => _transitions.OrderBy(t => t.At).ToList();

    public Phase? NextPhase => PhaseMachine.NextMove(Phase)?.To;

    /// <summary>
    /// Opens a cycle in <see cref="Phase.Draft"/> with the default rules and criteria, ready to be
    /// configured. One cycle per jurisdiction and fiscal year is checked by the caller against the
    /// stored cycles (and by a unique index).
    /// </summary>
    public static Cycle Create(string jurisdictionUbigeo, int fiscalYear, string name, Money ceiling, Actor actor, DateTimeOffset now)
    {
        if (!actor.ManagesJurisdiction(jurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (fiscalYear is < MinFiscalYear or > MaxFiscalYear)
        {
            throw new DomainException(Messages.FiscalYearOutOfRange.Format(MinFiscalYear, MaxFiscalYear));
        }

        var cycle = new Cycle
        {
            JurisdictionUbigeo = jurisdictionUbigeo,
            FiscalYear = fiscalYear,
            Name = RequireName(name),
            Ceiling = ceiling,
            Phase = Phase.Draft,
            CreatedAt = now.ToUniversalTime(),
            CreatedByUserId = actor.UserId,
        };
        cycle._criteria.AddRange(DefaultCriteria.All.Select((c, i) => new Criterion(i + 1, c)));
        return cycle;
    }

    public bool IsFrozen(RuleSet rules) => Phase >= FrozenFrom[rules];

    public void Rename(string name, Actor actor)
    {
        EnsureEditable(actor);
        Name = RequireName(name);
    }

    public void SetCeiling(Money ceiling, Actor actor)
    {
        EnsureCanChange(RuleSet.Ceiling, actor);
        if (!ceiling.IsPositive)
        {
            throw new DomainException(Messages.CeilingNotPositive.Format());
        }

        if (ProposalRules.MaximumCost is { } maximum && maximum > ceiling)
        {
            throw new DomainException(Messages.CeilingBelowMaximumCost.Format(maximum));
        }

        Ceiling = ceiling;
    }

    public void SetAccreditationRules(AccreditationRules rules, Actor actor)
    {
        EnsureCanChange(RuleSet.Accreditation, actor);
        ThrowIfAny(rules.Problems());
        AccreditationRules = rules;
    }

    public void SetProposalRules(ProposalRules rules, Actor actor)
    {
        EnsureCanChange(RuleSet.ProposalRules, actor);
        ThrowIfAny(rules.Problems(Ceiling));
        ProposalRules = rules;
    }

    public void SetVotingRules(VotingRules rules, Actor actor)
    {
        EnsureCanChange(RuleSet.VotingRules, actor);
        ThrowIfAny(rules.Problems());
        VotingRules = rules;
    }

    public void SetImpactRules(ImpactRules rules, Actor actor)
    {
        EnsureCanChange(RuleSet.ImpactRules, actor);
        ThrowIfAny(rules.Problems());
        ImpactRules = rules;
    }

    public void SetThemes(IReadOnlyList<ThemeInput> themes, Actor actor)
    {
        EnsureCanChange(RuleSet.Themes, actor);
        if (themes.Count == 0)
        {
            throw new DomainException(Messages.NoThemes.Format());
        }

        var duplicate = themes.GroupBy(t => t.Name.Trim(), StringComparer.CurrentCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException(Messages.DuplicateTheme.Format(duplicate.Key));
        }

        // Update in place by position so that existing themes keep their identity.
        var existing = Themes;
        for (var i = 0; i < themes.Count; i++)
        {
            var input = themes[i];
            if (i < existing.Count)
            {
                existing[i].Update(i + 1, input.Name.Trim(), input.Description.Trim());
            }
            else
            {
                _themes.Add(new Theme(i + 1, input.Name.Trim(), input.Description.Trim()));
            }
        }

        foreach (var extra in existing.Skip(themes.Count))
        {
            _themes.Remove(extra);
        }
    }

    public void SetCriteria(IReadOnlyList<CriterionInput> criteria, Actor actor)
    {
        EnsureCanChange(RuleSet.Criteria, actor);
        ThrowIfAny(CriteriaProblems(criteria));

        var existing = Criteria;
        for (var i = 0; i < criteria.Count; i++)
        {
            if (i < existing.Count)
            {
                existing[i].Update(i + 1, criteria[i]);
            }
            else
            {
                _criteria.Add(new Criterion(i + 1, criteria[i]));
            }
        }

        foreach (var extra in existing.Skip(criteria.Count))
        {
            _criteria.Remove(extra);
        }
    }

    /// <summary>
    /// Replaces the calendar. Phase windows must follow each other in order and each step must fall
    /// within its phase's window; the dates of a phase the cycle has already left cannot change.
    /// </summary>
    public void SetCalendar(IReadOnlyList<CalendarInput> entries, Actor actor)
    {
        EnsureEditable(actor);
        ThrowIfAny(CalendarProblems(entries));

        // Check every step before changing any, so that a refused calendar leaves the old one whole.
        foreach (var step in _calendar.Select(e => e.Step).Union(entries.Select(e => e.Step)))
        {
            var entry = _calendar.FirstOrDefault(e => e.Step == step);
            var input = entries.FirstOrDefault(e => e.Step == step);
            var changed = entry is null || input is null || input.Start != entry.Start || input.End != entry.End;
            if (changed && IsPast(CalendarSteps.PhaseOf(step)))
            {
                throw new DomainException(Messages.PastPhaseDatesFrozen.Format(PhaseNames.Of(CalendarSteps.PhaseOf(step))));
            }
        }

        foreach (var entry in _calendar.ToList())
        {
            var input = entries.FirstOrDefault(e => e.Step == entry.Step);
            if (input is null)
            {
                _calendar.Remove(entry);
            }
            else if (input.Start != entry.Start || input.End != entry.End)
            {
                entry.Reschedule(input.Start, input.End);
            }
        }

        foreach (var input in entries.Where(e => _calendar.All(c => c.Step != e.Step)))
        {
            _calendar.Add(new CalendarEntry(input.Step, input.Start, input.End));
        }
    }

    /// <summary>Whether the cycle may move to <paramref name="to"/> now, and if not, every reason.</summary>
    public GateResult CheckMove(Phase to, CycleFacts facts) => PhaseMachine.Evaluate(this, to, facts);

    /// <summary>Moves the cycle to the next phase when its gate holds, and records who did it and when.</summary>
    public void AdvanceTo(Phase to, Actor actor, CycleFacts facts, DateTimeOffset now)
    {
        EnsureManager(actor);
        var result = CheckMove(to, facts);
        if (!result.Allowed)
        {
            throw new DomainException(result.Reasons);
        }

        _transitions.Add(new PhaseTransition(Phase, to, actor, now));
        Phase = to;
    }

    /// <summary>What stops the configuration from being complete enough to open the call.</summary>
    public IEnumerable<string> ConfigurationProblems()
    {
        if (!Ceiling.IsPositive)
        {
            yield return Messages.CeilingNotPositive.Format();
        }

        foreach (var (phase, step) in CalendarSteps.PhaseWindows)
        {
            if (_calendar.All(e => e.Step != step))
            {
                yield return Messages.PhaseNotDated.Format(PhaseNames.Of(phase));
            }
        }

        if (_themes.Count == 0)
        {
            yield return Messages.NoThemes.Format();
        }

        foreach (var problem in CriteriaProblems(Criteria.Select(c =>
                     new CriterionInput(c.Name, c.Description, c.WeightPercent, c.Levels.Select(l => new ScaleLevelInput(l.Score, l.Descriptor)).ToList())).ToList()))
        {
            yield return problem;
        }

        foreach (var problem in AccreditationRules.Problems().Concat(ProposalRules.Problems(Ceiling)).Concat(VotingRules.Problems()).Concat(ImpactRules.Problems()))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> CriteriaProblems(IReadOnlyList<CriterionInput> criteria)
    {
        if (criteria.Count == 0)
        {
            yield return Messages.NoCriteria.Format();
            yield break;
        }

        var total = criteria.Sum(c => c.WeightPercent);
        if (total != 100)
        {
            yield return Messages.WeightsNotHundred.Format(total);
        }

        foreach (var criterion in criteria)
        {
            if (criterion.WeightPercent is < 1 or > 100)
            {
                yield return Messages.WeightOutOfRange.Format(criterion.Name);
            }

            if (criterion.Levels.Count < 2)
            {
                yield return Messages.ScaleTooShort.Format(criterion.Name);
            }
            else if (criterion.Levels.Select(l => l.Score).Distinct().Count() != criterion.Levels.Count)
            {
                yield return Messages.ScaleScoresRepeated.Format(criterion.Name);
            }
        }

        var duplicate = criteria.GroupBy(c => c.Name.Trim(), StringComparer.CurrentCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            yield return Messages.DuplicateCriterion.Format(duplicate.Key);
        }
    }

    private static IEnumerable<string> CalendarProblems(IReadOnlyList<CalendarInput> entries)
    {
        foreach (var step in entries.GroupBy(e => e.Step).Where(g => g.Count() > 1))
        {
            yield return Messages.StepTwice.Format(StepNames.Of(step.Key));
        }

        foreach (var entry in entries.Where(e => e.End < e.Start))
        {
            yield return Messages.StepEndsBeforeStart.Format(StepNames.Of(entry.Step));
        }

        var windows = CalendarSteps.PhaseWindows
            .Select(w => (Phase: w.Key, Entry: entries.FirstOrDefault(e => e.Step == w.Value)))
            .Where(w => w.Entry is not null)
            .OrderBy(w => w.Phase)
            .ToList();
        for (var i = 1; i < windows.Count; i++)
        {
            if (windows[i].Entry!.Start <= windows[i - 1].Entry!.End)
            {
                yield return Messages.PhasesOverlap.Format(PhaseNames.Of(windows[i].Phase), PhaseNames.Of(windows[i - 1].Phase));
            }
        }

        foreach (var entry in entries.Where(e => !CalendarSteps.IsPhaseWindow(e.Step)))
        {
            var window = windows.FirstOrDefault(w => w.Phase == CalendarSteps.PhaseOf(entry.Step)).Entry;
            if (window is not null && (entry.Start < window.Start || entry.End > window.End))
            {
                yield return Messages.StepOutsidePhase.Format(StepNames.Of(entry.Step), PhaseNames.Of(CalendarSteps.PhaseOf(entry.Step)));
            }
        }
    }

    private bool IsPast(Phase phase) => Phase > phase;

    private void EnsureManager(Actor actor)
    {
        if (!actor.ManagesJurisdiction(JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }
    }

    private void EnsureEditable(Actor actor)
    {
        EnsureManager(actor);
        if (Phase == Phase.Closed)
        {
            throw new DomainException(Messages.CycleClosed.Format());
        }
    }

    private void EnsureCanChange(RuleSet rules, Actor actor)
    {
        EnsureEditable(actor);
        if (IsFrozen(rules))
        {
            throw new DomainException(Messages.RulesFrozen.Format(RuleSetNames.Of(rules), PhaseNames.Of(FrozenFrom[rules])));
        }
    }

    private static void ThrowIfAny(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new DomainException(list);
        }
    }

    private static string RequireName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength)
        {
            throw new DomainException(Messages.NameInvalid.Format(MaxNameLength));
        }

        return trimmed;
    }
}
