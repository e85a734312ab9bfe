using Microsoft.Extensions.Localization;
using PbPeru.Domain.Registration;

namespace PbPeru.Web.Pages.Cycles.Registrations;

/// <summary>The names staff read for registration states and review outcomes.</summary>
public static class ReviewLabels
{
    public static string Of(OrganizationStatus status, IStringLocalizer t) => status switch
    {
        OrganizationStatus.Draft => t["Borrador"],
        OrganizationStatus.Submitted => t["Enviada"],
        OrganizationStatus.Observed => t["Observada"],
        OrganizationStatus.Accepted => t["Aceptada"],
        _ => t["Rechazada"],
    };

    /// <summary>Bootstrap badge classes: the state shows in words too, never by colour alone.</summary>
    public static string BadgeOf(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Submitted => "text-bg-primary",
        OrganizationStatus.Observed => "text-bg-warning",
        OrganizationStatus.Accepted => "text-bg-success",
        OrganizationStatus.Rejected => "text-bg-danger",
        _ => "text-bg-light border",
    };

    public static string Of(ReviewOutcome outcome, IStringLocalizer t) => outcome switch
    {
        ReviewOutcome.Accepted => t["Aceptada"],
        ReviewOutcome.Observed => t["Observada"],
        _ => t["Rechazada"],
    };

    public static string Of(RegistryKind kind, IStringLocalizer t) => kind switch
    {
        RegistryKind.Sunarp => t["Partida registral SUNARP"],
        RegistryKind.MunicipalRegistry => t["Registro municipal"],
        _ => t["RUC"],
    };
}
