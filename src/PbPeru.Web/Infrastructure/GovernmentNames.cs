using Microsoft.Extensions.Localization;
using PbPeru.Domain.Jurisdictions;

namespace PbPeru.Web.Infrastructure;

public static class GovernmentNames
{
    /// <summary>"Gobierno Regional de Cusco", "Municipalidad Provincial de Urubamba"…</summary>
    public static string Of(Jurisdiction j, IStringLocalizer t) => j.Government switch
    {
        GovernmentLevel.Regional => t["Gobierno Regional de {0}", j.Name],
        GovernmentLevel.Provincial => t["Municipalidad Provincial de {0}", j.Name],
        GovernmentLevel.District => t["Municipalidad Distrital de {0}", j.Name],
        _ => t["{0} (capital de provincia: la gobierna la municipalidad provincial)", j.Name],
    };
}
