using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Tests.Preparation;

namespace PbPeru.Domain.Tests.Concertation;

/// <summary>A cycle in Concertation with one accepted organization whose titular agent has an account.</summary>
internal sealed record ConcertationSetup(Cycle Cycle, Actor Manager, Organization Organization, Agent Agent, Proposer Proposer);

/// <summary>
/// Builds cycles in Concertation, proposals and theme votes on the days of the calendar of
/// <see cref="TestCycles"/>: theme prioritization on 12 April 2025, proposal submission from 14 April
/// to 9 May, the phase from 1 April to 30 May.
/// </summary>
internal static class ProposalFixtures
{
    public const string AgentUserId = "agent-user-1";

    public const string Province = "1501";

    public const int FirstThemeId = 11;

    public const int SecondThemeId = 12;

    public const int ThirdThemeId = 13;

    public static readonly DateOnly SubmissionOpens = new(2025, 4, 14);

    public static readonly DateOnly SubmissionCloses = new(2025, 5, 9);

    public static readonly DateOnly InSubmission = new(2025, 4, 20);

    public static readonly DateOnly AfterSubmission = new(2025, 5, 20);

    public static readonly DateOnly PrioritizationDay = new(2025, 4, 12);

    /// <summary>An instant given in Lima's offset, so that tests can tell it is kept in UTC.</summary>
    public static readonly DateTimeOffset Now = new(2025, 4, 20, 10, 30, 0, TimeSpan.FromHours(-5));

    /// <summary>INEI populations of a few Lima districts.</summary>
    public static IReadOnlyDictionary<string, long> Populations { get; } = new Dictionary<string, long>
    {
        ["150101"] = 268_738,
        ["150103"] = 174_000,
        ["150132"] = 1_038_495,
        ["150133"] = 410_000,
    };

    /// <summary>
    /// A cycle of <paramref name="jurisdiction"/> (id 1; themes 11, 12, 13 in plan order) with its
    /// proposal rules changed by <paramref name="rules"/>, an organization (id 10) accepted in
    /// Preparation whose titular agent is linked to <see cref="AgentUserId"/>, then moved to Concertation.
    /// </summary>
    public static ConcertationSetup Setup(Func<ProposalRules, ProposalRules>? rules = null, string jurisdiction = TestCycles.Ubigeo, IReadOnlyList<CalendarInput>? calendar = null)
    {
        var manager = jurisdiction == TestCycles.Ubigeo
            ? TestCycles.Manager
            : new Actor("manager-p", "Luis Ccori", new HashSet<string> { jurisdiction });
        var cycle = Cycle.Create(jurisdiction, TestCycles.FiscalYear, "Presupuesto Participativo 2026", TestCycles.DefaultCeiling, manager, TestCycles.CreatedAt);
        cycle.SetCalendar(calendar ?? TestCycles.FullCalendar, manager);
        cycle.SetThemes(TestCycles.Themes, manager);
        if (rules is not null)
        {
            cycle.SetProposalRules(rules(ProposalRules.Default), manager);
        }

        Registrations.WithId(cycle, 1);
        foreach (var theme in cycle.Themes)
        {
            Registrations.WithId(theme, 10 + theme.Position);
        }

        cycle.AdvanceTo(Phase.Preparation, manager, TestCycles.AllGatesHold, TestCycles.CreatedAt.AddDays(7));
        var organization = Registrations.WithId(Registrations.Complete(cycle), 10);
        organization.Submit(cycle, Registrations.InRegistration, Registrations.Now);
        organization.Accept(cycle, manager, Registrations.Now.AddDays(1));
        var agent = organization.Agents.First(a => a.Role == AgentRole.Titular);
        agent.LinkAccount(AgentUserId);

        cycle.AdvanceTo(Phase.Concertation, manager, TestCycles.AllGatesHold, TestCycles.CreatedAt.AddDays(14));
        return new ConcertationSetup(cycle, manager, organization, agent, Proposer.Of(cycle, organization, AgentUserId));
    }

    /// <summary>A calendar without the given steps.</summary>
    public static IReadOnlyList<CalendarInput> CalendarWithout(params CalendarStep[] steps) =>
        TestCycles.FullCalendar.Where(e => !steps.Contains(e.Step)).ToList();

    public static ProposalDetails Details(
        string title = "Mejoramiento del parque zonal Huáscar",
        int themeId = FirstThemeId,
        IReadOnlyList<string>? districts = null,
        decimal estimatedCost = 200_000m,
        int beneficiaries = 5_000,
        string? cui = null,
        IReadOnlyList<CofinancingInput>? cofinancing = null,
        IReadOnlyList<YearShareInput>? years = null) =>
        new(
            title,
            "Áreas verdes, juegos infantiles y alumbrado para el sector 3.",
            themeId,
            districts ?? [TestCycles.Ubigeo],
            Money.FromSoles(estimatedCost),
            beneficiaries,
            cui,
            cofinancing ?? [],
            years ?? []);

    public static Proposal Draft(ConcertationSetup setup, ProposalDetails? details = null, DateOnly? today = null) =>
        Registrations.WithId(Proposal.Draft(setup.Cycle, setup.Proposer, details ?? Details(), Populations, today ?? InSubmission, Now), 100);

    public static Proposal Submitted(ConcertationSetup setup, ProposalDetails? details = null)
    {
        var proposal = Draft(setup, details);
        proposal.Submit(setup.Cycle, InSubmission, Now.AddHours(1));
        return proposal;
    }

    public static ProposalDocument AddDocument(Proposal proposal, Cycle cycle, int id, DateOnly? today = null, bool answeringObservation = false) =>
        Registrations.WithId(proposal.AddDocument(cycle, "expediente.pdf", Guid.NewGuid().ToString("N"), "application/pdf", 30_000, new string('b', 64), today ?? InSubmission, Now, answeringObservation), id);

    /// <summary>The refusal of a proposal action outside the submission days, in the current culture.</summary>
    public static string SubmissionClosedMessage() => Messages.ProposalSubmissionClosed.Format(
        SubmissionOpens.ToString("d", System.Globalization.CultureInfo.CurrentCulture),
        SubmissionCloses.ToString("d", System.Globalization.CultureInfo.CurrentCulture));

    /// <summary>Another accredited agent of a second accepted organization of the same cycle.</summary>
    public static Agent SecondAgent(ConcertationSetup setup, int organizationId = 20)
    {
        // Organizations are accepted in Preparation; this one is built like the first, on a twin cycle
        // that shares the id, so the agent belongs to the setup's cycle.
        var twin = Setup(jurisdiction: setup.Cycle.JurisdictionUbigeo);
        Registrations.WithId(twin.Organization, organizationId);
        return twin.Agent;
    }

    public static ThemeVote Vote(ConcertationSetup setup, ThemeBallot ballot, Agent? agent = null) =>
        ThemeVote.Cast(setup.Cycle, agent ?? setup.Agent, ballot, PrioritizationDay, Now);
}
