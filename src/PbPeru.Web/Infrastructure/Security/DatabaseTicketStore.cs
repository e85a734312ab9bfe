using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.Security;

/// <summary>
/// Keeps sign-in tickets in the <c>Sessions</c> table; the cookie holds only a random key. One
/// primary-key lookup per signed-in request; expired rows are swept at each new sign-in.
/// </summary>
/// <remarks>
/// Each call works in its own scope, so a page's unsaved changes never ride along with a session
/// write. A new sign-in always gets a new key, even over a session the browser already had (see
/// <see cref="SessionKeyRotation"/>): a key planted by someone else is never promoted to the
/// victim's session.
/// </remarks>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    /// <summary>Set on the request by the cookie's SigningIn event: the next renewal is a sign-in, not a refresh.</summary>
    internal const string SigningInItem = "PbPeru.Session.SigningIn";

    /// <summary>The (old, new) keys of a session rotated at sign-in, for <see cref="SessionKeyRotation"/>.</summary>
    internal const string RotatedItem = "PbPeru.Session.Rotated";

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Opportunistic sweep: sign-ins are rare next to page views, and the index makes this cheap.
        var now = clock.GetUtcNow();
        await db.Sessions.Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync(cancellationToken);

        var key = NewKey();
        db.Sessions.Add(Row(key, ticket));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        // A refresh (sliding expiration, a new security stamp) of a session that still exists; one
        // ended in the meantime (signed out elsewhere, password changed) stays ended.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = Row(key, ticket);
        await db.Sessions.Where(s => s.Id == row.Id).ExecuteUpdateAsync(
            set => set.SetProperty(s => s.Ticket, row.Ticket).SetProperty(s => s.ExpiresUtc, row.ExpiresUtc),
            cancellationToken);
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!httpContext.Items.Remove(SigningInItem))
        {
            await RenewAsync(key, ticket, cancellationToken);
            return;
        }

        // A sign-in over a session the browser already carried: a new session under a new key.
        await RemoveAsync(key, cancellationToken);
        var rotated = await StoreAsync(ticket, cancellationToken);
        httpContext.Items[RotatedItem] = new RotatedKey(key, rotated);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Hash(key);
        var ticket = await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.Ticket).FirstOrDefaultAsync(cancellationToken);
        return ticket is null ? null : TicketSerializer.Default.Deserialize(ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Hash(key);
        await db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of a person (a password change, for instance).</summary>
    public static Task<int> EndAllAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string NewKey() => Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private UserSession Row(string key, AuthenticationTicket ticket) => new()
    {
        Id = Hash(key),
        UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A session needs the person's id in its ticket."),
        Ticket = TicketSerializer.Default.Serialize(ticket),
        // The cookie handler always sets the expiry; the fallback is the app's sign-in lifetime.
        ExpiresUtc = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8),
    };
}

/// <summary>A session moved to a new key at sign-in.</summary>
internal sealed record RotatedKey(string Old, string New);

/// <summary>
/// Writes the rotated key into the cookie. The cookie handler keeps the key the request came with
/// when someone signs in over an existing session (aspnetcore#47503); the store has meanwhile moved
/// the session to a new key, and this puts that key in the cookie it protects.
/// </summary>
internal sealed class SessionKeyRotation(ISecureDataFormat<AuthenticationTicket> inner, IHttpContextAccessor accessor) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>The claim the cookie handler puts its session key in.</summary>
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public string Protect(AuthenticationTicket data) => inner.Protect(Rotate(data));

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(Rotate(data), purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => inner.Unprotect(protectedText);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) => inner.Unprotect(protectedText, purpose);

    private AuthenticationTicket Rotate(AuthenticationTicket ticket)
    {
        if (accessor.HttpContext?.Items[DatabaseTicketStore.RotatedItem] is not RotatedKey rotated
            || ticket.Principal.FindFirst(SessionIdClaim) is not { } claim
            || claim.Value != rotated.Old)
        {
            return ticket;
        }

        var identity = new ClaimsIdentity([new Claim(SessionIdClaim, rotated.New, claim.ValueType, claim.Issuer)], ticket.Principal.Identity?.AuthenticationType);
        return new AuthenticationTicket(new ClaimsPrincipal(identity), ticket.Properties, ticket.AuthenticationScheme);
    }
}
