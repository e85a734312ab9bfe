using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Infrastructure.Email;
using PbPeru.Web.Infrastructure.Security;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web;

/// <summary>Registers and wires the app's services and middleware, so Program.cs stays a table of contents.</summary>
public static class AppSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("es-PE"), new("en")];

    public static IServiceCollection AddPbPeru(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAppDatabase(configuration, environment);
        services.AddSingleton(TimeProvider.System);
        services.AddPbPeruDocuments(configuration, environment);
        services.AddPbPeruEmail(configuration, environment);
        services.AddScoped<Notifier>();
        services.AddPbPeruTwoFactor();
        services.AddScoped<Infrastructure.Audit.AuditTrail>();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PbPeruClaimsPrincipalFactory>()
            .AddErrorDescriber<SpanishIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.Cookie.Name = "pbperu.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // A signed-in person without the right role gets a plain 403 at the same address
            // (rendered by the error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddPbPeruSecurity(configuration);

        // Role changes reach people already signed in within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Roles.CycleManager, p => p.RequireRole(Roles.CycleManager))
            .AddPolicy(Roles.OrganizationRepresentative, p => p.RequireRole(Roles.OrganizationRepresentative))
            .AddPolicy(Roles.Agent, p => p.RequireRole(Roles.Agent))
            .AddPolicy(Roles.TechnicalTeam, p => p.RequireRole(Roles.TechnicalTeam))
            .AddPolicy(Roles.ProposerPolicy, p => p.RequireRole(Roles.Agent, Roles.OrganizationRepresentative));

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("es-PE");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // The person's choice (cookie) wins; the browser's language is not asked: Spanish first.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(options =>
            {
                // Closed by default (fallback policy); these are the pages meant to be public.
                options.Conventions.AllowAnonymousToPage("/Index");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Culture");
                options.Conventions.AllowAnonymousToFolder("/Public");
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/Register");
                options.Conventions.AllowAnonymousToPage("/Account/Invitation");

                // Role checks by folder.
                options.Conventions.AuthorizeFolder("/Admin", Roles.Administrator);
                options.Conventions.AuthorizeFolder("/Cycles", Roles.CycleManager);
                options.Conventions.AuthorizeFolder("/Registration", Roles.OrganizationRepresentative);
                options.Conventions.AuthorizeFolder("/Agent", Roles.Agent);
                options.Conventions.AuthorizeFolder("/Proposals", Roles.ProposerPolicy);
                options.Conventions.AuthorizeFolder("/Evaluation", Roles.TechnicalTeam);

                // Any signed-in person (an agent need not hold the Agent role yet): each voting page
                // checks that the person is an agent of the cycle.
                options.Conventions.AuthorizeFolder("/Voting");

                // Signed-in people: the committee pages check the agent of the cycle, the oversight
                // pages that the person sits on that cycle's committee (never the role alone).
                options.Conventions.AuthorizeFolder("/Committee");
                options.Conventions.AuthorizeFolder("/Oversight");
                options.Conventions.AuthorizeFolder("/Survey"); // signed-in; each page checks the participant of the cycle
                options.Conventions.AuthorizeFolder("/Questions"); // signed-in; the answer page checks the proposer or the technical team of the jurisdiction
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        // Model binding's own messages ("abc" typed as a year), in the person's language.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            // FluentValidation says what is required, in Spanish; no implicit English [Required].
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;

            var t = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => t["El valor «{0}» no es válido.", value]);
            messages.SetValueMustBeANumberAccessor(_ => t["Escriba un número."]);
            messages.SetValueIsInvalidAccessor(value => t["El valor «{0}» no es válido.", value]);
            messages.SetMissingBindRequiredValueAccessor(_ => t["Falta un valor."]);
            messages.SetValueMustNotBeNullAccessor(_ => t["Falta un valor."]);
            messages.SetUnknownValueIsInvalidAccessor(_ => t["El valor no es válido."]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["El valor «{0}» no es válido.", value]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["El valor no es válido."]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Escriba un número."]);
            messages.SetMissingKeyOrValueAccessor(() => t["Falta un valor."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Falta el contenido del formulario."]);
        });

        // Spanish text goes out as written ("Concertación"), not as numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddValidatorsFromAssemblyContaining<SharedResource>(ServiceLifetime.Scoped);
        services.AddScoped<CurrentActor>();
        services.AddScoped<CycleFactsQuery>();
        services.AddScoped<BallotBox>();
        services.AddSingleton<VoteCache>();
        services.AddScoped<PbPeru.Web.Infrastructure.Formalization.CommitteeBallotBox>();

        // Keys in the database: every instance and every restart reads the same key ring.
        services.AddDataProtection().SetApplicationName("PbPeru").PersistKeysToDbContext<AppDbContext>();

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddAntiforgery(o => o.Cookie.Name = "pbperu.antiforgery");
        return services;
    }

    public static WebApplication UsePbPeru(this WebApplication app)
    {
        app.UsePbPeruSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseRequestLocalization();
        app.UseDatabaseFaults();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UsePbPeruRateLimits();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
