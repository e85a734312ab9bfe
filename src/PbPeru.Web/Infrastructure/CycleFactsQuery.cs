using PbPeru.Domain.Cycles;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Reads from the database what the phase gates need to know beyond the cycle itself.
/// </summary>
public sealed class CycleFactsQuery
{
    public Task<CycleFacts> ForAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;

        // Placeholders, each standing open until the issue that builds what it checks replaces it
        // with a query: organizations, agents and quotas (#3), proposals and evaluation (#4),
        // coordination (#5), the final vote (#6), committee, acta and approvals (#7). Until then
        // the demo cycle can be walked through every phase. The gates themselves are complete
        // and tested in the domain.
        var rules = cycle.AccreditationRules;
        return Task.FromResult(new CycleFacts
        {
            FinalAgentListPublished = true, // #3
            AccreditedAgents = rules.MinimumAccreditedAgents, // #3
            AccreditedTitulars = 1, // #3: a list that meets any quota
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
