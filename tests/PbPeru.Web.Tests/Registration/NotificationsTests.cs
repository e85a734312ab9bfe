using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;
using static PbPeru.Web.Tests.Registration.RegistrationTestData;

namespace PbPeru.Web.Tests.Registration;

/// <summary>Each person reads their own notices in the app.</summary>
[Trait("Capability", "Preparation")]
public sealed class NotificationsTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private async Task<int> NotifyAsync(string userId, string text, string? link, DateTimeOffset at, bool read = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notice = new Notification { UserId = userId, Text = text, Link = link, CreatedAt = at, ReadAt = read ? at : null };
        db.Notifications.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }

    [Fact]
    public async Task Notifications_NewestFirst_UnreadHighlighted_ThenMarkedRead()
    {
        app.Clock.Reset();
        var (client, userId, _) = await SignedInRepresentativeAsync(app);
        var (_, otherId, _) = await SignedInRepresentativeAsync(app);
        var now = DateTimeOffset.UtcNow;
        await NotifyAsync(userId, "Su inscripción fue observada.", "/Registration", now.AddDays(-2), read: true);
        await NotifyAsync(userId, "Su inscripción fue aceptada.", "/Registration", now.AddMinutes(-5));
        await NotifyAsync(otherId, "Aviso de otra persona.", null, now);

        var page = await client.GetPageAsync("/Notifications");

        Assert.Equal(["Su inscripción fue aceptada.", "Su inscripción fue observada."],
            page.QuerySelectorAll(".notifications .notification-text").Select(e => e.TextContent));
        Assert.Equal(["Su inscripción fue aceptada."], page.QuerySelectorAll(".notification-unread .notification-text").Select(e => e.TextContent));

        using (var marked = await client.SubmitAsync(page, "form.mark-all-read"))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        var after = await client.GetPageAsync("/Notifications");
        Assert.Empty(after.QuerySelectorAll(".notification-unread"));
        Assert.Null(after.QuerySelector("form.mark-all-read"));
        Assert.Equal(1, await ReadAsync(app, db => db.Notifications.CountAsync(n => n.UserId == otherId && n.ReadAt == null)));
    }

    [Fact]
    public async Task OpeningANotice_MarksItRead_AndGoesToItsPage_ButNotSomeoneElses()
    {
        app.Clock.Reset();
        var (client, userId, _) = await SignedInRepresentativeAsync(app);
        var (_, otherId, _) = await SignedInRepresentativeAsync(app);
        var mine = await NotifyAsync(userId, "Su inscripción fue aceptada.", "/Registration", DateTimeOffset.UtcNow);
        var theirs = await NotifyAsync(otherId, "Aviso ajeno.", "/Registration", DateTimeOffset.UtcNow);
        var page = await client.GetPageAsync("/Notifications");

        using var opened = await client.SubmitAsync(page, $"li[data-notification-id='{mine}'] form.open-notification");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/Registration", opened.Headers.Location!.OriginalString);
        Assert.NotNull(await ReadAsync(app, db => db.Notifications.Where(n => n.Id == mine).Select(n => n.ReadAt).SingleAsync()));

        using var forged = await client.PostWithTokenAsync("/Notifications", $"/Notifications?handler=Open&id={theirs}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Null(await ReadAsync(app, db => db.Notifications.Where(n => n.Id == theirs).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task Notifications_WhenThereAreNone_SaySo()
    {
        app.Clock.Reset();
        var (client, _, _) = await SignedInRepresentativeAsync(app);

        var page = await client.GetPageAsync("/Notifications");

        Assert.NotNull(page.QuerySelector(".no-notifications"));
    }

    /// <summary>Needs the layout to render the partial: <c>&lt;partial name="_NotificationBadge" /&gt;</c> in its navigation.</summary>
    [Fact]
    public async Task Header_ShowsTheUnreadCount()
    {
        app.Clock.Reset();
        var (client, userId, _) = await SignedInRepresentativeAsync(app);
        await NotifyAsync(userId, "Uno.", null, DateTimeOffset.UtcNow);
        await NotifyAsync(userId, "Dos.", null, DateTimeOffset.UtcNow);
        await NotifyAsync(userId, "Leído.", null, DateTimeOffset.UtcNow, read: true);

        var page = await client.GetPageAsync("/Registration");

        Assert.Equal("2 sin leer", Text(page.QuerySelector("a.notification-badge .badge")));
        using var anonymous = app.CreateAppClient();
        Assert.Null((await anonymous.GetPageAsync("/")).QuerySelector("a.notification-badge"));
    }
}
