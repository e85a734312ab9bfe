using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Tests.Preparation;
using static PbPeru.Domain.Tests.Concertation.ProposalFixtures;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class ProposalDraftTests
{
    [Fact]
    public void Draft_ByAnAccreditedAgent_KeepsEveryFieldAndTheProposer()
    {
        var setup = Setup();
        var details = Details(
            cui: " 2456789 ",
            cofinancing: [new(" Junta de usuarios ", Money.FromSoles(30_000m)), new("ONG Agua Viva", Money.FromSoles(20_000m))],
            years: [new(2027, Money.FromSoles(80_000m)), new(2026, Money.FromSoles(120_000m))]);

        var proposal = Proposal.Draft(setup.Cycle, setup.Proposer, details, Populations, InSubmission, Now);

        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(setup.Cycle.Id, proposal.CycleId);
        Assert.Equal("Mejoramiento del parque zonal Huáscar", proposal.Title);
        Assert.Equal(FirstThemeId, proposal.ThemeId);
        Assert.Equal([TestCycles.Ubigeo], proposal.DistrictUbigeos);
        Assert.Equal(Money.FromSoles(200_000m), proposal.EstimatedCost);
        Assert.Equal(Money.FromSoles(50_000m), proposal.CofinancingTotal);
        Assert.Equal(Money.FromSoles(150_000m), proposal.RequestedAmount);
        Assert.Equal(5_000, proposal.Beneficiaries);
        Assert.Equal("2456789", proposal.Cui);
        Assert.Equal(["Junta de usuarios", "ONG Agua Viva"], proposal.Cofinancing.Select(c => c.Entity));
        Assert.Equal([2026, 2027], proposal.Years.Select(y => y.FiscalYear));
        Assert.Equal(AgentUserId, proposal.ProposerUserId);
        Assert.Equal(setup.Agent.Id, proposal.AgentId);
        Assert.Equal(setup.Organization.Id, proposal.OrganizationId);
        Assert.Equal(Now, proposal.CreatedAt);
        Assert.Equal(TimeSpan.Zero, proposal.CreatedAt.Offset);
        Assert.Null(proposal.SubmittedAt);
        Assert.Null(proposal.WithdrawnAt);
    }

    [Fact]
    public void Draft_WithoutCofinancing_RequestsTheWholeCost()
    {
        var proposal = Draft(Setup());

        Assert.Equal(proposal.EstimatedCost, proposal.RequestedAmount);
        Assert.Null(proposal.Cui);
        Assert.Empty(proposal.Years);
    }

    [Fact]
    public void ProposerOf_TheRepresentativeWhoIsNoAgent_ProposesWithoutAgent()
    {
        var setup = Setup();

        var proposer = Proposer.Of(setup.Cycle, setup.Organization, Registrations.RepresentativeId);

        Assert.Null(proposer.AgentId);
        Assert.Equal(setup.Organization.Id, proposer.OrganizationId);
        Assert.Equal(Registrations.RepresentativeId, proposer.UserId);
    }

    [Fact]
    public void ProposerOf_SomeoneElse_IsRefused()
    {
        var setup = Setup();

        var error = Assert.Throws<DomainException>(() => Proposer.Of(setup.Cycle, setup.Organization, "stranger"));

        Assert.Equal(Messages.ProposerNotOfOrganization.Format(), error.Message);
    }

    [Fact]
    public void ProposerOf_AnOrganizationNotAccepted_IsRefused()
    {
        var cycle = Registrations.NewCycle();
        var organization = Registrations.Submitted(cycle);

        var error = Assert.Throws<DomainException>(() => Proposer.Of(cycle, organization, Registrations.RepresentativeId));

        Assert.Equal(Messages.ProposerOrganizationNotAccepted.Format(), error.Message);
    }

    [Fact]
    public void ProposerOf_AnOrganizationOfAnotherCycle_IsRefused()
    {
        var setup = Setup();

        var error = Assert.Throws<DomainException>(() => Proposer.Of(Registrations.OtherCycle(), setup.Organization, AgentUserId));

        Assert.Equal(Messages.WrongCycle.Format(), error.Message);
    }

    [Fact]
    public void ProposerOf_AnAgentNoLongerAccredited_IsRefused()
    {
        var setup = Setup();
        var agent = setup.Organization.Agents.First(a => a.Role == AgentRole.Titular);
        typeof(Agent).GetProperty(nameof(Agent.IsAccredited))!.SetValue(agent, false);

        var error = Assert.Throws<DomainException>(() => Proposer.Of(setup.Cycle, setup.Organization, AgentUserId));

        Assert.Equal(Messages.ProposerNotOfOrganization.Format(), error.Message);
    }

    [Theory]
    [InlineData(999.99, "ProposalCostBelowMinimum")]
    [InlineData(500_000.01, "ProposalCostAboveMaximum")]
    [InlineData(0, "ProposalCostNotPositive")]
    public void Draft_WithACostOutsideTheCyclesBounds_IsRefusedAndNothingIsCreated(decimal cost, string message)
    {
        using var culture = CultureScope.Spanish();
        var setup = Setup(r => r with { MinimumCost = Money.FromSoles(1_000m), MaximumCost = Money.FromSoles(500_000m) });

        var error = Assert.Throws<DomainException>(() => Draft(setup, Details(estimatedCost: cost)));

        var expected = message switch
        {
            "ProposalCostBelowMinimum" => Messages.ProposalCostBelowMinimum.Format(Money.FromSoles(1_000m)),
            "ProposalCostAboveMaximum" => Messages.ProposalCostAboveMaximum.Format(Money.FromSoles(500_000m)),
            _ => Messages.ProposalCostNotPositive.Format(),
        };
        Assert.Equal([expected], error.Reasons);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(500_000)]
    public void Draft_AtEitherCostBound_IsAccepted(decimal cost)
    {
        var setup = Setup(r => r with { MinimumCost = Money.FromSoles(1_000m), MaximumCost = Money.FromSoles(500_000m) });

        var proposal = Draft(setup, Details(estimatedCost: cost));

        Assert.Equal(Money.FromSoles(cost), proposal.EstimatedCost);
    }

    [Fact]
    public void Draft_WithBeneficiariesAboveTheDistrictsPopulation_IsRefusedGivingBoth()
    {
        var setup = Setup(jurisdiction: Province);

        var error = Assert.Throws<DomainException>(() => Draft(setup, Details(districts: ["150101", "150103"], beneficiaries: 442_739)));

        Assert.Equal([Messages.BeneficiariesAbovePopulation.Format(442_739, 442_738L)], error.Reasons);
    }

    [Fact]
    public void Draft_WithBeneficiariesEqualToTheDistrictsPopulation_IsAccepted()
    {
        var setup = Setup(jurisdiction: Province);

        var proposal = Draft(setup, Details(districts: ["150103", "150101"], beneficiaries: 442_738));

        Assert.Equal(["150101", "150103"], proposal.DistrictUbigeos);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Draft_WithoutBeneficiaries_IsRefused(int beneficiaries)
    {
        var error = Assert.Throws<DomainException>(() => Draft(Setup(), Details(beneficiaries: beneficiaries)));

        Assert.Equal([Messages.BeneficiariesNotPositive.Format()], error.Reasons);
    }

    [Fact]
    public void Draft_BelowTheCyclesMinimumReach_IsRefused()
    {
        var setup = Setup(r => r with { MinimumBeneficiaries = 1_000 });

        var error = Assert.Throws<DomainException>(() => Draft(setup, Details(beneficiaries: 999)));

        Assert.Equal([Messages.BeneficiariesBelowMinimum.Format(1_000)], error.Reasons);
    }

    [Theory]
    [InlineData("245678")]
    [InlineData("24567890")]
    [InlineData("24567a9")]
    [InlineData("2456 789")]
    public void Draft_WithACuiThatIsNotSevenDigits_IsRefused(string cui)
    {
        var error = Assert.Throws<DomainException>(() => Draft(Setup(), Details(cui: cui)));

        Assert.Equal([Messages.CuiInvalid.Format(7)], error.Reasons);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Draft_WithoutCui_IsAccepted(string? cui)
    {
        var proposal = Draft(Setup(), Details(cui: cui));

        Assert.Null(proposal.Cui);
    }

    [Theory]
    [InlineData("150133")]
    [InlineData("150101")]
    [InlineData("1501")]
    [InlineData("15013A")]
    public void Draft_InADistrictOutsideTheJurisdiction_IsRefusedNamingIt(string district)
    {
        var error = Assert.Throws<DomainException>(() => Draft(Setup(), Details(districts: [district])));

        Assert.Equal([Messages.ProposalDistrictOutsideJurisdiction.Format(district)], error.Reasons);
    }

    [Fact]
    public void Draft_ForAProvince_AcceptsItsDistrictsButNotAnotherProvinces()
    {
        var setup = Setup(jurisdiction: Province);

        var error = Assert.Throws<DomainException>(() => Draft(setup, Details(districts: ["150101", "150201"])));

        Assert.Equal([Messages.ProposalDistrictOutsideJurisdiction.Format("150201")], error.Reasons);
    }

    [Fact]
    public void Draft_InADistrictWithNoKnownPopulation_IsRefused()
    {
        var setup = Setup(jurisdiction: Province);

        var error = Assert.Throws<DomainException>(() => Draft(setup, Details(districts: ["150199"])));

        Assert.Equal([Messages.ProposalDistrictUnknown.Format("150199")], error.Reasons);
    }

    [Fact]
    public void Draft_WithoutDistricts_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Draft(Setup(), Details(districts: [])));

        Assert.Equal([Messages.ProposalNoDistricts.Format()], error.Reasons);
    }

    [Fact]
    public void Draft_WithTheSameDistrictTwice_KeepsItOnce()
    {
        var proposal = Draft(Setup(), Details(districts: [TestCycles.Ubigeo, " 150132 "]));

        Assert.Equal([TestCycles.Ubigeo], proposal.DistrictUbigeos);
    }

    [Fact]
    public void Draft_WithAThemeNotOfTheCycle_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Draft(Setup(), Details(themeId: 99)));

        Assert.Equal([Messages.ProposalThemeUnknown.Format()], error.Reasons);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Draft_WithoutTitle_IsRefused(string title)
    {
        var error = Assert.Throws<DomainException>(() => Draft(Setup(), Details(title: title)));

        Assert.Equal([Messages.ProposalTitleInvalid.Format(Proposal.MaxTitleLength)], error.Reasons);
    }

    [Fact]
    public void Draft_WithATitleOverTheLimit_IsRefusedButAtTheLimitIsAccepted()
    {
        var setup = Setup();

        Assert.Throws<DomainException>(() => Draft(setup, Details(title: new string('a', Proposal.MaxTitleLength + 1))));
        Assert.Equal(Proposal.MaxTitleLength, Draft(setup, Details(title: new string('a', Proposal.MaxTitleLength))).Title.Length);
    }

    [Fact]
    public void Draft_WithADescriptionOverTheLimit_IsRefused()
    {
        var details = Details() with { Description = new string('d', Proposal.MaxDescriptionLength + 1) };

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), details));

        Assert.Equal([Messages.ProposalDescriptionInvalid.Format(Proposal.MaxDescriptionLength)], error.Reasons);
    }

    [Theory]
    [InlineData(200_000)]
    [InlineData(250_000)]
    public void Draft_WithCofinancingReachingTheCost_IsRefused(decimal cofinancing)
    {
        var details = Details(cofinancing: [new("Gobierno regional", Money.FromSoles(cofinancing))]);

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), details));

        Assert.Equal([Messages.CofinancingNotBelowCost.Format(Money.FromSoles(cofinancing), Money.FromSoles(200_000m))], error.Reasons);
    }

    [Fact]
    public void Draft_WithCofinancingOneCentimoBelowTheCost_RequestsOneCentimo()
    {
        var proposal = Draft(Setup(), Details(cofinancing: [new("Gobierno regional", Money.FromSoles(199_999.99m))]));

        Assert.Equal(Money.FromCentimos(1), proposal.RequestedAmount);
    }

    [Fact]
    public void Draft_WithACofinancingLineWithoutEntityOrAmount_IsRefusedForEach()
    {
        using var culture = CultureScope.English();
        var details = Details(cofinancing: [new(" ", Money.FromSoles(10m)), new("Empresa minera", Money.Zero)]);

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), details));

        Assert.Equal(
            [Messages.CofinancingEntityInvalid.Format(CofinancingLine.MaxEntityLength), Messages.CofinancingAmountNotPositive.Format("Empresa minera")],
            error.Reasons);
    }

    [Fact]
    public void Draft_WithTooManyCofinancingLines_IsRefused()
    {
        var lines = Enumerable.Range(1, Proposal.MaxCofinancingLines + 1).Select(i => new CofinancingInput($"Aportante {i}", Money.FromSoles(1m))).ToList();

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), Details(cofinancing: lines)));

        Assert.Equal([Messages.TooManyCofinancingLines.Format(Proposal.MaxCofinancingLines)], error.Reasons);
    }

    [Fact]
    public void Draft_WithYearsNotSummingToTheCost_IsRefusedGivingBothSums()
    {
        var details = Details(years: [new(2026, Money.FromSoles(120_000m)), new(2027, Money.FromSoles(79_999.99m))]);

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), details));

        Assert.Equal([Messages.YearsNotSummingToCost.Format(Money.FromSoles(199_999.99m), Money.FromSoles(200_000m))], error.Reasons);
    }

    [Fact]
    public void Draft_WithAYearBeforeTheCyclesFiscalYear_IsRefused()
    {
        var details = Details(years: [new(2025, Money.FromSoles(100_000m)), new(2026, Money.FromSoles(100_000m))]);

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), details));

        Assert.Equal([Messages.YearOutOfRange.Format(2025, TestCycles.FiscalYear, Cycle.MaxFiscalYear)], error.Reasons);
    }

    [Fact]
    public void Draft_WithAYearTwice_IsRefused()
    {
        var details = Details(years: [new(2027, Money.FromSoles(100_000m)), new(2027, Money.FromSoles(100_000m))]);

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), details));

        Assert.Equal([Messages.YearRepeated.Format(2027)], error.Reasons);
    }

    [Fact]
    public void Draft_WithAYearOfNoAmount_IsRefused()
    {
        var details = Details(years: [new(2026, Money.FromSoles(200_000m)), new(2027, Money.Zero)]);

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), details));

        Assert.Equal([Messages.YearAmountNotPositive.Format(2027)], error.Reasons);
    }

    [Fact]
    public void Draft_WithSeveralProblems_ReportsEachOnce()
    {
        var details = Details(title: "", themeId: 99, cui: "12", beneficiaries: 0);

        var error = Assert.Throws<DomainException>(() => Draft(Setup(), details));

        Assert.Equal(
            [
                Messages.ProposalTitleInvalid.Format(Proposal.MaxTitleLength),
                Messages.ProposalThemeUnknown.Format(),
                Messages.BeneficiariesNotPositive.Format(),
                Messages.CuiInvalid.Format(7),
            ],
            error.Reasons);
    }

    [Fact]
    public void Problems_OfValidDetails_IsEmpty()
    {
        var setup = Setup();

        Assert.Empty(Proposal.Problems(setup.Cycle, Details(), Populations));
    }
}
