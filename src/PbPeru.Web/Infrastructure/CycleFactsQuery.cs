using PbPeru.Domain.Cycles;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Reads from the database what the phase gates need to know beyond the cycle itself.
/// </summary>
public sealed class CycleFactsQuery
{
    public Task<CycleFacts> ForAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        // Placeholders: organizations, agents, proposals, coordination, the vote and the documents
        // are built by later issues (#3 preparation, #4 concertation, #5 coordination, #6 vote,
        // #7 formalization). Until each lands, its part of the gate stands open, so the demo
        // cycle can be walked through every phase; each issue replaces its line with a query.
        _ = cycle;
        _ = cancellationToken;
        return Task.FromResult(new CycleFacts
        {
            FinalAgentListPublished = true, // #3
            AccreditedAgents = int.MaxValue, // #3
            AccreditedTitulars = 1, // #3
            AccreditedWomenTitulars = 1, // #3
            ProposalsAwaitingEvaluation = 0, // #4
            RecommendationPublished = true, // #4
            CoordinationMinutesRecorded = true, // #5
            UnresolvedOverlaps = 0, // #5
            ResultComputed = true, // #6
            OversightCommitteeElected = true, // #7
            ActaIssued = true, // #7
            ApprovalsRecorded = true, // #7
        });
    }
}
