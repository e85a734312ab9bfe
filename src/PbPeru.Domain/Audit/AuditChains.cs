using System.Globalization;

namespace PbPeru.Domain.Audit;

/// <summary>The names of the chains: one per cycle, and one for what belongs to no cycle.</summary>
public static class AuditChains
{
    public const string General = "general";

    public static string ForCycle(int cycleId) => string.Create(CultureInfo.InvariantCulture, $"cycle:{cycleId}");

    public static string For(int? cycleId) => cycleId is { } id ? ForCycle(id) : General;
}

/// <summary>The action codes: stable English identifiers, part of every line's hash, never renamed.</summary>
public static class AuditActions
{
    public const string PhaseMoved = "phase.moved";
    public const string AccreditationDecided = "accreditation.decided";
    public const string EvaluationRecorded = "evaluation.recorded";
    public const string AgreementRecorded = "agreement.recorded";
    public const string BallotCast = "ballot.cast";
    public const string ExportDownloaded = "export.downloaded";
}
