using Microsoft.Extensions.Localization;
using PbPeru.Domain.Execution;

namespace PbPeru.Web.Infrastructure.Execution;

/// <summary>How the pages name an execution state.</summary>
public static class ExecutionLabels
{
    public static string StateOf(ExecutionState state, IStringLocalizer t) => state switch
    {
        ExecutionState.NotStarted => t["No iniciado"],
        ExecutionState.InTender => t["En proceso de selección"],
        ExecutionState.InExecution => t["En ejecución"],
        ExecutionState.Finished => t["Terminado"],
        _ => t["Paralizado"],
    };

    /// <summary>A CSS badge class per state.</summary>
    public static string BadgeOf(ExecutionState state) => state switch
    {
        ExecutionState.Finished => "text-bg-success",
        ExecutionState.InExecution => "text-bg-primary",
        ExecutionState.InTender => "text-bg-info",
        ExecutionState.Suspended => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}

/// <summary>What the timeline partial shows: a project's follow-up and where its files are served (the attachment id is appended).</summary>
public sealed record ExecutionTimelineView(PbPeru.Domain.Execution.ProjectExecution? FollowUp, string FileUrlPrefix);
