using System.Globalization;

namespace PbPeru.Domain.Common;

/// <summary>
/// A message the domain tells a person, in Spanish (the default) and English. The language is the
/// current UI culture, which the web app sets per request.
/// </summary>
public sealed record Text(string Es, string En)
{
    public string Format(params object?[] args)
    {
        var template = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Es;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }

    public override string ToString() => Format();
}
