using System.Net;
using PbPeru.Domain.Registration;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Review;

/// <summary>Only the cycle's own managers review; an agent, a representative or another jurisdiction's manager cannot.</summary>
[Trait("Capability", "Preparation")]
public sealed class ReviewAccessTests(ReviewFactory app) : IClassFixture<ReviewFactory>
{
    private const string Ubigeo = "0804";

    private static string[] ManagerPages(ReviewData data, int organizationId) =>
    [
        $"/Cycles/Registrations/{data.CycleId}",
        $"/Cycles/Registrations/{data.CycleId}/Review/{organizationId}",
        $"/Cycles/Accreditation/{data.CycleId}",
    ];

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.OrganizationRepresentative)]
    [InlineData(Roles.TechnicalTeam)]
    public async Task ReviewPages_ForSomeoneWhoIsNotACycleManager_Answer403AndDecideNothing(string role)
    {
        var data = await ReviewData.NewCycleAsync(app, Ubigeo);
        var org = await data.OrganizationAsync($"Junta Vecinal {role}", OrganizationStatus.Submitted);
        using var client = await data.SignedInNewAsync("Persona Sin Permiso", [role], role == Roles.TechnicalTeam ? Ubigeo : null);

        foreach (var url in ManagerPages(data, org.Id))
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var forged = await client.PostWithTokenAsync("/", $"/Cycles/Registrations/{data.CycleId}/Review/{org.Id}?handler=Accept");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(OrganizationStatus.Submitted, (await data.OrganizationWithHistoryAsync(org.Id)).Status);
    }

    [Fact]
    public async Task ReviewPages_ForTheOrganizationsOwnRepresentative_Answer403()
    {
        var data = await ReviewData.NewCycleAsync(app, Ubigeo);
        var org = await data.OrganizationAsync("Asociación Propia", OrganizationStatus.Submitted);
        using var representative = await data.SignedInAsync(org.RepresentativeEmail);

        using var page = await representative.GetAsync($"/Cycles/Registrations/{data.CycleId}/Review/{org.Id}");
        using var document = await representative.GetAsync($"/Cycles/Registrations/{data.CycleId}/Review/{org.Id}?handler=Document&documentId=1");
        using var forged = await representative.PostWithTokenAsync("/", $"/Cycles/Registrations/{data.CycleId}/Review/{org.Id}?handler=Accept");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, document.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(OrganizationStatus.Submitted, (await data.OrganizationWithHistoryAsync(org.Id)).Status);
    }

    [Fact]
    public async Task ReviewPages_ForAManagerOfAnotherJurisdiction_Answer403AndDecideNothing()
    {
        var data = await ReviewData.NewCycleAsync(app, Ubigeo);
        var org = await data.OrganizationAsync("Junta Vecinal Ajena", OrganizationStatus.Submitted);
        using var stranger = await data.SignedInNewAsync("Gestor de Otra Provincia", [Roles.CycleManager], "0805");

        foreach (var url in ManagerPages(data, org.Id))
        {
            using var response = await stranger.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var forged = await stranger.PostWithTokenAsync("/", $"/Cycles/Registrations/{data.CycleId}/Review/{org.Id}?handler=Accept");
        using var publish = await stranger.PostWithTokenAsync("/", $"/Cycles/Accreditation/{data.CycleId}?handler=PublishPreliminary");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(OrganizationStatus.Submitted, (await data.OrganizationWithHistoryAsync(org.Id)).Status);
    }

    [Fact]
    public async Task ReviewPage_WithAnOrganizationOfAnotherCycle_Answers404()
    {
        var data = await ReviewData.NewCycleAsync(app, Ubigeo);
        var other = await ReviewData.NewCycleAsync(app, Ubigeo);
        var foreign = await other.OrganizationAsync("Organización de Otro Ciclo", OrganizationStatus.Submitted);
        var own = await data.OrganizationAsync("Organización de Este Ciclo", OrganizationStatus.Submitted);
        using var manager = await data.ManagerAsync();

        using var page = await manager.GetAsync($"/Cycles/Registrations/{data.CycleId}/Review/{foreign.Id}");
        using var forged = await manager.PostWithTokenAsync("/", $"/Cycles/Registrations/{data.CycleId}/Review/{foreign.Id}?handler=Accept");
        var foreignDocument = await other.ReadAsync(db => Task.FromResult(db.Organizations.Where(o => o.Id == foreign.Id).SelectMany(o => o.Documents).Select(d => d.Id).Single()));
        using var document = await manager.GetAsync($"/Cycles/Registrations/{data.CycleId}/Review/{own.Id}?handler=Document&documentId={foreignDocument}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal(OrganizationStatus.Submitted, (await other.OrganizationWithHistoryAsync(foreign.Id)).Status);
    }
}
