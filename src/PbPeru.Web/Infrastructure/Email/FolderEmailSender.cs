using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;

namespace PbPeru.Web.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file in a folder instead of sending it: the sender used when no
/// SMTP server is configured (development, the demo, tests). Any mail client opens the files.
/// </summary>
public sealed class FolderEmailSender(string folder, MailAddress from, TimeProvider clock, ILogger<FolderEmailSender> logger) : IEmailSender
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var to = new MailAddress(message.To);

        var now = clock.GetUtcNow();
        var id = RandomNumberGenerator.GetHexString(16, lowercase: true);
        var text = MimeText.Format(from, to, message.Subject, message.TextBody, LimaTime.ToLima(now), $"{id}@{from.Host}");

        Directory.CreateDirectory(Folder);
        // Named by time so the folder lists in order; written aside and moved so a reader never sees half a message.
        var path = Path.Combine(Folder, $"{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{id}.eml");
        var partial = path + ".partial";
        try
        {
            await File.WriteAllTextAsync(partial, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        logger.LogInformation("Email to {To} written to {Path}, not sent: no SMTP server is configured (Email:Smtp:Host)", to.Address, path);
    }
}
