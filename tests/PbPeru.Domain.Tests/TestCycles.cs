using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

/// <summary>Builds cycles for the tests: fully configured, then advanced to any phase.</summary>
internal static class TestCycles
{
    public const string Ubigeo = "150132";

    public const int FiscalYear = 2026;

    public static readonly DateTimeOffset CreatedAt = new(2025, 1, 2, 9, 0, 0, TimeSpan.FromHours(-5));

    public static readonly Money DefaultCeiling = Money.FromSoles(1_500_000m);

    public static Actor Manager { get; } = new("manager-1", "Rosa Quispe", new HashSet<string> { Ubigeo });

    /// <summary>A cycle manager, but of a neighbouring district.</summary>
    public static Actor OtherManager { get; } = new("manager-2", "Juan Mamani", new HashSet<string> { "150133" });

    public static Actor NoJurisdiction { get; } = new("citizen-1", "Ana Torres", new HashSet<string>());

    /// <summary>The four phase windows in order, each with its steps inside, one spare day at each window's end.</summary>
    public static IReadOnlyList<CalendarInput> FullCalendar { get; } =
    [
        Entry(CalendarStep.PreparationPhase, "2025-01-06", "2025-03-31"),
        Entry(CalendarStep.CallPublication, "2025-01-06", "2025-01-10"),
        Entry(CalendarStep.Registration, "2025-01-13", "2025-02-14"),
        Entry(CalendarStep.PreliminaryList, "2025-02-17", "2025-02-17"),
        Entry(CalendarStep.Challenges, "2025-02-18", "2025-02-24"),
        Entry(CalendarStep.FinalList, "2025-02-28", "2025-02-28"),
        Entry(CalendarStep.Training, "2025-03-03", "2025-03-28"),
        Entry(CalendarStep.ConcertationPhase, "2025-04-01", "2025-05-30"),
        Entry(CalendarStep.InformationWorkshop, "2025-04-05", "2025-04-05"),
        Entry(CalendarStep.ThemePrioritization, "2025-04-12", "2025-04-12"),
        Entry(CalendarStep.ProposalSubmission, "2025-04-14", "2025-05-09"),
        Entry(CalendarStep.TechnicalEvaluation, "2025-05-12", "2025-05-29"),
        Entry(CalendarStep.CoordinationPhase, "2025-06-02", "2025-06-30"),
        Entry(CalendarStep.CoordinationMeetings, "2025-06-09", "2025-06-20"),
        Entry(CalendarStep.FormalizationPhase, "2025-07-01", "2025-07-31"),
        Entry(CalendarStep.FinalWorkshop, "2025-07-05", "2025-07-05"),
        Entry(CalendarStep.CouncilApproval, "2025-07-14", "2025-07-30"),
    ];

    public static IReadOnlyList<ThemeInput> Themes { get; } =
    [
        new("Desarrollo social", "Salud, educación y grupos vulnerables."),
        new("Desarrollo económico", "Agricultura, turismo y empleo."),
        new("Infraestructura", "Agua, saneamiento, vías y electrificación."),
    ];

    /// <summary>Facts that satisfy every gate of every move.</summary>
    public static CycleFacts AllGatesHold { get; } = new()
    {
        FinalAgentListPublished = true,
        AccreditedAgents = 40,
        AccreditedTitulars = 20,
        AccreditedWomenTitulars = 10,
        QuotaShortfallJustified = false,
        ProposalsAwaitingEvaluation = 0,
        RecommendationPublished = true,
        CoordinationMinutesRecorded = true,
        UnresolvedOverlaps = 0,
        ResultComputed = true,
        OversightCommitteeElected = true,
        ActaIssued = true,
        ApprovalsRecorded = true,
    };

    public static CalendarInput Entry(CalendarStep step, string start, string end) =>
        new(step, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A new cycle in Draft with the default rules and criteria, not configured further.</summary>
    public static Cycle NewDraft(Money? ceiling = null) =>
        Cycle.Create(Ubigeo, FiscalYear, "Presupuesto Participativo 2026", ceiling ?? DefaultCeiling, Manager, CreatedAt);

    /// <summary>
    /// A cycle fully configured (ceiling, calendar, themes, default criteria), optionally configured
    /// further while still in Draft, then advanced one move at a time to <paramref name="phase"/>.
    /// </summary>
    public static Cycle InPhase(Phase phase, Action<Cycle>? configureInDraft = null)
    {
        var cycle = NewDraft();
        cycle.SetCalendar(FullCalendar, Manager);
        cycle.SetThemes(Themes, Manager);
        configureInDraft?.Invoke(cycle);

        var now = CreatedAt;
        while (cycle.Phase < phase)
        {
            now = now.AddDays(7);
            cycle.AdvanceTo(cycle.Phase + 1, Manager, AllGatesHold, now);
        }

        Assert.Equal(phase, cycle.Phase);
        return cycle;
    }

    public static IEnumerable<Phase> AllPhases => Enum.GetValues<Phase>();
}
