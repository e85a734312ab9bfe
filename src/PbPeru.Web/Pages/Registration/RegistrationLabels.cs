using Microsoft.Extensions.Localization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Registration;

/// <summary>The names people read for an organization's and an agent's options and states.</summary>
public static class RegistrationLabels
{
    public static IReadOnlyList<OrganizationType> Types { get; } = Enum.GetValues<OrganizationType>();

    public static IReadOnlyList<RegistryKind> RegistryKinds { get; } = Enum.GetValues<RegistryKind>();

    /// <summary>Named as in the representation statistics, so that a type reads the same everywhere.</summary>
    public static string Of(OrganizationType type, IStringLocalizer t) => RepresentationLabels.Of(type, t);

    public static string Of(RegistryKind kind, IStringLocalizer t) => kind switch
    {
        RegistryKind.Sunarp => t["Partida registral de SUNARP"],
        RegistryKind.MunicipalRegistry => t["Registro municipal de organizaciones sociales"],
        _ => t["RUC (SUNAT)"],
    };

    public static string Of(OrganizationStatus status, IStringLocalizer t) => status switch
    {
        OrganizationStatus.Draft => t["Borrador: aún no enviada"],
        OrganizationStatus.Submitted => t["Enviada: en revisión"],
        OrganizationStatus.Observed => t["Observada: debe corregir"],
        OrganizationStatus.Accepted => t["Aceptada"],
        _ => t["Rechazada"],
    };

    public static string Of(ReviewOutcome outcome, IStringLocalizer t) => outcome switch
    {
        ReviewOutcome.Accepted => t["Aceptada"],
        ReviewOutcome.Observed => t["Observada"],
        _ => t["Rechazada"],
    };

    public static string Of(Sex sex, IStringLocalizer t) => sex == Sex.Female ? t["Mujer"] : t["Hombre"];

    public static string Of(AgentRole role, IStringLocalizer t) => role == AgentRole.Titular ? t["Titular"] : t["Suplente"];

    /// <summary>Bootstrap's badge colours: what needs the representative stands out.</summary>
    public static string BadgeClass(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Draft => "text-bg-secondary",
        OrganizationStatus.Submitted => "text-bg-info",
        OrganizationStatus.Observed => "text-bg-warning",
        OrganizationStatus.Accepted => "text-bg-success",
        _ => "text-bg-danger",
    };
}
