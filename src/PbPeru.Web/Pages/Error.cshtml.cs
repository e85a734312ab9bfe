using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PbPeru.Web.Pages;

/// <summary>A generic error page: what happened in plain words, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
// A failed POST is re-executed here as a POST: this page changes nothing and only shows a
// message, so it must not fail a second time on the request's (perhaps missing) token.
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            404 => (t["Página no encontrada"].Value, t["La página que busca no existe o fue movida."].Value),
            403 => (t["Acceso denegado"].Value, t["No tiene permiso para ver esta página."].Value),
            400 => (t["Solicitud no válida"].Value, t["La solicitud no se pudo procesar. Vuelva a la página anterior e inténtelo de nuevo."].Value),
            429 => (t["Demasiadas solicitudes"].Value, t["Hubo demasiados intentos seguidos. Espere {0} segundos y vuelva a intentarlo.", Response.Headers.RetryAfter.ToString() is { Length: > 0 } seconds ? seconds : "60"].Value),
            _ => (t["Ocurrió un error"].Value, t["No pudimos completar su solicitud. Inténtelo de nuevo en unos minutos."].Value),
        };
        RequestId = code is null or >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
    }
}
