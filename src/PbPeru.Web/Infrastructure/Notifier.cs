using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Email;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Tells a person something in the app and by email. The in-app notice is saved with the
/// caller's own SaveChanges (so it exists exactly when the decision it reports does); the emails
/// go after that save, and a failed email is logged without undoing anything.
/// </summary>
public sealed class Notifier(AppDbContext db, IEmailSender emails, TimeProvider clock, IHttpContextAccessor http, IConfiguration configuration, ILogger<Notifier> logger)
{
    /// <summary>
    /// The view data entry in which a page that already counted the person's unread notices with
    /// its own query (the ballot page) hands the count to the header's badge, which otherwise counts them itself.
    /// </summary>
    public const string UnreadCountKey = "PbPeru.UnreadNotices";

    private readonly List<(string UserId, string Subject, string Text)> _queued = [];

    /// <summary>Adds the notice to the context and queues its email. Call before SaveChanges.</summary>
    public void Notify(string userId, string subject, string text, string? link)
    {
        NotifyInApp(userId, text, link);
        _queued.Add((userId, subject, link is null ? text : $"{text}\n\n{Absolute(link)}"));
    }

    /// <summary>
    /// Adds an in-app notice only, for news that would flood an inbox (every registration sent to a
    /// manager's queue, say). Call before SaveChanges.
    /// </summary>
    public void NotifyInApp(string userId, string text, string? link)
    {
        var message = text.Length > Notification.MaxTextLength ? text[..Notification.MaxTextLength] : text;
        db.Notifications.Add(new Notification { UserId = userId, Text = message, Link = link, CreatedAt = clock.GetUtcNow() });
    }

    /// <summary>An email needs the whole address: <c>App:BaseUrl</c> when set (behind a proxy), else this request's.</summary>
    private string Absolute(string link)
    {
        if (!link.StartsWith('/'))
        {
            return link;
        }

        var baseUrl = configuration["App:BaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl) && http.HttpContext?.Request is { } request)
        {
            baseUrl = $"{request.Scheme}://{request.Host}";
        }

        return $"{baseUrl?.TrimEnd('/')}{link}";
    }

    /// <summary>Sends the queued emails. Call after SaveChanges succeeded.</summary>
    public async Task SendQueuedEmailsAsync(CancellationToken cancellationToken = default)
    {
        if (_queued.Count == 0)
        {
            return;
        }

        var ids = _queued.Select(q => q.UserId).Distinct().ToList();
        var addresses = await db.Users.Where(u => ids.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        foreach (var (userId, subject, text) in _queued)
        {
            if (!addresses.TryGetValue(userId, out var address))
            {
                continue;
            }

            try
            {
                await emails.SendAsync(new EmailMessage(address, subject, text), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not email {UserId} about: {Subject}", userId, subject);
            }
        }

        _queued.Clear();
    }
}
