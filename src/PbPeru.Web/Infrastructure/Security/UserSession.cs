namespace PbPeru.Web.Infrastructure.Security;

/// <summary>
/// A signed-in session kept on the server: the sign-in cookie carries only a random key, and the
/// session lives while its row does. Signing out deletes the row, changing the password deletes all
/// of the person's rows: a copied cookie is worthless after either.
/// </summary>
public sealed class UserSession
{
    /// <summary>Hex SHA-256 of the cookie's key: the table alone does not hand out usable keys.</summary>
    public const int IdLength = 64;

    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The serialized authentication ticket (the person's claims and the cookie's properties).</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset ExpiresUtc { get; set; }
}
