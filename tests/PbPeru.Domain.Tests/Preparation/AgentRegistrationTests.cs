using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Preparation;

[Trait("Capability", "Preparation")]
public class AgentRegistrationTests
{
    [Fact]
    public void AddAgent_WithValidDetails_KeepsThemTrimmedAndNotYetAccredited()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        var details = new AgentDetails("45678901", "  Rosa Elena ", " Quispe Huamán ", Sex.Female, new DateOnly(1990, 4, 2), " 984 112 233 ", "   ");

        var agent = organization.AddAgent(cycle, details, AgentRole.Titular, dniTakenElsewhere: false, InRegistration);

        Assert.Equal("45678901", agent.Dni);
        Assert.Equal("Rosa Elena", agent.GivenNames);
        Assert.Equal("Quispe Huamán", agent.Surnames);
        Assert.Equal("Rosa Elena Quispe Huamán", agent.FullName);
        Assert.Equal(Sex.Female, agent.Sex);
        Assert.Equal(new DateOnly(1990, 4, 2), agent.BirthDate);
        Assert.Equal("984 112 233", agent.Phone);
        Assert.Null(agent.Email);
        Assert.Equal(AgentRole.Titular, agent.Role);
        Assert.Equal(cycle.Id, agent.CycleId);
        Assert.False(agent.IsAccredited);
        Assert.False(agent.MustAttendTrainingToVote);
        Assert.Null(agent.ExcludedByChallengeId);
        Assert.Null(agent.UserId);
        Assert.Equal([agent], organization.Agents);
    }

    [Theory]
    [InlineData("4567890")] // seven digits
    [InlineData("456789012")] // nine digits
    [InlineData("4567890A")]
    [InlineData("ABCDEFGH")]
    [InlineData("4567-890")]
    [InlineData("")]
    public void AddAgent_WithADniThatIsNotEightDigits_IsRefused(string dni)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() =>
            organization.AddAgent(cycle, Person(dni: dni), AgentRole.Titular, dniTakenElsewhere: false, InRegistration));

        Assert.Equal(["El DNI debe tener exactamente 8 dígitos."], error.Reasons);
        Assert.Empty(organization.Agents);
    }

    [Theory]
    [InlineData(AgentRole.Titular)]
    [InlineData(AgentRole.Suplente)]
    public void AddAgent_WithADniAlreadyInTheOrganization_IsRefusedWhateverTheRole(AgentRole role)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle(r => r with { TitularsPerOrganization = 2 });
        var organization = Draft(cycle);
        AddAgentWithId(organization, cycle, Person(dni: "45678901"), AgentRole.Titular);

        var error = Assert.Throws<DomainException>(() =>
            organization.AddAgent(cycle, Person(dni: "45678901", givenNames: "Otra"), role, dniTakenElsewhere: false, InRegistration));

        Assert.Equal("El DNI 45678901 ya está inscrito en este ciclo.", error.Message);
        Assert.Single(organization.Agents);
    }

    [Fact]
    public void AddAgent_WhenTheDniIsTakenByAnotherOrganization_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() =>
            organization.AddAgent(cycle, Person(dni: "45678901"), AgentRole.Titular, dniTakenElsewhere: true, InRegistration));

        Assert.Equal(Messages.DniAlreadyRegistered.Format("45678901"), error.Message);
        Assert.Empty(organization.Agents);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void AddAgent_BeyondTheCyclesTitularsPerOrganization_IsRefused(int titulars)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle(r => r with { TitularsPerOrganization = titulars });
        var organization = Draft(cycle);
        for (var i = 0; i < titulars; i++)
        {
            AddAgentWithId(organization, cycle, Person(), AgentRole.Titular);
        }

        var error = Assert.Throws<DomainException>(() =>
            organization.AddAgent(cycle, Person(), AgentRole.Titular, dniTakenElsewhere: false, InRegistration));

        Assert.Equal($"La organización ya tiene {titulars} titular(es), el máximo del ciclo.", error.Message);
        Assert.Equal(titulars, organization.Agents.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AddAgent_BeyondTheCyclesSuplentesPerOrganization_IsRefused(int suplentes)
    {
        var cycle = NewCycle(r => r with { SuplentesPerOrganization = suplentes });
        var organization = Draft(cycle);
        for (var i = 0; i < suplentes; i++)
        {
            AddAgentWithId(organization, cycle, Person(), AgentRole.Suplente);
        }

        var error = Assert.Throws<DomainException>(() =>
            organization.AddAgent(cycle, Person(), AgentRole.Suplente, dniTakenElsewhere: false, InRegistration));

        Assert.Equal(Messages.TooManySuplentes.Format(suplentes), error.Message);
    }

    [Fact]
    public void AddAgent_WhenTheCycleAllowsNoSuplente_RefusesTheFirst()
    {
        var cycle = NewCycle(r => r with { SuplentesPerOrganization = 0 });
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() =>
            organization.AddAgent(cycle, Person(), AgentRole.Suplente, dniTakenElsewhere: false, InRegistration));

        Assert.Equal(Messages.TooManySuplentes.Format(0), error.Message);
    }

    [Fact]
    public void AddAgent_CountsTitularsAndSuplentesSeparately()
    {
        var cycle = NewCycle(r => r with { TitularsPerOrganization = 1, SuplentesPerOrganization = 2 });
        var organization = Draft(cycle);

        AddAgentWithId(organization, cycle, Person(), AgentRole.Suplente);
        AddAgentWithId(organization, cycle, Person(), AgentRole.Suplente);
        AddAgentWithId(organization, cycle, Person(), AgentRole.Titular);

        Assert.Equal([AgentRole.Titular, AgentRole.Suplente, AgentRole.Suplente], organization.Agents.Select(a => a.Role));
    }

    [Fact]
    public void AddAgent_WhoseEighteenthBirthdayIsToday_IsAccepted()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var agent = organization.AddAgent(cycle, Person(birthDate: InRegistration.AddYears(-18)), AgentRole.Titular, dniTakenElsewhere: false, InRegistration);

        Assert.Equal(18, Agent.AgeOn(agent.BirthDate, InRegistration));
    }

    [Fact]
    public void AddAgent_WhoTurnsEighteenTomorrow_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() => organization.AddAgent(
            cycle, Person(birthDate: InRegistration.AddYears(-18).AddDays(1)), AgentRole.Titular, dniTakenElsewhere: false, InRegistration));

        Assert.Equal(["El agente debe tener al menos 18 años."], error.Reasons);
    }

    [Theory]
    [InlineData("987654321", null)]
    [InlineData(null, "rosa@example.pe")]
    [InlineData("987654321", "rosa@example.pe")]
    public void AddAgent_WithAPhoneOrAnEmail_IsAccepted(string? phone, string? email)
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var agent = organization.AddAgent(cycle, Person(phone: phone, email: email), AgentRole.Titular, dniTakenElsewhere: false, InRegistration);

        Assert.Equal(phone, agent.Phone);
        Assert.Equal(email, agent.Email);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("  ", "\t")]
    public void AddAgent_WithNeitherPhoneNorEmail_IsRefused(string? phone, string? email)
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() =>
            organization.AddAgent(cycle, Person(phone: phone, email: email), AgentRole.Titular, dniTakenElsewhere: false, InRegistration));

        Assert.Equal([Messages.AgentContactRequired.Format()], error.Reasons);
    }

    [Theory]
    [InlineData("", "Quispe")]
    [InlineData("María", " ")]
    public void AddAgent_WithoutGivenNamesOrSurnames_IsRefused(string givenNames, string surnames)
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() => organization.AddAgent(
            cycle, Person(givenNames: givenNames, surnames: surnames), AgentRole.Titular, dniTakenElsewhere: false, InRegistration));

        Assert.Equal([Messages.AgentNamesRequired.Format()], error.Reasons);
    }

    [Fact]
    public void AddAgent_WithEverythingWrong_GivesEveryReasonAtOnce()
    {
        using var culture = CultureScope.English();
        var cycle = NewCycle();
        var organization = Draft(cycle);
        var details = new AgentDetails("123", "", "", Sex.Male, InRegistration.AddYears(-10), null, null);

        var error = Assert.Throws<DomainException>(() => organization.AddAgent(cycle, details, AgentRole.Titular, dniTakenElsewhere: false, InRegistration));

        Assert.Equal(
        [
            "The DNI must have exactly 8 digits.",
            "Write the agent's given names and surnames.",
            "Give a phone or an email for the agent.",
            "The agent must be at least 18 years old.",
        ], error.Reasons);
    }

    [Fact]
    public void AddAgent_ToADraftAfterTheWindow_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() =>
            organization.AddAgent(cycle, Person(), AgentRole.Titular, dniTakenElsewhere: false, RegistrationCloses.AddDays(1)));

        Assert.Equal(RegistrationClosedMessage(), error.Message);
    }

    [Fact]
    public void AddAgent_ToAnObservedOrganizationAfterTheWindow_IsAllowed()
    {
        var cycle = NewCycle(r => r with { TitularsPerOrganization = 2 });
        var organization = Observed(cycle);

        var agent = organization.AddAgent(cycle, Person(), AgentRole.Titular, dniTakenElsewhere: false, new DateOnly(2025, 3, 1));

        Assert.Contains(agent, organization.Agents);
    }

    [Fact]
    public void RemoveAgent_FreesItsPlaceForAnother()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        var first = AddAgentWithId(organization, cycle, Person(dni: "45678901"), AgentRole.Titular);

        organization.RemoveAgent(cycle, first.Id, InRegistration);
        var second = AddAgentWithId(organization, cycle, Person(dni: "45678901", givenNames: "Rosa"), AgentRole.Titular);

        Assert.Equal([second], organization.Agents);
    }

    [Fact]
    public void RemoveAgent_OfAnotherOrganization_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        AddAgentWithId(organization, cycle, Person(), AgentRole.Titular);
        var foreign = AddAgentWithId(Draft(cycle), cycle, Person(), AgentRole.Titular);

        var error = Assert.Throws<DomainException>(() => organization.RemoveAgent(cycle, foreign.Id, InRegistration));

        Assert.Equal(Messages.AgentNotFound.Format(), error.Message);
        Assert.Single(organization.Agents);
    }

    [Fact]
    public void RemoveAgent_FromADraftAfterTheWindow_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        var agent = AddAgentWithId(organization, cycle, Person(), AgentRole.Titular);

        Assert.Throws<DomainException>(() => organization.RemoveAgent(cycle, agent.Id, RegistrationCloses.AddDays(1)));

        Assert.Single(organization.Agents);
    }
}
