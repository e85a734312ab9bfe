using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PbPeru.Web.Pages.Cycles.Invitations;

/// <summary>
/// The secret of an agent's invitation link: 32 random bytes in base64url. Only its SHA-256 (hex)
/// is stored, so the database alone cannot be used to sign in as an agent.
/// </summary>
public static class InvitationTokens
{
    public const string Path = "/Account/Invitation";

    /// <summary>A new secret and the hash to store.</summary>
    public static (string Token, string Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    /// <summary>The link an agent opens: <c>App:BaseUrl</c> when set (behind a proxy), else this request's address.</summary>
    public static string Link(HttpRequest request, IConfiguration configuration, string token)
    {
        var baseUrl = configuration["App:BaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return $"{baseUrl.TrimEnd('/')}{Path}?token={Uri.EscapeDataString(token)}";
    }
}
