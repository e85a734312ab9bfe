namespace PbPeru.Domain.Cycles;

/// <summary>
/// What the phase gates need to know that lives outside the cycle itself: the accredited list,
/// the proposals, the coordination record, the final vote and the documents. The web layer reads
/// them from the database; tests build them by hand.
/// </summary>
public sealed record CycleFacts
{
    public bool FinalAgentListPublished { get; init; }

    public int AccreditedAgents { get; init; }

    public int AccreditedTitulars { get; init; }

    public int AccreditedWomenTitulars { get; init; }

    /// <summary>The manager recorded why a soft quota is not met.</summary>
    public bool QuotaShortfallJustified { get; init; }

    public int ProposalsAwaitingEvaluation { get; init; }

    public bool RecommendationPublished { get; init; }

    public bool CoordinationMinutesRecorded { get; init; }

    public int UnresolvedOverlaps { get; init; }

    public bool ResultComputed { get; init; }

    public bool OversightCommitteeElected { get; init; }

    public bool ActaIssued { get; init; }

    public bool ApprovalsRecorded { get; init; }
}
