using Microsoft.Extensions.Localization;
using PbPeru.Domain.Concertation;

namespace PbPeru.Web.Pages.Proposals;

/// <summary>Where a submitted proposal stands, as the proposer and the public see it.</summary>
public enum PublicState
{
    InEvaluation = 0,
    Observed = 1,
    Viable = 2,
    NotViable = 3,
    Recommended = 4,
}

public static class ProposalStates
{
    /// <summary>
    /// The state from the review's outcome, or — once the technical report is published — from the
    /// report's entry (recommended when selected within the ceiling).
    /// </summary>
    public static PublicState Of(ReviewOutcome? outcome, TechnicalReportEntry? reported)
    {
        if (reported is not null)
        {
            return reported.Selected ? PublicState.Recommended
                : reported.Verdict == Viability.Viable ? PublicState.Viable
                : PublicState.NotViable;
        }

        return outcome switch
        {
            { Status: ReviewStatus.Observed } => PublicState.Observed,
            { IsEvaluated: true, Verdict: Viability.Viable } => PublicState.Viable,
            { IsEvaluated: true, Verdict: Viability.NotViable } => PublicState.NotViable,
            _ => PublicState.InEvaluation,
        };
    }

    public static string Label(PublicState state, IStringLocalizer t) => state switch
    {
        PublicState.InEvaluation => t["En evaluación"],
        PublicState.Observed => t["Observada"],
        PublicState.Viable => t["Viable"],
        PublicState.NotViable => t["No viable"],
        _ => t["Recomendada"],
    };

    public static string Badge(PublicState state) => state switch
    {
        PublicState.InEvaluation => "text-bg-info",
        PublicState.Observed => "text-bg-warning",
        PublicState.Viable => "text-bg-success",
        PublicState.NotViable => "text-bg-danger",
        _ => "text-bg-primary",
    };

    /// <summary>The state's value in the catalogue's filter (?state=…).</summary>
    public static string Slug(PublicState state) => state switch
    {
        PublicState.InEvaluation => "evaluacion",
        PublicState.Observed => "observada",
        PublicState.Viable => "viable",
        PublicState.NotViable => "no-viable",
        _ => "recomendada",
    };

    public static PublicState? FromSlug(string? slug) =>
        Enum.GetValues<PublicState>().Cast<PublicState?>().FirstOrDefault(s => Slug(s!.Value) == slug);
}
