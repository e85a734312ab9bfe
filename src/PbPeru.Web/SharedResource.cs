namespace PbPeru.Web;

/// <summary>
/// Marker for the app's one string table. Keys are the Spanish text itself, so Spanish needs no
/// resource file; <c>Resources/SharedResource.en.resx</c> holds the English.
/// </summary>
public sealed class SharedResource;
