using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Execution;

namespace PbPeru.Domain.Tests.Execution;

/// <summary>
/// The follow-up of a project's execution through the domain: who may record, when, the input rules
/// (progress, amount, date order, suspension's reason), the history kept as a sequence of entries,
/// the state as of a moment, and the committee's report.
/// </summary>
[Trait("Capability", "PublicResults")]
public sealed class ProjectExecutionTests
{
    private static readonly DateOnly Today = new(2028, 5, 20);
    private static readonly DateTimeOffset Now = new(2028, 5, 20, 10, 0, 0, TimeSpan.FromHours(-5));
    private static readonly Actor Stranger = new("otro", "Persona Ajena", new HashSet<string> { "150101" });

    private readonly Cycle _cycle = TestCycles.InPhase(Phase.Published);

    private static ExecutionEntryInput Input(
        ExecutionState state = ExecutionState.InExecution, int progress = 40, decimal spent = 125_000.50m,
        DateOnly? tender = null, DateOnly? start = null, DateOnly? plannedEnd = null, DateOnly? actualEnd = null, string? observations = null) =>
        new(state, progress, Money.FromSoles(spent),
            new ExecutionMilestones(tender ?? new DateOnly(2028, 1, 10), start ?? new DateOnly(2028, 2, 1), plannedEnd ?? new DateOnly(2028, 9, 30), actualEnd),
            observations);

    private ExecutionEntry Record(ProjectExecution followUp, ExecutionEntryInput input, Actor? actor = null, bool member = false, DateTimeOffset? at = null, IReadOnlyList<ExecutionFile>? files = null) =>
        followUp.Record(_cycle, actor ?? TestCycles.Manager, member, input, files ?? [], Guid.NewGuid().ToString("N"), Today, at ?? Now);

    [Fact]
    public void Updates_AreKeptAsAHistory_AndTheLatestIsTheCurrentState()
    {
        var followUp = ProjectExecution.Start(_cycle, 2, Now);
        Record(followUp, Input(ExecutionState.InTender, 0, 0, start: null) with { Milestones = new ExecutionMilestones(new DateOnly(2028, 1, 10), null, null, null) }, at: Now.AddDays(-30));
        var second = Record(followUp, Input(observations: "  Avance conforme al cronograma.  "), Stranger, member: true,
            files: [new ExecutionFile("obra.jpg", "k1.jpg", "image/jpeg", 10, new string('a', 64)), new ExecutionFile("valorización.pdf", "k2.pdf", "application/pdf", 20, new string('b', 64))]);

        Assert.Equal([1, 2], followUp.Entries.Select(e => e.Sequence));
        Assert.Same(second, followUp.Latest);
        Assert.Equal(ExecutionState.InExecution, followUp.Latest!.State);
        Assert.Equal(Money.FromSoles(125_000.50m), second.Spent);
        Assert.Equal("Avance conforme al cronograma.", second.Observations);
        Assert.True(second.RecordedAsCommittee);
        Assert.Equal("Persona Ajena", second.RecordedBy);
        Assert.Equal([ExecutionAttachmentKind.Photo, ExecutionAttachmentKind.Document], second.Attachments.Select(a => a.Kind));
        Assert.Same(second, followUp.WithCreationKey(second.CreationKey));

        Assert.Equal(ExecutionState.InTender, followUp.LatestAsOf(Now.AddDays(-1))!.State);
        Assert.Null(followUp.LatestAsOf(Now.AddDays(-31)));
        Assert.Single(followUp.Between(Now.AddDays(-1), Now.AddDays(1)));
    }

    [Fact]
    public void SomeoneNeitherOnTheCommitteeNorManaging_IsRefused()
    {
        var followUp = ProjectExecution.Start(_cycle, 1, Now);
        var e = Assert.Throws<DomainException>(() => Record(followUp, Input(), Stranger, member: false));
        Assert.Equal(Messages.ExecutionNotAllowed.Format(), e.Message);
        Assert.Empty(followUp.Entries);
    }

    [Theory]
    [InlineData(Phase.Formalization)]
    [InlineData(Phase.Coordination)]
    public void BeforeTheResultsArePublished_IsRefused(Phase phase)
    {
        var cycle = TestCycles.InPhase(phase);
        var followUp = ProjectExecution.Start(cycle, 1, Now);
        var e = Assert.Throws<DomainException>(() => followUp.Record(cycle, TestCycles.Manager, false, Input(), [], "k", Today, Now));
        Assert.Equal(Messages.ExecutionOnlyOncePublished.Format(), e.Message);
    }

