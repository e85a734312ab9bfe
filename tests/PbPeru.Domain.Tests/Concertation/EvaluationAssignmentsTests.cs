using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class EvaluationAssignmentsTests
{
    private static readonly string[] Team = ["ana", "beto", "carla"];

    [Fact]
    public void Evenly_GivesEachProposalItsEvaluatorsAndBalancesTheLoad()
    {
        var plan = EvaluationAssignments.Evenly(Enumerable.Range(1, 10), Team, 2, []);

        Assert.Equal(20, plan.Count);
        Assert.All(plan.GroupBy(a => a.ProposalId), g => Assert.Equal(2, g.Select(a => a.EvaluatorUserId).Distinct().Count()));
        var loads = plan.GroupBy(a => a.EvaluatorUserId).Select(g => g.Count()).ToList();
        Assert.Equal(3, loads.Count);
        Assert.True(loads.Max() - loads.Min() <= 1);
    }

    [Fact]
    public void Evenly_SameInputInAnyOrder_GivesTheSamePlan()
    {
        var first = EvaluationAssignments.Evenly([5, 1, 3, 2, 4], ["carla", "ana", "beto"], 2, []);
        var second = EvaluationAssignments.Evenly([1, 2, 3, 4, 5], ["beto", "carla", "ana", "ana"], 2, []);

        Assert.Equal(first, second);
        Assert.Equal(new PlannedAssignment(1, "ana"), first[0]);
        Assert.Equal(new PlannedAssignment(1, "beto"), first[1]);
        Assert.Equal(new PlannedAssignment(2, "carla"), first[2]);
    }

    [Fact]
    public void Evenly_CountsExistingAssignments_AndTopsUpWithoutRepeatingAnEvaluator()
    {
        PlannedAssignment[] existing = [new(1, "ana"), new(2, "ana"), new(3, "ana")];

        var plan = EvaluationAssignments.Evenly([1, 2, 3], Team, 2, existing);

        Assert.Equal(3, plan.Count);
        Assert.DoesNotContain(plan, a => a.EvaluatorUserId == "ana");
        var loads = plan.Concat(existing).GroupBy(a => a.EvaluatorUserId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, loads["ana"]);
        Assert.True(Math.Abs(loads["beto"] - loads["carla"]) <= 1);
    }

    [Fact]
    public void Evenly_ProposalAlreadyCovered_GetsNoMore()
    {
        var plan = EvaluationAssignments.Evenly([1], Team, 1, [new(1, "carla")]);

        Assert.Empty(plan);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Evenly_MoreEvaluatorsPerProposalThanTheTeamOrNone_IsRefused(int perProposal)
    {
        using var culture = CultureScope.English();

        var error = Assert.Throws<DomainException>(() => EvaluationAssignments.Evenly([1], Team, perProposal, []));

        Assert.Equal("Evaluators per proposal must be between 1 and 3.", error.Message);
    }

    [Fact]
    public void Evenly_WithoutEvaluators_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => EvaluationAssignments.Evenly([1], [], 1, []));

        Assert.Equal(Messages.NoEvaluators.Format(), error.Message);
    }
}
