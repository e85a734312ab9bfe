using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>What the acta's content is built from, and how it is stored and hashed.</summary>
[Trait("Capability", "Formalization")]
public sealed class ActaContentTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task AgentsPresent_AreThoseAtAFormalizationWorkshopAndThoseWhoVoted_ByName_NotThoseAtOtherMeetings()
    {
        var data = await ActaTestData.CreateAsync(app, withCommittee: false);
        var agents = await data.Data.ReadAsync(db => db.Agents.AsNoTracking().Where(a => a.CycleId == data.Id).ToListAsync());
        var voted = await data.Data.ReadAsync(db => db.AgentBallots.Select(b => b.AgentId).ToListAsync());
        var suplentes = agents.Where(a => a.Role == AgentRole.Suplente).OrderBy(a => a.Id).ToList();
        var (atWorkshop, atTraining) = (suplentes[0], suplentes[1]);
        Assert.DoesNotContain(atWorkshop.Id, voted);

        await data.Data.WriteAsync(async db =>
        {
            var cycle = await data.Data.LoadCycleAsync(db);
            var now = app.Clock.GetUtcNow();
            var workshop = Meeting.Schedule(cycle, data.Data.Manager, new MeetingDetails(MeetingKind.FormalizationWorkshop, "Taller de formalización", now, "Anta", "Equipo técnico"));
            workshop.MarkPresent(await db.Agents.SingleAsync(a => a.Id == atWorkshop.Id), data.Data.Manager, now);
            var training = Meeting.Schedule(cycle, data.Data.Manager, new MeetingDetails(MeetingKind.Training, "Capacitación", now, "Anta", "Equipo técnico"));
            training.MarkPresent(await db.Agents.SingleAsync(a => a.Id == atTraining.Id), data.Data.Manager, now);
            db.Meetings.AddRange(workshop, training);
        });

        var present = await data.Data.ReadAsync(db => ActaContentBuilder.AgentsPresentAsync(db, data.Id, CancellationToken.None));

        var organizations = await data.Data.ReadAsync(db => db.Organizations.Where(o => o.CycleId == data.Id).ToDictionaryAsync(o => o.Id, o => o.Name));
        var expected = agents
            .Where(a => a.Id == atWorkshop.Id || voted.Contains(a.Id))
            .Select(a => (a.FullName, organizations[a.OrganizationId]))
            .OrderBy(p => p.FullName, StringComparer.Create(ActaTestData.Spanish, true)).ThenBy(p => p.Item2, StringComparer.Create(ActaTestData.Spanish, true))
            .ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, present.Select(p => (p.Name, p.Organization)));
        Assert.DoesNotContain((atTraining.FullName, organizations[atTraining.OrganizationId]), present.Select(p => (p.Name, p.Organization)));
    }

    [Fact]
    public async Task Content_RoundTripsExactly_AndTheHashIsOfItsUtf8Bytes_WithAccentsKeptReadable()
    {
        var data = await ActaTestData.CreateAsync(app);
        await data.Cycle.IssueActaAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == data.Id);
        var body = (await ActaContentBuilder.BuildAsync(db, cycle, new ActaStamp(1, app.Clock.GetUtcNow(), "Gestora", ApprovalTestData.Day, "Anta", null), CancellationToken.None))!;
        var json = ActaContentBuilder.Serialize(body);

        Assert.Equal(json, ActaContentBuilder.Serialize(ActaContentBuilder.Deserialize(json)));
        Assert.Contains("Ñaña–Señor", json);
        Assert.Equal(2, body.Committee.Count);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))),
            ActaVersion.HashOf(json));

        // Another stamp is another hash; the same stamp over the same data, the same text.
        Assert.Equal(json, ActaContentBuilder.Serialize(body.WithStamp(body.Stamp)));
        Assert.NotEqual(ActaVersion.HashOf(json), ActaVersion.HashOf(ActaContentBuilder.Serialize(body.WithStamp(body.Stamp with { Number = 2, Reason = "Corrección" }))));
    }
}
