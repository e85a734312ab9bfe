using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Registration;

/// <summary>Cycles open for registration, representatives, and the registration forms filled in as a person would.</summary>
internal static partial class RegistrationTestData
{
    public const string Password = "una-frase-de-prueba-larga";

    /// <summary>Cusco region: the district select groups its districts by province.</summary>
    public const string Region = "08";

    /// <summary>San Jerónimo, province of Cusco.</summary>
    public const string District = "080104";

    /// <summary>A RUC of a legal entity with a correct check digit.</summary>
    public const string ValidRuc = "20131312955";

    /// <summary>The registration window of every cycle made here, inside its Preparation phase.</summary>
    public static readonly DateOnly RegistrationStart = new(2030, 3, 2);

    public static readonly DateOnly RegistrationEnd = new(2030, 3, 27);

    public static readonly DateOnly InsideWindow = new(2030, 3, 10);

    /// <summary>After registration closed, still in Preparation.</summary>
    public static readonly DateOnly AfterWindow = new(2030, 4, 6);

    private static int _fiscalYear = 2040;

    /// <summary>A cycle of <paramref name="ubigeo"/> in Preparation whose registration runs from <see cref="RegistrationStart"/> to <see cref="RegistrationEnd"/>.</summary>
    public static async Task<int> OpenCycleAsync(PbPeruFactory app, string ubigeo = Region)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actor = new Actor("seed", "Semilla", new HashSet<string> { ubigeo });
        var year = Interlocked.Increment(ref _fiscalYear);
        var cycle = Cycle.Create(ubigeo, year, $"Presupuesto Participativo {year}", Money.FromSoles(2_000_000m), actor, DateTimeOffset.UtcNow);
        cycle.SetThemes([new ThemeInput("Agua y saneamiento", "")], actor);
        cycle.SetCalendar(
        [
            new(CalendarStep.PreparationPhase, new(2030, 3, 1), new(2030, 4, 30)),
            new(CalendarStep.Registration, RegistrationStart, RegistrationEnd),
            new(CalendarStep.ConcertationPhase, new(2030, 5, 1), new(2030, 6, 30)),
            new(CalendarStep.CoordinationPhase, new(2030, 7, 1), new(2030, 7, 31)),
            new(CalendarStep.FormalizationPhase, new(2030, 8, 1), new(2030, 8, 31)),
        ], actor);
        cycle.AdvanceTo(Phase.Preparation, actor, new CycleFacts(), DateTimeOffset.UtcNow);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    }

    /// <summary>A new organization representative, signed in (sign in after moving the clock: the cookie follows it).</summary>
    public static async Task<(AppClient Client, string UserId, string Email)> SignedInRepresentativeAsync(PbPeruFactory app, string name = "Rosa Representante")
    {
        var email = $"representante-{Guid.NewGuid():N}@prueba.pe";
        var user = await app.CreateUserAsync(email, name, Password, [Roles.OrganizationRepresentative]);
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return (client, user.Id, email);
    }

    public static (string, string)[] OrganizationFields(string name, string registryKind = "Sunarp", string registryNumber = "11223344") =>
    [
        ("Details.Name", name),
        ("Details.Type", nameof(OrganizationType.WomensOrganization)),
        ("Details.RegistryKind", registryKind),
        ("Details.RegistryNumber", registryNumber),
        ("Details.DistrictUbigeo", District),
        ("Details.Address", "Av. de la Cultura 123"),
        ("Details.LegalRepresentative", "Juana Quispe Mamani"),
    ];

    public static (string, string)[] AgentFields(string dni, string role = "Titular", string givenNames = "María", string surnames = "Huamán Ccori", string sex = "Female") =>
    [
        ("NewAgent.Role", role),
        ("NewAgent.Dni", dni),
        ("NewAgent.GivenNames", givenNames),
        ("NewAgent.Surnames", surnames),
        ("NewAgent.Sex", sex),
        ("NewAgent.BirthDate", "1985-06-15"),
        ("NewAgent.Phone", "984 123 456"),
        ("NewAgent.Email", ""),
    ];

    /// <summary>Registers an organization through the Create form and returns its id.</summary>
    public static async Task<int> CreateOrganizationAsync(AppClient client, int cycleId, string name)
    {
        using var response = await client.SubmitAsync($"/Registration/Create?cycleId={cycleId}", "#organization-form", OrganizationFields(name));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Create answered {(int)response.StatusCode}: {await ErrorsAsync(response)}");
        return IdIn(response.Headers.Location!.ToString());
    }

    public static async Task AddAgentAsync(AppClient client, int organizationId, params (string, string)[] fields)
    {
        using var response = await client.SubmitAsync($"/Registration/Edit/{organizationId}", "form.add-agent", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Adding an agent answered {(int)response.StatusCode}: {await ErrorsAsync(response)}");
    }

    /// <summary>
    /// Uploads a file through the documents form of <paramref name="formPageId"/>'s page, posted to
    /// <paramref name="postToId"/>'s (the same unless a test forges a post to someone else's).
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(AppClient client, int formPageId, string fileName, byte[] bytes, string contentType = "application/pdf", int? postToId = null)
    {
        var page = await client.GetPageAsync($"/Registration/Edit/{formPageId}");
        var form = page.QuerySelector("form.upload-document") as IHtmlFormElement ?? throw new InvalidOperationException("No upload form.");
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var token = ((IHtmlInputElement)form.QuerySelector($"input[name='{AppClient.AntiforgeryField}']")!).Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), AppClient.AntiforgeryField },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(contentType);
        content.Add(file, "Upload", fileName);
        var action = form.GetAttribute("action")!;
        if (postToId is { } other)
        {
            action = action.Replace($"/Edit/{formPageId}", $"/Edit/{other}", StringComparison.Ordinal);
        }

        return await client.Http.PostAsync(action, content);
    }

    public static async Task<Organization?> FindOrganizationAsync(PbPeruFactory app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Organizations.Include(o => o.Agents).Include(o => o.Documents).Include(o => o.Decisions).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id);
    }

    public static async Task<T> ReadAsync<T>(PbPeruFactory app, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>An organization of another representative with one titular, made through the domain.</summary>
    public static async Task<int> OtherOrganizationWithAgentAsync(PbPeruFactory app, int cycleId, string dni)
    {
        var other = await app.CreateUserAsync($"otro-{Guid.NewGuid():N}@prueba.pe", "Otra Representante", Password, [Roles.OrganizationRepresentative]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == cycleId);
        var today = InsideWindow;
        var organization = Organization.Register(cycle, other.Id,
            new OrganizationDetails("Asociación de Productores de Anta", OrganizationType.Producers, RegistryKind.MunicipalRegistry, "RM-0042", "080301", "Jr. Comercio 5", "Pedro Ccahua"),
            today, DateTimeOffset.UtcNow);
        organization.AddAgent(cycle, new AgentDetails(dni, "Pedro", "Ccahua Quispe", Sex.Male, new DateOnly(1970, 1, 1), "999888777", null), AgentRole.Titular, dniTakenElsewhere: false, today);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    /// <summary>The fields with one of them changed.</summary>
    public static (string, string)[] With(this (string Name, string Value)[] fields, string name, string value) =>
        [.. fields.Where(f => f.Name != name), (name, value)];

    public static int IdIn(string location) => int.Parse(IdPattern().Match(location).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the page says went wrong, for assertion messages.</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return "";
        }

        var page = await AppClient.ParseAsync(response);
        return string.Join(" | ", page.QuerySelectorAll(".validation-summary-errors, .field-validation-error, [role=alert]")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }

    public static string Text(IElement? element) => element?.TextContent.Trim() ?? "";

    [GeneratedRegex(@"/Edit/(\d+)")]
    private static partial Regex IdPattern();
}
