using System.Globalization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Concertation;

/// <summary>
/// When the agents may act in Concertation: while the cycle is in that phase and, when the calendar
/// dates the step, on one of its days (first and last included). A step the calendar does not date
/// is bounded by the phase alone.
/// </summary>
public static class ConcertationWindow
{
    public static void EnsureInConcertation(Cycle cycle)
    {
        if (cycle.Phase != Phase.Concertation)
        {
            throw new DomainException(Messages.NotInConcertation.Format());
        }
    }

    /// <summary>Whether today is a day of the step, when the calendar dates it.</summary>
    public static bool IsOpen(Cycle cycle, CalendarStep step, DateOnly today)
    {
        if (cycle.Phase != Phase.Concertation)
        {
            return false;
        }

        var window = cycle.Calendar.FirstOrDefault(e => e.Step == step);
        return window is null || (today >= window.Start && today <= window.End);
    }

    public static void Ensure(Cycle cycle, CalendarStep step, DateOnly today)
    {
        EnsureInConcertation(cycle);
        var window = cycle.Calendar.FirstOrDefault(e => e.Step == step);
        if (window is not null && (today < window.Start || today > window.End))
        {
            throw new DomainException(Closed(step).Format(Day(window.Start), Day(window.End)));
        }
    }

    private static Text Closed(CalendarStep step) => step switch
    {
        CalendarStep.ThemePrioritization => Messages.ThemePrioritizationClosed,
        CalendarStep.ProposalSubmission => Messages.ProposalSubmissionClosed,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step agents act in."),
    };

    private static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);
}
