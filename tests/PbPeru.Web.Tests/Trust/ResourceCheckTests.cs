using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// Ids in addresses and forms that belong to someone else — another organization, another cycle,
/// another jurisdiction, another person — asked for by GET and sent by POST with a valid
/// antiforgery token: the app refuses (403 or 404) and the database is the same row for row after.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class ResourceCheckTests(TrustApp app) : IClassFixture<TrustApp>
{
    /// <summary>Who asks, how, where, with what form; <see cref="MustRefuse"/> false: an id tampered inside one's own record, where the page may answer anything but a 500 as long as nothing changes.</summary>
    private sealed record Attempt(Persona Persona, string Method, Func<Facts, string> Url, Func<Facts, (string Name, string Value)[]>? Fields = null, bool MustRefuse = true);

    /// <summary>The demo ids plus the records of other people the attempts aim at.</summary>
    private sealed record Facts(DemoIds Ids, int OtherOrganizationAgent, int PublishedCommitment, int OthersNotification);

    private static readonly Dictionary<string, Attempt> Attempts = new()
    {
        ["representative opens another organization's registration"] =
            new(Persona.Representative, "GET", f => $"/Registration/Edit/{f.Ids.OtherOrganization}"),
        ["representative changes another organization's details"] =
            new(Persona.Representative, "POST", f => $"/Registration/Edit/{f.Ids.OtherOrganization}?handler=Details", _ => [("Details.Name", "Organización Intrusa")]),
        ["representative removes another organization's agent"] =
            new(Persona.Representative, "POST", f => $"/Registration/Edit/{f.Ids.OtherOrganization}?handler=RemoveAgent", f => [("agentId", $"{f.OtherOrganizationAgent}")]),
        ["representative removes another organization's agent through their own organization"] =
            new(Persona.Representative, "POST", f => $"/Registration/Edit/{f.Ids.OwnOrganization}?handler=RemoveAgent", f => [("agentId", $"{f.OtherOrganizationAgent}")], MustRefuse: false),
        ["representative submits another organization"] =
            new(Persona.Representative, "POST", f => $"/Registration/Edit/{f.Ids.OtherOrganization}?handler=Submit"),
        ["representative downloads another organization's document"] =
            new(Persona.Representative, "GET", f => $"/Registration/Document/{f.Ids.OtherOrganizationDocument}"),
        ["technical team of another jurisdiction opens a proposal's evaluation sheet"] =
            new(Persona.OtherTechnicalTeam, "GET", f => $"/Evaluation/Sheet/{f.Ids.Proposal}"),
        ["technical team of another jurisdiction evaluates a proposal"] =
            new(Persona.OtherTechnicalTeam, "POST", f => $"/Evaluation/Sheet/{f.Ids.Proposal}", _ => [("Input.Eligible", "true"), ("Input.Viability", "Viable")]),
        ["manager of another jurisdiction opens a cycle"] =
            new(Persona.OtherManager, "GET", f => $"/Cycles/Dashboard/{f.Ids.Registration}"),
        ["manager of another jurisdiction moves a cycle's phase"] =
            new(Persona.OtherManager, "POST", f => $"/Cycles/Dashboard/{f.Ids.Registration}?handler=Advance", _ => [("Confirm", "true")]),
        ["manager of another jurisdiction accepts an organization"] =
            new(Persona.OtherManager, "POST", f => $"/Cycles/Registrations/{f.Ids.Registration}/Review/{f.Ids.OtherOrganization}?handler=Accept"),
        ["manager opens an organization at another cycle's address"] =
            new(Persona.Manager, "GET", f => $"/Cycles/Registrations/{f.Ids.Concertation}/Review/{f.Ids.OtherOrganization}"),
        ["manager accepts an organization at another cycle's address"] =
            new(Persona.Manager, "POST", f => $"/Cycles/Registrations/{f.Ids.Concertation}/Review/{f.Ids.OtherOrganization}?handler=Accept"),
        ["manager of another jurisdiction writes a meeting's minutes"] =
            new(Persona.OtherManager, "POST", f => $"/Cycles/Meetings/Edit/{f.Ids.Concertation}?meetingId={f.Ids.Workshop}&handler=Minutes", _ => [("Record.Minutes", "Acta falsa")]),
        ["manager opens a meeting at another cycle's address"] =
            new(Persona.Manager, "GET", f => $"/Cycles/Meetings/Edit/{f.Ids.Voting}?meetingId={f.Ids.Workshop}"),
        ["manager writes a meeting's minutes at another cycle's address"] =
            new(Persona.Manager, "POST", f => $"/Cycles/Meetings/Edit/{f.Ids.Voting}?meetingId={f.Ids.Workshop}&handler=Minutes", _ => [("Record.Minutes", "Acta falsa")]),
        ["manager removes another cycle's acta commitment"] =
            new(Persona.Manager, "POST", f => $"/Cycles/Acta/Index/{f.Ids.Voting}?handler=RemoveCommitment", f => [("RemoveId", $"{f.PublishedCommitment}"), ("ConfirmRemove", "true")], MustRefuse: false),
        ["manager of another jurisdiction reads an acta version"] =
            new(Persona.OtherManager, "GET", f => $"/Cycles/Acta/Version/{f.Ids.ActaVersion}"),
        ["someone who is not an agent of the cycle casts a ballot"] =
            new(Persona.Representative, "POST", f => $"/Voting/Ballot/{f.Ids.Voting}?handler=Cast", _ => [("Revision", "0"), ("SubmissionKey", Guid.NewGuid().ToString())]),
        ["someone who is not an agent of the cycle opens the receipt page"] =
            new(Persona.Representative, "GET", f => $"/Voting/Receipt/{f.Ids.Voting}"),
        ["someone who is not an agent of the cycle asks for a receipt"] =
            new(Persona.NoRole, "POST", f => $"/Voting/Receipt/{f.Ids.Voting}", _ => [("Code", "ABCD-EFGH")]),
        ["agent opens another person's notification"] =
            new(Persona.Agent, "POST", _ => "/Notifications/Index?handler=Open", f => [("id", $"{f.OthersNotification}")]),
        ["person off the committee records an execution update"] =
            new(Persona.NoRole, "POST", f => $"/Oversight/ExecutionProject/{f.Ids.Published}/1", _ => [("Entry.State", "Finished"), ("Entry.ProgressPercent", "100"), ("Entry.Observations", "Intruso"), ("Entry.CreationKey", Guid.NewGuid().ToString())]),
        ["committee member records an execution update in another cycle"] =
            new(Persona.Committee, "POST", f => $"/Oversight/ExecutionProject/{f.Ids.Voting}/1", _ => [("Entry.State", "Finished"), ("Entry.ProgressPercent", "100"), ("Entry.Observations", "Intruso"), ("Entry.CreationKey", Guid.NewGuid().ToString())]),
        ["agent opens the answer form of a question they may not answer"] =
            new(Persona.Agent, "GET", f => $"/Questions/Answer/{f.Ids.Question}"),
        ["agent answers a question they may not answer"] =
            new(Persona.Agent, "POST", f => $"/Questions/Answer/{f.Ids.Question}", _ => [("Input.Text", "Respuesta intrusa"), ("Input.Official", "true"), ("Input.CreationKey", Guid.NewGuid().ToString())]),
        ["technical team of another jurisdiction answers a question"] =
            new(Persona.OtherTechnicalTeam, "POST", f => $"/Questions/Answer/{f.Ids.Question}", _ => [("Input.Text", "Respuesta intrusa"), ("Input.Role", "TechnicalTeam"), ("Input.Official", "true"), ("Input.CreationKey", Guid.NewGuid().ToString())]),
        ["agent withdraws a proposal they did not write"] =
            new(Persona.Agent, "POST", f => $"/Proposals/Edit/{f.Ids.Proposal}?handler=Withdraw"),
        ["visitor opens a proposal at another cycle's address"] =
            new(Persona.Anonymous, "GET", f => $"/Public/Proposals/{f.Ids.Registration}/{f.Ids.Proposal}"),
    };

    public static TheoryData<string> Cases => [.. Attempts.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SomeoneElsesId_InTheAddressOrForm_IsRefusedAndChangesNothing(string attempt)
    {
        var (persona, method, url, fields, mustRefuse) = Attempts[attempt];
        var facts = await FactsAsync();
        var client = await app.ClientAsync(persona);
        var token = await app.TokenAsync(persona);
        var before = await DatabaseFingerprint.TakeAsync(app.Factory.DatabaseConnectionString);

        using var form = new FormUrlEncodedContent([.. (fields?.Invoke(facts) ?? []).Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create(Infrastructure.AppClient.AntiforgeryField, token)]);
        using var response = method == "GET" ? await client.GetAsync(url(facts)) : await client.Http.PostAsync(url(facts), form);

        var after = await DatabaseFingerprint.TakeAsync(app.Factory.DatabaseConnectionString);
        Assert.Empty(DatabaseFingerprint.Changed(before, after));
        Assert.True((int)response.StatusCode < 500, $"{method} {url(facts)} answered {(int)response.StatusCode}");
        if (mustRefuse)
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }
    }

    private async Task<Facts> FactsAsync()
    {
        var ids = app.Ids;
        var othersUserId = await app.UserIdAsync(Persona.NoRole);
        return await app.ReadAsync(async db => new Facts(
            ids,
            await db.Agents.Where(a => a.OrganizationId == ids.OtherOrganization).Select(a => a.Id).FirstAsync(),
            await db.Commitments.Where(c => c.CycleId == ids.Published).Select(c => c.Id).FirstAsync(),
            await OthersNotificationAsync(db, othersUserId)));
    }

    private static async Task<int> OthersNotificationAsync(AppDbContext db, string userId)
    {
        var existing = await db.Notifications.Where(n => n.UserId == userId).Select(n => (int?)n.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var notice = new Notification { UserId = userId, Text = "Aviso de otra persona", Link = "/", CreatedAt = DateTimeOffset.UtcNow };
        db.Notifications.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }
}
