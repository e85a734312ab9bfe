using Microsoft.Extensions.Localization;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Pages.Admin;

/// <summary>The words the administration pages use for roles, territorial levels and governments.</summary>
public static class AdminLabels
{
    public static string Role(string role, IStringLocalizer t) => role switch
    {
        Roles.Administrator => t["Administrador"],
        Roles.CycleManager => t["Responsable del ciclo (equipo de conducción)"],
        Roles.TechnicalTeam => t["Equipo técnico"],
        Roles.OrganizationRepresentative => t["Representante de organización"],
        Roles.Agent => t["Agente participante"],
        Roles.OversightCommittee => t["Comité de vigilancia"],
        _ => role,
    };

    public static string Level(TerritoryLevel level, IStringLocalizer t) => level switch
    {
        TerritoryLevel.Department => t["Departamento"],
        TerritoryLevel.Province => t["Provincia"],
        _ => t["Distrito"],
    };

    public static string Government(GovernmentLevel? government, IStringLocalizer t) => government switch
    {
        GovernmentLevel.Regional => t["Gobierno regional"],
        GovernmentLevel.Provincial => t["Municipalidad provincial"],
        GovernmentLevel.District => t["Municipalidad distrital"],
        _ => t["Capital de provincia: la gobierna la municipalidad provincial"],
    };
}
