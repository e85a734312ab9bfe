using System.Globalization;
using System.Reflection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Tests.Preparation;

/// <summary>
/// Builds organizations, agents and lists in a cycle of <see cref="TestCycles"/>, on the days of its
/// calendar: registration from 13 January to 14 February 2025, challenges from 18 to 24 February.
/// </summary>
internal static class Registrations
{
    private static int _nextDni = 40_000_000;
    private static int _nextId = 100;

    public const string RepresentativeId = "rep-1";

    public const string ValidRuc = "20131312955";

    public static readonly DateOnly RegistrationOpens = new(2025, 1, 13);

    public static readonly DateOnly RegistrationCloses = new(2025, 2, 14);

    public static readonly DateOnly InRegistration = new(2025, 1, 20);

    public static readonly DateOnly ChallengesOpen = new(2025, 2, 18);

    public static readonly DateOnly ChallengesClose = new(2025, 2, 24);

    public static readonly DateOnly InChallenges = new(2025, 2, 20);

    /// <summary>An instant given in Lima's offset, so that tests can tell it is kept in UTC.</summary>
    public static readonly DateTimeOffset Now = new(2025, 1, 20, 10, 30, 0, TimeSpan.FromHours(-5));

    public static OrganizationDetails Details { get; } = new(
        "Junta Vecinal Los Olivos",
        OrganizationType.NeighbourhoodAssociation,
        RegistryKind.Ruc,
        ValidRuc,
        "150132",
        "Av. Los Próceres 120",
        "Carmen Huamán");

    /// <summary>A cycle in Preparation with the default rules changed by <paramref name="change"/>.</summary>
    public static Cycle NewCycle(Func<AccreditationRules, AccreditationRules>? change = null, int id = 1)
    {
        var cycle = TestCycles.InPhase(Phase.Preparation, c =>
        {
            if (change is not null)
            {
                c.SetAccreditationRules(change(AccreditationRules.Default), TestCycles.Manager);
            }
        });
        return WithId(cycle, id);
    }

    /// <summary>A second cycle of a neighbouring district, managed by <see cref="TestCycles.OtherManager"/>.</summary>
    public static Cycle OtherCycle()
    {
        var cycle = Cycle.Create("150133", TestCycles.FiscalYear, "Presupuesto Participativo 2026 (vecino)", TestCycles.DefaultCeiling, TestCycles.OtherManager, TestCycles.CreatedAt);
        cycle.SetCalendar(TestCycles.FullCalendar, TestCycles.OtherManager);
        cycle.SetThemes(TestCycles.Themes, TestCycles.OtherManager);
        cycle.AdvanceTo(Phase.Preparation, TestCycles.OtherManager, TestCycles.AllGatesHold, TestCycles.CreatedAt.AddDays(7));
        return WithId(cycle, 2);
    }

    /// <summary>The refusal of a registration outside the window, in the current culture.</summary>
    public static string RegistrationClosedMessage() => Messages.RegistrationClosed.Format(
        RegistrationOpens.ToString("d", CultureInfo.CurrentCulture),
        RegistrationCloses.ToString("d", CultureInfo.CurrentCulture));

    public static AgentDetails Person(
        Sex sex = Sex.Female,
        string? dni = null,
        DateOnly? birthDate = null,
        string? phone = "987654321",
        string? email = null,
        string givenNames = "María",
        string surnames = "Quispe Mamani") =>
        new(dni ?? NextDni(), givenNames, surnames, sex, birthDate ?? new DateOnly(1985, 6, 15), phone, email);

    public static string NextDni() => Interlocked.Increment(ref _nextDni).ToString(CultureInfo.InvariantCulture);

    public static Organization Draft(Cycle cycle, OrganizationDetails? details = null) =>
        Organization.Register(cycle, RepresentativeId, details ?? Details, InRegistration, Now);

    /// <summary>A draft with a titular, a suplente and a document: ready to submit.</summary>
    public static Organization Complete(Cycle cycle, Sex titularSex = Sex.Female)
    {
        var organization = Draft(cycle);
        AddAgentWithId(organization, cycle, Person(titularSex), AgentRole.Titular);
        AddAgentWithId(organization, cycle, Person(Sex.Male), AgentRole.Suplente);
        AddDocument(organization, cycle);
        return organization;
    }

    public static Organization Submitted(Cycle cycle)
    {
        var organization = Complete(cycle);
        organization.Submit(cycle, InRegistration, Now);
        return organization;
    }

    public static Organization Observed(Cycle cycle)
    {
        var organization = Submitted(cycle);
        organization.Observe(cycle, TestCycles.Manager, "Adjunte la constancia vigente.", Now.AddDays(1));
        return organization;
    }

    public static Organization Accepted(Cycle cycle)
    {
        var organization = Submitted(cycle);
        organization.Accept(cycle, TestCycles.Manager, Now.AddDays(1));
        return organization;
    }

    /// <summary>The accredited titular of a newly accepted organization.</summary>
    public static Agent AccreditedAgent(Cycle cycle) => Accepted(cycle).Agents.First(a => a.Role == AgentRole.Titular);

    public static Agent AddAgentWithId(Organization organization, Cycle cycle, AgentDetails details, AgentRole role) =>
        WithId(organization.AddAgent(cycle, details, role, dniTakenElsewhere: false, InRegistration), NextId());

    public static OrganizationDocument AddDocument(Organization organization, Cycle cycle, string fileName = "constancia.pdf") =>
        WithId(organization.AddDocument(cycle, fileName, Guid.NewGuid().ToString("N"), "application/pdf", 20_000, new string('a', 64), InRegistration, Now), NextId());

    /// <summary>A list of <paramref name="cycle"/> with the preliminary list published.</summary>
    public static AccreditationList PreliminaryList(Cycle cycle)
    {
        var list = AccreditationList.For(cycle);
        list.PublishPreliminary(cycle, TestCycles.Manager, organizationsAwaitingReview: 0, Now.AddDays(28));
        return list;
    }

    public static Challenge FileChallenge(Cycle cycle, AccreditationList list, Agent agent, string grounds = "No reside en el distrito.") =>
        WithId(Challenge.File(cycle, list, agent, "citizen-1", "Ana Torres", grounds, InChallenges, Now.AddDays(31)), NextId());

    /// <summary>Gives an entity the id the database would, as these tests never save anything.</summary>
    public static T WithId<T>(T entity, int id)
        where T : class
    {
        var property = typeof(T).GetProperty("Id", BindingFlags.Instance | BindingFlags.Public)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id.");
        property.SetValue(entity, id);
        return entity;
    }

    private static int NextId() => Interlocked.Increment(ref _nextId);
}