    [Fact]
    public void BadInput_GivesEveryReason_AndRecordsNothing()
    {
        var followUp = ProjectExecution.Start(_cycle, 1, Now);
        var e = Assert.Throws<DomainException>(() => Record(followUp, new ExecutionEntryInput(
            ExecutionState.Finished, 101, Money.FromSoles(-1m),
            new ExecutionMilestones(new DateOnly(2028, 3, 1), new DateOnly(2028, 2, 1), new DateOnly(2028, 1, 1), null),
            new string('x', ProjectExecution.MaxObservationsLength + 1))));
        Assert.Contains(Messages.ExecutionProgressOutOfRange.Format(), e.Reasons);
        Assert.Contains(Messages.ExecutionSpentNegative.Format(), e.Reasons);
        Assert.Contains(Messages.ExecutionActualEndRequired.Format(), e.Reasons);
        Assert.Contains(Messages.ExecutionTenderAfterStart.Format(), e.Reasons);
        Assert.Contains(Messages.ExecutionPlannedEndBeforeStart.Format(), e.Reasons);
        Assert.Contains(Messages.ExecutionObservationsTooLong.Format(ProjectExecution.MaxObservationsLength), e.Reasons);
        Assert.Empty(followUp.Entries);
    }

    [Fact]
    public void DateRules_ActualEndBeforeStart_FutureDates_StartRequired()
    {
        var followUp = ProjectExecution.Start(_cycle, 1, Now);
        var e = Assert.Throws<DomainException>(() => Record(followUp, Input(ExecutionState.Finished, 100, actualEnd: new DateOnly(2028, 1, 15))));
        Assert.Equal([Messages.ExecutionActualEndBeforeStart.Format()], e.Reasons);

        e = Assert.Throws<DomainException>(() => Record(followUp, Input(start: Today.AddDays(1), plannedEnd: Today.AddDays(90))));
        Assert.Equal([Messages.ExecutionDateInFuture.Format()], e.Reasons);

        e = Assert.Throws<DomainException>(() => Record(followUp, Input() with { Milestones = ExecutionMilestones.None }));
        Assert.Equal([Messages.ExecutionStartRequired.Format()], e.Reasons);
    }

    [Fact]
    public void NotStartedWithProgress_AndSuspendedWithoutReason_AreRefused()
    {
        var followUp = ProjectExecution.Start(_cycle, 1, Now);
        var e = Assert.Throws<DomainException>(() => Record(followUp, Input(ExecutionState.NotStarted, 10)));
        Assert.Equal([Messages.ExecutionNotStartedWithProgress.Format()], e.Reasons);

        e = Assert.Throws<DomainException>(() => Record(followUp, Input(ExecutionState.Suspended, observations: "   ")));
        Assert.Equal([Messages.ExecutionSuspendedNeedsReason.Format()], e.Reasons);

        Record(followUp, Input(ExecutionState.Suspended, observations: "Paralizada por lluvias."));
        Record(followUp, Input(ExecutionState.Finished, 100, 480_000m, actualEnd: Today));
        Assert.Equal(2, followUp.Entries.Count);
    }

    [Fact]
    public void TooManyFiles_AreRefused()
    {
        var followUp = ProjectExecution.Start(_cycle, 1, Now);
        var files = Enumerable.Range(0, ProjectExecution.MaxFilesPerEntry + 1).Select(i => new ExecutionFile($"f{i}.png", $"k{i}.png", "image/png", 1, new string('c', 64))).ToList();
        var e = Assert.Throws<DomainException>(() => Record(followUp, Input(), files: files));
        Assert.Equal([Messages.ExecutionTooManyFiles.Format(ProjectExecution.MaxFilesPerEntry)], e.Reasons);
    }

    [Fact]
    public void Report_IsIssuedByTheCommitteeOnly_WithAValidPeriodAndConclusions()
    {
        var input = new ExecutionReportInput(new DateOnly(2028, 1, 1), new DateOnly(2028, 3, 31), "  Dos proyectos avanzan; uno está paralizado.  ");
        var e = Assert.Throws<DomainException>(() => ExecutionReport.Issue(_cycle, TestCycles.Manager, false, 1, input, _ => "{}", "k", Today, Now));
        Assert.Equal(Messages.ExecutionReportOnlyCommittee.Format(), e.Message);

        e = Assert.Throws<DomainException>(() => ExecutionReport.Issue(_cycle, Stranger, true, 1, new ExecutionReportInput(Today, Today.AddDays(-1), ""), _ => "{}", "k", Today, Now));
        Assert.Contains(Messages.ExecutionReportPeriodOrder.Format(), e.Reasons);
        Assert.Contains(Messages.ExecutionReportSummaryRequired.Format(ExecutionReport.MaxSummaryLength), e.Reasons);

        e = Assert.Throws<DomainException>(() => ExecutionReport.Issue(_cycle, Stranger, true, 1, input with { PeriodEnd = Today.AddDays(1) }, _ => "{}", "k", Today, Now));
        Assert.Equal([Messages.ExecutionReportPeriodInFuture.Format()], e.Reasons);

        var report = ExecutionReport.Issue(_cycle, Stranger, true, 3, input, i => $"[{i.Summary}]", "k", Today, Now);
        Assert.Equal(3, report.Number);
        Assert.Equal("Dos proyectos avanzan; uno está paralizado.", report.Summary);
        Assert.Equal("[Dos proyectos avanzan; uno está paralizado.]", report.Content);
        Assert.Equal("Persona Ajena", report.IssuedBy);
    }
}
