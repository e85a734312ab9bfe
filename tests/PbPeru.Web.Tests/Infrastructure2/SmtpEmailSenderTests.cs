using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using PbPeru.Web.Infrastructure.Email;

namespace PbPeru.Web.Tests.Infrastructure2;

[Trait("Capability", "Preparation")]
public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task Send_DeliversTheMessageToTheSmtpServer_WithItsSpanishSubjectAndBody()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var server = new OneMessageSmtpServer();
        var sender = new SmtpEmailSender(
            new SmtpSettings("127.0.0.1", server.Port, User: null, Password: null, EnableSsl: false),
            new MailAddress("Municipalidad de Ñuñoa <pp@ejemplo.gob.pe>"));

        var receiving = server.ReceiveAsync(timeout.Token);
        await sender.SendAsync(
            new EmailMessage("representante@ejemplo.pe", "Su organización fue observada — acción requerida", "Falta el acta de elección.\r\n"),
            timeout.Token);
        var received = await receiving;

        Assert.Equal("<pp@ejemplo.gob.pe>", received.MailFrom);
        Assert.Equal(["<representante@ejemplo.pe>"], received.RcptTo);
        var mail = MailReader.Parse(received.Data);
        Assert.Equal("Su organización fue observada — acción requerida", mail.Subject);
        Assert.Equal("Falta el acta de elección.", mail.Body.TrimEnd('\r', '\n'));
        Assert.Contains("charset=utf-8", mail.Headers["content-type"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Municipalidad de Ñuñoa <pp@ejemplo.gob.pe>", MailReader.DecodeWords(mail.Headers["from"]).Replace("\"", "", StringComparison.Ordinal));
    }

    /// <summary>Just enough of an SMTP server (RFC 5321) on loopback to accept one message.</summary>
    private sealed class OneMessageSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public OneMessageSmtpServer() => _listener.Start();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<(string MailFrom, List<string> RcptTo, byte[] Data)> ReceiveAsync(CancellationToken cancellationToken)
        {
            using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            await using var stream = client.GetStream();
            // Latin-1 maps each byte to one char and back, so 8-bit data survives the reader.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };

            string mailFrom = "";
            var rcptTo = new List<string>();
            var data = new StringBuilder();
            await writer.WriteLineAsync("220 localhost ESMTP test");
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        mailFrom = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0];
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        rcptTo.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(cancellationToken) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return (mailFrom, rcptTo, Encoding.Latin1.GetBytes(data.ToString()));
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }

            return (mailFrom, rcptTo, Encoding.Latin1.GetBytes(data.ToString()));
        }

        public void Dispose() => _listener.Stop();
    }
}
