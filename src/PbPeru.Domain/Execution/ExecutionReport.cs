using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Execution;

/// <summary>What the committee writes when it issues a periodic report: the period and its conclusions.</summary>
public sealed record ExecutionReportInput(DateOnly PeriodStart, DateOnly PeriodEnd, string? Summary);

/// <summary>
/// A periodic report of the oversight committee on the execution of the cycle's approved projects:
/// numbered 1, 2, … per cycle, issued once and never changed. <see cref="Content"/> is the snapshot of
/// everything printed (each project's state, progress, amount spent and observations as of the
/// period's end, and the members), so the page and the PDF always show what was issued.
/// </summary>
public sealed class ExecutionReport
{
    public const int MaxSummaryLength = 4000;
    public const int MaxContentLength = 4_000_000;
    public const int CreationKeyLength = 32;

    private ExecutionReport()
    {
        Summary = "";
        Content = "";
        CreationKey = "";
        IssuedByUserId = "";
        IssuedBy = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public int Number { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The JSON snapshot the page and the PDF print.</summary>
    public string Content { get; private set; }

    public string CreationKey { get; private set; }

    public string IssuedByUserId { get; private set; }

    public string IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>
    /// Issues report <paramref name="number"/>. Refused for anyone not on this cycle's committee, before
    /// the results are published, for a period ending after <paramref name="today"/> or starting after
    /// it ends, and without conclusions. <paramref name="content"/> builds the snapshot once the input holds.
    /// </summary>
    public static ExecutionReport Issue(
        Cycle cycle, Actor actor, bool isCommitteeMember, int number, ExecutionReportInput input,
        Func<ExecutionReportInput, string> content, string creationKey, DateOnly today, DateTimeOffset now)
    {
        if (!isCommitteeMember)
        {
            throw new DomainException(Messages.ExecutionReportOnlyCommittee.Format());
        }

        if (cycle.Phase is not (Phase.Published or Phase.Closed))
        {
            throw new DomainException(Messages.ExecutionOnlyOncePublished.Format());
        }

        var problems = Problems(input, today).ToList();
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        var normalized = input with { Summary = input.Summary!.Trim() };
        return new ExecutionReport
        {
            CycleId = cycle.Id,
            Number = number,
            PeriodStart = input.PeriodStart,
            PeriodEnd = input.PeriodEnd,
            Summary = normalized.Summary!,
            Content = content(normalized),
            CreationKey = creationKey,
            IssuedByUserId = actor.UserId,
            IssuedBy = actor.DisplayName,
            IssuedAt = now.ToUniversalTime(),
        };
    }

    public static IEnumerable<string> Problems(ExecutionReportInput input, DateOnly today)
    {
        if (input.PeriodStart > input.PeriodEnd)
        {
            yield return Messages.ExecutionReportPeriodOrder.Format();
        }

        if (input.PeriodEnd > today)
        {
            yield return Messages.ExecutionReportPeriodInFuture.Format();
        }

        var summary = input.Summary?.Trim() ?? "";
        if (summary.Length == 0)
        {
            yield return Messages.ExecutionReportSummaryRequired.Format(MaxSummaryLength);
        }
        else if (summary.Length > MaxSummaryLength)
        {
            yield return Messages.ExecutionReportSummaryTooLong.Format(MaxSummaryLength);
        }
    }
}
