using Microsoft.Extensions.Localization;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Jurisdictions;

namespace PbPeru.Web.Pages.Cycles.Approvals;

/// <summary>The bodies named by the cycle's level (CCR and Consejo Regional for a region; CCL and Concejo Municipal for a municipality), and the outcomes.</summary>
public static class ApprovalLabels
{
    public static string BodyOf(ApprovalBody body, Jurisdiction jurisdiction, IStringLocalizer t) => (body, jurisdiction.Level) switch
    {
        (ApprovalBody.CoordinationCouncil, TerritoryLevel.Department) => t["Consejo de Coordinación Regional (CCR)"],
        (ApprovalBody.CoordinationCouncil, TerritoryLevel.Province) => t["Consejo de Coordinación Local Provincial (CCL)"],
        (ApprovalBody.CoordinationCouncil, _) => t["Consejo de Coordinación Local Distrital (CCL)"],
        (_, TerritoryLevel.Department) => t["Consejo Regional"],
        _ => t["Concejo Municipal"],
    };

    public static string OutcomeOf(ApprovalOutcome outcome, IStringLocalizer t) => outcome switch
    {
        ApprovalOutcome.Approved => t["Aprobada"],
        ApprovalOutcome.Observed => t["Observada"],
        _ => t["Rechazada"],
    };

    public static string BadgeOf(ApprovalOutcome outcome) => outcome switch
    {
        ApprovalOutcome.Approved => "text-bg-success",
        ApprovalOutcome.Observed => "text-bg-warning",
        _ => "text-bg-danger",
    };

    /// <summary>What the note is, by outcome: observations, the reason, or a remark.</summary>
    public static string NoteLabelOf(ApprovalOutcome outcome, IStringLocalizer t) => outcome switch
    {
        ApprovalOutcome.Observed => t["Observaciones"],
        ApprovalOutcome.Rejected => t["Motivo del rechazo"],
        _ => t["Comentario"],
    };
}
