using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Admin;

/// <summary>What the administration tests share: an administrator's client, reading a page, looking in the database.</summary>
internal static class AdminPages
{
    /// <summary>A client signed in as the demo administrator that shows redirects as they come.</summary>
    public static async Task<AppClient> SignInAsAdministratorAsync(this PbPeruFactory app)
    {
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(DemoAccounts.Administrator, PbPeruFactory.DemoPassword);
        return client;
    }

    /// <summary>The text of the message shown beside a field (a <c>asp-validation-for</c> span).</summary>
    public static string FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>The messages above the form (not tied to a field) and under the role checkboxes.</summary>
    public static string FormErrors(this IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".validation-summary-errors li, fieldset .field-validation-error")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    /// <summary>The body rows of the page's first table.</summary>
    public static IReadOnlyList<IElement> TableRows(this IDocument page) => page.QuerySelectorAll("table tbody tr").ToList();

    /// <summary>The cells (td and th) of a row, as text.</summary>
    public static IReadOnlyList<string> Cells(this IElement row) => row.Children.Select(c => c.TextContent.Trim()).ToList();

    public static async Task<T> QueryAsync<T>(this PbPeruFactory app, Func<AppDbContext, UserManager<AppUser>, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public static Task<AppUser?> FindUserAsync(this PbPeruFactory app, string email) =>
        app.QueryAsync((_, users) => users.FindByEmailAsync(email));

    public static Task<List<(string Role, string Ubigeo)>> GrantsOfAsync(this PbPeruFactory app, string userId) =>
        app.QueryAsync(async (db, _) => (await db.StaffAssignments.Where(a => a.UserId == userId)
                .OrderBy(a => a.Role).ThenBy(a => a.JurisdictionUbigeo).ToListAsync())
            .Select(a => (a.Role, a.JurisdictionUbigeo)).ToList());

    public static Task<List<string>> RolesOfAsync(this PbPeruFactory app, AppUser user) =>
        app.QueryAsync(async (_, users) => (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList());

    /// <summary>A unique email for one test, so the tests of a class can share its database.</summary>
    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@prueba.gob.pe";
}
