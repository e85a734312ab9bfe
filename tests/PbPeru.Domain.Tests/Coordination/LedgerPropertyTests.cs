using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using static PbPeru.Domain.Tests.Coordination.CoordinationFixture;

namespace PbPeru.Domain.Tests.Coordination;

/// <summary>
/// For any sequence of agreements, valid and invalid mixed: after every accepted one the shares of
/// each active project add up to its cost, no government's shares pass its ceiling, every project is
/// on exactly one list or none and counted once, and a refused one changes nothing.
/// </summary>
[Trait("Capability", "Coordination")]
public class LedgerPropertyTests
{
    /// <summary>One attempted agreement: a kind, a meeting, who records it, and numbers it draws its arguments from.</summary>
    public sealed record Step(int Kind, int Meeting, int Recorder, int A, int B, int C, int Percent);

    private static readonly Actor[] Recorders = [RegionManager, UrubambaManager, ChincheroManager, HuayllabambaManager, CuscoProvinceManager];

    private static Gen<Step> StepGen =>
        from kind in Gen.Choose(0, 5)
        from meeting in Gen.Choose(1, 3)
        from recorder in Gen.Choose(0, Recorders.Length - 1)
        from a in Gen.Choose(1, 10)
        from b in Gen.Choose(1, 10)
        from c in Gen.Choose(1, 6)
        from percent in Gen.Choose(-10, 110)
        select new Step(kind, meeting, recorder, a, b, c, percent);

    [Property(MaxTest = 200)]
    public Property AnySequenceOfAgreements_KeepsTheLedgerConsistent() =>
        Prop.ForAll(Gen.ListOf(StepGen, 25).ToArbitrary(), steps =>
        {
            var space = Space();
            var accepted = 0;
            foreach (var step in steps)
            {
                var before = Fingerprint(space);
                try
                {
                    Attempt(space, step);
                    accepted++;
                }
                catch (DomainException)
                {
                    Assert.Equal(before, Fingerprint(space));
                }

                AssertConsistent(space);
            }

            return accepted >= 0;
        });

    [Fact]
    public void SeededSequences_KeepTheLedgerConsistent_AndSomeAreAccepted()
    {
        var random = new Random(20260610);
        var accepted = 0;
        for (var run = 0; run < 100; run++)
        {
            var space = Space();
            for (var i = 0; i < 30; i++)
            {
                var step = new Step(random.Next(6), random.Next(1, 3), random.Next(4), random.Next(1, 10), random.Next(1, 10), random.Next(1, 6), random.Next(0, 101));
                try
                {
                    Attempt(space, step);
                    accepted++;
                }
                catch (DomainException)
                {
                }

                AssertConsistent(space);
            }
        }

        Assert.True(accepted > 100, $"Only {accepted} agreements were accepted: the generator explores too little.");
    }

    private static void Attempt(CoordinationSpace space, Step step)
    {
        var actor = Recorders[step.Recorder];
        var project = space.State.Project(step.A);
        var cost = project?.Project.Cost ?? Soles(100_000m);
        switch (step.Kind)
        {
            case 0:
                var first = Money.FromCentimos(cost.Centimos * step.Percent / 100);
                var owner = project?.OwnerCycleId ?? step.C;
                var other = step.C == owner ? (step.C % 5) + 1 : step.C;
                space.AgreeCofinancing(step.Meeting, step.A, [new(owner, first), new(other, cost - first + (step.B == 1 ? Soles(1m) : Money.Zero))], actor, Now);
                break;
            case 1:
                space.AgreeTransfer(step.Meeting, step.A, step.C, actor, Now);
                break;
            case 2:
                space.AgreeMerge(step.Meeting, [step.A, step.B], $"Proyecto fusionado {step.A}-{step.B}", Money.FromCentimos(Math.Max(1, cost.Centimos * step.Percent / 100)), step.C, actor, Now);
                break;
            case 3:
                space.RejectForReach(step.Meeting, step.A, step.B == 1 ? "" : "Sin alcance suficiente.", actor, Now);
                break;
            case 4:
                space.KeepSeparate(step.Meeting, step.A, step.B, "", actor, Now);
                break;
            default:
                space.Revoke(step.Meeting, step.A, "Se deja sin efecto.", actor, Now);
                break;
        }
    }

    private static void AssertConsistent(CoordinationSpace space)
    {
        var state = space.State;
        foreach (var project in state.Projects)
        {
            if (project.IsActive)
            {
                Assert.Equal(project.Project.Cost, project.Shares.Aggregate(Money.Zero, (sum, s) => sum + s.Amount));
                Assert.Equal(project.Shares.Count, project.Shares.Select(s => s.CycleId).Distinct().Count());
                Assert.All(project.Shares, s => Assert.True(s.Amount.IsPositive));
            }
            else
            {
                Assert.Empty(project.Shares);
            }
        }

        foreach (var cycle in space.Cycles)
        {
            Assert.True(state.Committed(cycle.CycleId) <= cycle.Ceiling, $"{cycle.GovernmentName} is over its ceiling.");
        }

        var listed = space.Cycles.SelectMany(c => state.ListOf(c.CycleId)).Select(p => p.Number).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(state.Active.Select(p => p.Number).Order(), listed.Order());
        var committed = space.Cycles.Aggregate(Money.Zero, (sum, c) => sum + state.Committed(c.CycleId));
        Assert.Equal(state.Active.Aggregate(Money.Zero, (sum, p) => sum + p.Project.Cost), committed);
        Assert.Equal(Describe(state), Describe(CoordinationLedger.Fold(space.Cycles, space.Projects, space.Agreements)));
    }

    private static string Fingerprint(CoordinationSpace space) => string.Join(
        " | ",
        space.Agreements.Count,
        space.Projects.Count,
        Describe(space.State));

    private static string Describe(CoordinationState state) =>
        string.Join(";", state.Projects.Select(p => $"{p.Number}:{p.IsActive}:{p.OwnerCycleId}:{string.Join(",", p.Shares.Select(s => $"{s.CycleId}={s.Amount.Centimos}"))}"));
}
