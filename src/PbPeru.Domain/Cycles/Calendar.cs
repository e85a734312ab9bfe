namespace PbPeru.Domain.Cycles;

/// <summary>A dated step of the cycle's calendar. Each step belongs to one phase.</summary>
public enum CalendarStep
{
    PreparationPhase = 0,
    CallPublication = 1,
    Registration = 2,
    PreliminaryList = 3,
    Challenges = 4,
    FinalList = 5,
    Training = 6,

    ConcertationPhase = 10,
    InformationWorkshop = 11,
    ThemePrioritization = 12,
    ProposalSubmission = 13,
    TechnicalEvaluation = 14,

    CoordinationPhase = 20,
    CoordinationMeetings = 21,

    FormalizationPhase = 30,
    FinalWorkshop = 31,
    CouncilApproval = 32,
}

public static class CalendarSteps
{
    /// <summary>The steps that stand for a whole phase's window.</summary>
    public static IReadOnlyDictionary<Phase, CalendarStep> PhaseWindows { get; } = new Dictionary<Phase, CalendarStep>
    {
        [Phase.Preparation] = CalendarStep.PreparationPhase,
        [Phase.Concertation] = CalendarStep.ConcertationPhase,
        [Phase.Coordination] = CalendarStep.CoordinationPhase,
        [Phase.Formalization] = CalendarStep.FormalizationPhase,
    };

    public static IReadOnlyList<CalendarStep> All { get; } = Enum.GetValues<CalendarStep>();

    public static Phase PhaseOf(CalendarStep step) => (int)step switch
    {
        < 10 => Phase.Preparation,
        < 20 => Phase.Concertation,
        < 30 => Phase.Coordination,
        _ => Phase.Formalization,
    };

    public static bool IsPhaseWindow(CalendarStep step) => (int)step % 10 == 0;
}

/// <summary>One dated step: the dates are Lima's calendar days, first and last day included.</summary>
public sealed class CalendarEntry
{
    private CalendarEntry()
    {
    }

    internal CalendarEntry(CalendarStep step, DateOnly start, DateOnly end)
    {
        Step = step;
        Start = start;
        End = end;
    }

    public int Id { get; private set; }

    public CalendarStep Step { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    internal void Reschedule(DateOnly start, DateOnly end)
    {
        Start = start;
        End = end;
    }
}

public sealed record CalendarInput(CalendarStep Step, DateOnly Start, DateOnly End);
