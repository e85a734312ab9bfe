using Microsoft.Extensions.Localization;
using PbPeru.Domain.Concertation;

namespace PbPeru.Web.Infrastructure;

/// <summary>The names people read for the technical evaluation's states and verdicts.</summary>
public static class EvaluationLabels
{
    public static string Of(ReviewStatus status, IStringLocalizer t) => status switch
    {
        ReviewStatus.Unassigned => t["Sin asignar"],
        ReviewStatus.InProgress => t["En evaluación"],
        ReviewStatus.Observed => t["Observada"],
        ReviewStatus.Disagreement => t["Discrepancia"],
        _ => t["Evaluada"],
    };

    /// <summary>Bootstrap badge classes: the state shows in words too, never by colour alone.</summary>
    public static string BadgeOf(ReviewStatus status) => status switch
    {
        ReviewStatus.Unassigned => "text-bg-light border",
        ReviewStatus.InProgress => "text-bg-primary",
        ReviewStatus.Observed => "text-bg-warning",
        ReviewStatus.Disagreement => "text-bg-danger",
        _ => "text-bg-success",
    };

    public static string Of(Viability viability, IStringLocalizer t) => viability switch
    {
        Viability.Viable => t["Viable"],
        Viability.Observed => t["Observada"],
        _ => t["No viable"],
    };

    /// <summary>A score as shown: two decimals, in the reader's culture.</summary>
    public static string Score(decimal? score) =>
        score is { } s ? Consolidation.Round(s).ToString("0.00", System.Globalization.CultureInfo.CurrentCulture) : "—";

    public static string Mean(decimal? mean) =>
        mean is { } m ? Consolidation.Round(m).ToString("0.##", System.Globalization.CultureInfo.CurrentCulture) : "—";
}
