namespace PbPeru.Web.Infrastructure.Email;

/// <summary>Sends the app's notices (an organization observed, an account created…) as plain-text email.</summary>
public interface IEmailSender
{
    /// <exception cref="FormatException">The recipient is not an email address (<see cref="ArgumentException"/> when empty).</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>One plain-text message to one address; the sender comes from configuration (<c>Email:From</c>).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody);
