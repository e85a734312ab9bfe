using System.Net;
using System.Net.Mail;
using System.Text;

namespace PbPeru.Web.Infrastructure.Email;

/// <summary>The SMTP server's settings (<c>Email:Smtp:*</c>). Credentials are optional.</summary>
public sealed record SmtpSettings(string Host, int Port, string? User, string? Password, bool EnableSsl);

/// <summary>Sends through an SMTP server (the municipality's or a relay).</summary>
public sealed class SmtpEmailSender(SmtpSettings settings, MailAddress from) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        using var mail = new MailMessage(from, new MailAddress(message.To))
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };

        // One client per message: SmtpClient cannot send two messages at once.
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(settings.User))
        {
            client.Credentials = new NetworkCredential(settings.User, settings.Password);
        }

        await client.SendMailAsync(mail, cancellationToken);
    }
}
