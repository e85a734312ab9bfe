using System.Net.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using PbPeru.Web.Infrastructure.Email;

namespace PbPeru.Web.Tests.Infrastructure2;

[Trait("Capability", "Preparation")]
public sealed class FolderEmailSenderTests : IDisposable
{
    private const string ObservedSubject = "Su organización fue observada — acción requerida";
    private const string ObservedBody =
        "Estimada representante:\n\nEl equipo de conducción observó la inscripción de la Asociación de Productores Agropecuarios Ñawpa Ñan.\nMotivo: falta el acta de elección de la junta directiva.\n\nPuede subsanarla hasta el 5 de diciembre.\n";

    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 36, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _temp = new();
    private readonly FolderEmailSender _sender;

    public FolderEmailSenderTests() =>
        _sender = new FolderEmailSender(
            Path.Combine(_temp.Path, "mail"), new MailAddress(EmailSetup.DefaultFrom), new FixedClock(Now), NullLogger<FolderEmailSender>.Instance);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Send_WritesAnEmlFile_WhoseSubjectAndBodyReadBackInSpanish()
    {
        await _sender.SendAsync(new EmailMessage("representante@ejemplo.pe", ObservedSubject, ObservedBody), CancellationToken.None);

        var file = Assert.Single(_temp.Files("mail"));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var mail = MailReader.Parse(await File.ReadAllBytesAsync(file));

        Assert.Equal(ObservedSubject, mail.Subject);
        Assert.StartsWith("=?utf-8?B?", mail.Headers["subject"], StringComparison.Ordinal);
        Assert.Equal(ObservedBody.Replace("\n", "\r\n", StringComparison.Ordinal), mail.Body);
        Assert.Equal("text/plain; charset=utf-8", mail.Headers["content-type"]);
        Assert.Equal("8bit", mail.Headers["content-transfer-encoding"]);
        Assert.Equal("1.0", mail.Headers["mime-version"]);
        Assert.Equal("\"PbPeru\" <no-reply@localhost>", mail.Headers["from"]);
        Assert.Equal("representante@ejemplo.pe", mail.Headers["to"]);
        Assert.Equal("Sat, 28 Nov 2026 10:36:00 -0500", mail.Headers["date"]);
        Assert.Matches("^<[0-9a-f]{16}@localhost>$", mail.Headers["message-id"]);
    }

    [Fact]
    public async Task Send_KeepsEveryHeaderLineWithinTheRfcLimits()
    {
        var longSubject = string.Concat(Enumerable.Repeat("Convocatoria al taller de priorización en Ñuñoa 🌽 ", 6));

        await _sender.SendAsync(new EmailMessage("a@ejemplo.pe", longSubject, "Texto."), CancellationToken.None);

        var mail = MailReader.Parse(await File.ReadAllBytesAsync(Assert.Single(_temp.Files("mail"))));
        Assert.Equal(longSubject, mail.Subject);
        Assert.All(mail.RawHeaders.Split("\r\n"), line => Assert.True(line.Length <= 78, $"Header line of {line.Length} characters: {line}"));
    }

    [Fact]
    public async Task Send_WithAPlainAsciiSubject_WritesItAsItIs()
    {
        await _sender.SendAsync(new EmailMessage("a@ejemplo.pe", "Cuenta creada", "Hola."), CancellationToken.None);

        var mail = MailReader.Parse(await File.ReadAllBytesAsync(Assert.Single(_temp.Files("mail"))));
        Assert.Equal("Cuenta creada", mail.Headers["subject"]);
    }

    [Fact]
    public async Task Send_WithALineBreakInTheSubject_CannotAddAHeader()
    {
        await _sender.SendAsync(new EmailMessage("a@ejemplo.pe", "Hola\r\nBcc: intruso@ejemplo.com", "Hola."), CancellationToken.None);

        var mail = MailReader.Parse(await File.ReadAllBytesAsync(Assert.Single(_temp.Files("mail"))));
        Assert.False(mail.Headers.ContainsKey("bcc"));
        Assert.Equal("Hola\r\nBcc: intruso@ejemplo.com", mail.Subject);
    }

    [Fact]
    public async Task Send_WithALineTooLongFor8Bit_EncodesTheBodyInBase64()
    {
        var body = "Proyectos priorizados: " + string.Concat(Enumerable.Repeat("ampliación de riego, ", 60));

        await _sender.SendAsync(new EmailMessage("a@ejemplo.pe", "Resultados", body), CancellationToken.None);

        var mail = MailReader.Parse(await File.ReadAllBytesAsync(Assert.Single(_temp.Files("mail"))));
        Assert.Equal("base64", mail.Headers["content-transfer-encoding"]);
        Assert.Equal(body, mail.Body.TrimEnd('\r', '\n'));
    }

    [Theory]
    [InlineData("no es un correo")]
    [InlineData("a@ejemplo.pe\r\nBcc: intruso@ejemplo.com")]
    [InlineData("")]
    public async Task Send_ToSomethingThatIsNotAnAddress_IsRefused_AndWritesNothing(string to)
    {
        var error = await Record.ExceptionAsync(() => _sender.SendAsync(new EmailMessage(to, "Hola", "Hola."), CancellationToken.None));

        Assert.True(error is FormatException or ArgumentException, $"Unexpected: {error}");

        Assert.Empty(_temp.Files());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
