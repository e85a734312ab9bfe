using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Coordination;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Coordination;

/// <summary>The demo's linked cycles of 2026 (region 08, province 0801, San Jerónimo 080104, Wanchaq 080108) as the tests use them.</summary>
public sealed class CoordinationDemo(PbPeruFactory app)
{
    public const string Region = "08";
    public const string Province = "0801";
    public const string SanJeronimo = "080104";
    public const string Wanchaq = "080108";
    public const string Password = "una-frase-de-prueba-larga";

    public PbPeruFactory App { get; } = app;

    public async Task<int> CycleIdAsync(string ubigeo) =>
        await ReadAsync(db => db.Cycles.Where(c => c.JurisdictionUbigeo == ubigeo && c.FiscalYear == DemoCoordination.FiscalYear).Select(c => c.Id).SingleAsync());

    public static string Board(int cycleId) => $"/Cycles/Coordination/{cycleId}";

    public async Task<AppClient> ManagerAsync()
    {
        var client = App.CreateAppClient(followRedirects: false);
        await client.LoginAsync(DemoAccounts.CycleManager, PbPeruFactory.DemoPassword);
        return client;
    }

    /// <summary>A new manager of only one jurisdiction, signed in.</summary>
    public async Task<AppClient> ManagerOfAsync(string ubigeo)
    {
        var email = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await App.CreateUserAsync(email, "Gestora Local", Password, [Roles.CycleManager], ubigeo);
        var client = App.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<CoordinationSpace> SpaceAsync() =>
        ReadAsync(db => PbPeru.Web.Infrastructure.CoordinationQueries.Spaces(db, tracking: false).SingleAsync(s => s.DepartmentUbigeo == Region && s.FiscalYear == DemoCoordination.FiscalYear));

    public async Task<int> ProjectNumberAsync(string titleStart) =>
        (await SpaceAsync()).Projects.OrderBy(p => p.Title == titleStart ? 0 : 1).First(p => p.Title.StartsWith(titleStart, StringComparison.Ordinal)).Number;

    /// <summary>Records a meeting through the board's form, with one attendee per government given; returns its number.</summary>
    public async Task<int> MeetingAsync(AppClient client, int boardCycleId, params string[] governments)
    {
        var before = (await SpaceAsync()).Meetings.Count;
        var fields = new List<(string, string)>
        {
            ("Meeting.Date", "2026-11-20"),
            ("Meeting.Time", "10:30"),
            ("Meeting.Place", "Sede del Gobierno Regional del Cusco"),
        };
        for (var i = 0; i < governments.Length; i++)
        {
            fields.Add(($"Meeting.Attendees[{i}].Name", $"Asistente {governments[i]}"));
            fields.Add(($"Meeting.Attendees[{i}].Office", "Gerente de Planeamiento"));
            fields.Add(($"Meeting.Attendees[{i}].Government", governments[i]));
        }

        using var response = await client.SubmitAsync(Board(boardCycleId), "form.meeting-form", [.. fields]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await AppClient.ParseAsync(response);
            throw new InvalidOperationException($"Meeting refused: {Errors(page)}");
        }

        var meetings = (await SpaceAsync()).Meetings;
        Assert.Equal(before + 1, meetings.Count);
        return meetings.Max(m => m.Number) ?? 0;
    }

    /// <summary>Posts a board form's handler with a token from the board (as a forged or hand-made submit would).</summary>
    public static Task<HttpResponseMessage> PostAsync(AppClient client, int boardCycleId, string handler, params (string Name, string Value)[] fields) =>
        client.PostWithTokenAsync(Board(boardCycleId), $"{Board(boardCycleId)}?handler={handler}", fields);

    /// <summary>The messages of the board's forms.</summary>
    public static string Errors(IDocument page) => string.Join(" | ", page.QuerySelectorAll(".form-errors, .validation-summary-errors").Select(e => e.TextContent.Trim()));

    /// <summary>The committed amount shown on a government's card.</summary>
    public static string Committed(IDocument board, string ubigeo) => board.QuerySelector($"#list-{ubigeo} .committed")!.TextContent.Trim();
}
