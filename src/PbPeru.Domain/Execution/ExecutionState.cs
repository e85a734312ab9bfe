namespace PbPeru.Domain.Execution;

/// <summary>Where an approved project stands in its execution, as the committee or staff last recorded it.</summary>
public enum ExecutionState
{
    /// <summary>Nothing recorded yet, or recorded as not started.</summary>
    NotStarted = 0,

    /// <summary>In the selection process (licitación / concurso).</summary>
    InTender = 1,

    /// <summary>Works or services under way.</summary>
    InExecution = 2,

    /// <summary>Finished (obra culminada).</summary>
    Finished = 3,

    /// <summary>Stopped (paralizada).</summary>
    Suspended = 4,
}
