using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class CalendarTests
{
    /// <summary>Each phase the cycle may stand in (all but Closed) with each phase whose dates change.</summary>
    public static TheoryData<Phase, Phase> CurrentPhaseAndDatedPhase
    {
        get
        {
            var data = new TheoryData<Phase, Phase>();
            foreach (var current in Enum.GetValues<Phase>().Where(p => p != Phase.Closed))
            {
                foreach (var dated in CalendarSteps.PhaseWindows.Keys)
                {
                    data.Add(current, dated);
                }
            }

            return data;
        }
    }

    [Fact]
    public void SetCalendar_WithValidEntries_StoresThemInDateOrder()
    {
        var cycle = TestCycles.NewDraft();

        cycle.SetCalendar(TestCycles.FullCalendar.Reverse().ToList(), TestCycles.Manager);

        Assert.Equal(
            TestCycles.FullCalendar.Select(e => (e.Step, e.Start, e.End)),
            cycle.Calendar.Select(e => (e.Step, e.Start, e.End)));
    }

    [Fact]
    public void SetCalendar_WithOnlyThePhaseWindows_IsEnoughToConfigure()
    {
        var cycle = TestCycles.NewDraft();
        cycle.SetThemes(TestCycles.Themes, TestCycles.Manager);

        cycle.SetCalendar(TestCycles.FullCalendar.Where(e => CalendarSteps.IsPhaseWindow(e.Step)).ToList(), TestCycles.Manager);

        Assert.Equal(4, cycle.Calendar.Count);
        Assert.True(cycle.CheckMove(Phase.Preparation, TestCycles.AllGatesHold).Allowed);
    }

    [Fact]
    public void SetCalendar_WhenAStepEndsBeforeItStarts_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.NewDraft();
        var entries = Replace(TestCycles.Entry(CalendarStep.CallPublication, "2025-01-10", "2025-01-06"));

        var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Equal(["La etapa «Convocatoria» termina antes de empezar."], error.Reasons);
        Assert.Empty(cycle.Calendar);
    }

    [Fact]
    public void SetCalendar_WhenAStepIsOneDayLong_IsAccepted()
    {
        var cycle = TestCycles.NewDraft();

        cycle.SetCalendar(Replace(TestCycles.Entry(CalendarStep.CallPublication, "2025-01-06", "2025-01-06")), TestCycles.Manager);

        Assert.Equal(
            (new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 6)),
            cycle.Calendar.Where(e => e.Step == CalendarStep.CallPublication).Select(e => (e.Start, e.End)).Single());
    }

    [Fact]
    public void SetCalendar_WhenPhasesOverlap_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.NewDraft();
        var entries = Replace(TestCycles.Entry(CalendarStep.CoordinationPhase, "2025-05-30", "2025-06-30"));

        var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Equal(["La fase de Coordinación debe empezar después de que termine la de Concertación."], error.Reasons);
    }

    [Fact]
    public void SetCalendar_WhenPhasesAreOutOfOrder_IsRefused()
    {
        using var culture = CultureScope.English();
        var cycle = TestCycles.NewDraft();
        var entries = new List<CalendarInput>
        {
            TestCycles.Entry(CalendarStep.PreparationPhase, "2025-04-01", "2025-05-30"),
            TestCycles.Entry(CalendarStep.ConcertationPhase, "2025-01-06", "2025-03-31"),
        };

        var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Equal(["The Concertation phase must start after the Preparation phase ends."], error.Reasons);
    }

    [Fact]
    public void SetCalendar_WhenPhasesAreOutOfOrderAcrossAGap_IsRefused()
    {
        var cycle = TestCycles.NewDraft();
        var entries = new List<CalendarInput>
        {
            TestCycles.Entry(CalendarStep.PreparationPhase, "2025-06-01", "2025-06-30"),
            TestCycles.Entry(CalendarStep.FormalizationPhase, "2025-01-06", "2025-01-31"),
        };

        var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Equal([Messages.PhasesOverlap.Format(PhaseNames.Of(Phase.Formalization), PhaseNames.Of(Phase.Preparation))], error.Reasons);
    }

    [Fact]
    public void SetCalendar_WhenNextPhaseStartsTheDayAfter_IsAccepted()
    {
        var cycle = TestCycles.NewDraft();
        var entries = Replace(TestCycles.Entry(CalendarStep.CoordinationPhase, "2025-05-31", "2025-06-30"));

        cycle.SetCalendar(entries, TestCycles.Manager);

        Assert.Equal(new DateOnly(2025, 5, 31), cycle.Calendar.Single(e => e.Step == CalendarStep.CoordinationPhase).Start);
    }

    [Theory]
    [InlineData("2025-03-03", "2025-04-02")]
    [InlineData("2025-01-05", "2025-01-10")]
    public void SetCalendar_WhenAStepFallsOutsideItsPhase_IsRefused(string start, string end)
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.NewDraft();
        var entries = Replace(TestCycles.Entry(CalendarStep.Training, start, end));

        var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Equal(["La etapa «Capacitación de agentes» debe caer dentro de las fechas de la fase de Preparación."], error.Reasons);
    }

    [Fact]
    public void SetCalendar_WhenAStepAppearsTwice_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.NewDraft();
        var entries = TestCycles.FullCalendar.Append(TestCycles.Entry(CalendarStep.FinalWorkshop, "2025-07-12", "2025-07-12")).ToList();

        var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Equal(["La etapa «Taller de priorización y votación final» aparece dos veces en el calendario."], error.Reasons);
        Assert.Empty(cycle.Calendar);
    }

    [Fact]
    public void SetCalendar_WithSeveralProblems_ListsThemAll()
    {
        var cycle = TestCycles.NewDraft();
        var entries = new List<CalendarInput>
        {
            TestCycles.Entry(CalendarStep.PreparationPhase, "2025-01-06", "2025-03-31"),
            TestCycles.Entry(CalendarStep.ConcertationPhase, "2025-03-15", "2025-05-30"),
            TestCycles.Entry(CalendarStep.Training, "2025-03-03", "2025-04-15"),
            TestCycles.Entry(CalendarStep.InformationWorkshop, "2025-04-05", "2025-04-04"),
        };

        var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Equal(3, error.Reasons.Count);
    }

    [Theory]
    [MemberData(nameof(CurrentPhaseAndDatedPhase))]
    public void SetCalendar_DatesOfAPhaseAlreadyLeft_CannotChange_LaterOnesCan(Phase current, Phase dated)
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(current);
        var entries = WithPhaseWindowEndingADayEarlier(dated);
        var window = CalendarSteps.PhaseWindows[dated];
        var before = cycle.Calendar.Single(e => e.Step == window).End;

        if (current > dated)
        {
            var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

            Assert.Equal(Messages.PastPhaseDatesFrozen.Format(PhaseNames.Of(dated)), error.Message);
            Assert.Equal(before, cycle.Calendar.Single(e => e.Step == window).End);
        }
        else
        {
            cycle.SetCalendar(entries, TestCycles.Manager);

            Assert.Equal(before.AddDays(-1), cycle.Calendar.Single(e => e.Step == window).End);
        }
    }

    [Fact]
    public void SetCalendar_InConcertation_CannotMoveAPreparationStep()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Concertation);

        var error = Assert.Throws<DomainException>(() => cycle.SetCalendar(
            Replace(TestCycles.Entry(CalendarStep.Training, "2025-03-03", "2025-03-27")), TestCycles.Manager));

        Assert.Equal("Las fechas de la fase de Preparación ya no se pueden cambiar: esa fase terminó.", error.Message);
    }

    [Fact]
    public void SetCalendar_InConcertation_CannotRemoveAPreparationStep()
    {
        var cycle = TestCycles.InPhase(Phase.Concertation);
        var entries = TestCycles.FullCalendar.Where(e => e.Step != CalendarStep.Challenges).ToList();

        Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Contains(cycle.Calendar, e => e.Step == CalendarStep.Challenges);
    }

    [Fact]
    public void SetCalendar_InConcertation_CannotAddAPreparationStep()
    {
        var cycle = TestCycles.InPhase(
            Phase.Concertation,
            c => c.SetCalendar(TestCycles.FullCalendar.Where(e => e.Step != CalendarStep.Training).ToList(), TestCycles.Manager));

        Assert.Throws<DomainException>(() => cycle.SetCalendar(TestCycles.FullCalendar, TestCycles.Manager));

        Assert.DoesNotContain(cycle.Calendar, e => e.Step == CalendarStep.Training);
    }

    [Fact]
    public void SetCalendar_InConcertation_CanMoveAndAddItsOwnAndLaterSteps()
    {
        var cycle = TestCycles.InPhase(
            Phase.Concertation,
            c => c.SetCalendar(TestCycles.FullCalendar.Where(e => e.Step != CalendarStep.CoordinationMeetings).ToList(), TestCycles.Manager));
        var entries = Replace(TestCycles.Entry(CalendarStep.TechnicalEvaluation, "2025-05-12", "2025-05-30"));

        cycle.SetCalendar(entries, TestCycles.Manager);

        Assert.Equal(new DateOnly(2025, 5, 30), cycle.Calendar.Single(e => e.Step == CalendarStep.TechnicalEvaluation).End);
        Assert.Contains(cycle.Calendar, e => e.Step == CalendarStep.CoordinationMeetings);
    }

    [Fact]
    public void SetCalendar_WhenRefusedForAPastPhase_LeavesTheWholeCalendarUnchanged()
    {
        var cycle = TestCycles.InPhase(
            Phase.Concertation,
            c => c.SetCalendar(TestCycles.FullCalendar.Where(e => e.Step != CalendarStep.Training).ToList(), TestCycles.Manager));
        var before = cycle.Calendar.Select(e => (e.Step, e.Start, e.End)).ToList();
        var entries = Replace(TestCycles.Entry(CalendarStep.TechnicalEvaluation, "2025-05-12", "2025-05-30"));

        Assert.Throws<DomainException>(() => cycle.SetCalendar(entries, TestCycles.Manager));

        Assert.Equal(before, cycle.Calendar.Select(e => (e.Step, e.Start, e.End)));
    }

    private static List<CalendarInput> Replace(CalendarInput replacement) =>
        TestCycles.FullCalendar.Select(e => e.Step == replacement.Step ? replacement : e).ToList();

    private static List<CalendarInput> WithPhaseWindowEndingADayEarlier(Phase phase) =>
        TestCycles.FullCalendar
            .Select(e => e.Step == CalendarSteps.PhaseWindows[phase] ? e with { End = e.End.AddDays(-1) } : e)
            .ToList();
}
