using System.Net.Mail;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PbPeru.Web.Infrastructure.Email;

public static class EmailSetup
{
    public const string DefaultFrom = "PbPeru <no-reply@localhost>";
    public const string DefaultPickupFolder = "App_Data/mail";
    public const int DefaultSmtpPort = 587;

    /// <summary>
    /// Registers the <see cref="IEmailSender"/>: SMTP when <c>Email:Smtp:Host</c> is set, otherwise
    /// .eml files in <c>Email:PickupFolder</c> (relative to the content root; <c>App_Data/mail</c> by default).
    /// </summary>
    public static IServiceCollection AddPbPeruEmail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var from = new MailAddress(NonEmpty(configuration["Email:From"]) ?? DefaultFrom);

        if (NonEmpty(configuration["Email:Smtp:Host"]) is { } host)
        {
            var settings = new SmtpSettings(
                host,
                configuration.GetValue("Email:Smtp:Port", DefaultSmtpPort),
                NonEmpty(configuration["Email:Smtp:User"]),
                configuration["Email:Smtp:Password"],
                // On by default: credentials and notices should not cross the network in clear text.
                configuration.GetValue("Email:Smtp:EnableSsl", true));
            services.AddSingleton<IEmailSender>(new SmtpEmailSender(settings, from));
        }
        else
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, NonEmpty(configuration["Email:PickupFolder"]) ?? DefaultPickupFolder));
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<IEmailSender>(sp => new FolderEmailSender(
                folder, from, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FolderEmailSender>>()));
        }

        return services;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
