using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Voting;

namespace PbPeru.Web.Tests.Trust;

/// <summary>The cast form of the review step, as the browser holds it: posting it again is the same submission.</summary>
internal sealed record CastForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public string SubmissionKey => Values.Single(v => v.Key == "SubmissionKey").Value;
}

/// <summary>An agent voting over HTTP, as the voting pages are used: review, then cast.</summary>
internal static class BallotForms
{
    public const string Password = "una-frase-de-prueba-larga";

    public static string BallotPage(VotingTestData data) => $"/Voting/Ballot/{data.CycleId}";

    /// <summary>A new account linked to the agent (as its invitation would); returns its email (password <see cref="Password"/>).</summary>
    public static async Task<string> AccountForAgentAsync(PbPeruFactory app, VotingTestData data, string dni)
    {
        var email = $"agente-{Guid.NewGuid():N}@prueba.pe";
        var user = await app.CreateUserAsync(email, "Agente de Prueba", Password, [Roles.Agent]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Agents.SingleAsync(a => a.Id == data.Agent(dni))).LinkAccount(user.Id);
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>Marks <paramref name="positions"/> on the ballot page and returns the review step's cast form.</summary>
    public static async Task<CastForm> ReviewAsync(AppClient agent, VotingTestData data, params int[] positions)
    {
        using var reviewed = await agent.SubmitAsync(BallotPage(data), "form.ballot-form",
            [.. positions.Select(p => ("Picked", p.ToString(CultureInfo.InvariantCulture)))]);
        var review = await AppClient.ParseAsync(reviewed);
        var form = review.QuerySelector("form.cast-form") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No review step ({(int)reviewed.StatusCode}): {review.Body?.TextContent}");
        return new CastForm(form.GetAttribute("action")!, FormSubmission.CurrentValues(form));
    }

    /// <summary>Posts the cast form; returns the status and the page.</summary>
    public static async Task<(HttpStatusCode Status, IDocument Page)> CastAsync(AppClient agent, CastForm form)
    {
        using var content = new FormUrlEncodedContent(form.Values);
        using var response = await agent.Http.PostAsync(form.Action, content);
        return (response.StatusCode, await AppClient.ParseAsync(response));
    }

    public static string? ReceiptOn(IDocument page) => page.QuerySelector("#receipt-code")?.TextContent.Trim();

    public static string ErrorsOn(IDocument page) => page.QuerySelector(".ballot-errors")?.TextContent.Trim() ?? "";

    /// <summary>A client of <paramref name="to"/> carrying every cookie <paramref name="from"/> holds (the same browser, another replica).</summary>
    public static void CopyCookies(AppClient from, AppClient to)
    {
        foreach (Cookie cookie in from.Cookies.GetAllCookies())
        {
            to.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }
    }
}
