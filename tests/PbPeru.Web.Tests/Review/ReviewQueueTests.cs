using AngleSharp.Dom;
using PbPeru.Domain.Registration;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Review;

/// <summary>The review queue: what awaits review first, counts per status, filters and pages of 25.</summary>
[Trait("Capability", "Preparation")]
public sealed class ReviewQueueTests(ReviewFactory app) : IClassFixture<ReviewFactory>, IAsyncLifetime
{
    private const string Ubigeo = "0806"; // Canchis: Sicuani 080601, Checacupe 080602, Combapata 080603

    private ReviewData _data = null!;
    private AppClient _manager = null!;

    private string QueueUrl => $"/Cycles/Registrations/{_data.CycleId}";

    public async Task InitializeAsync()
    {
        _data = await ReviewData.NewCycleAsync(app, Ubigeo);
        await _data.ManyAsync(
            30, "Junta Vecinal", OrganizationStatus.Submitted,
            type: i => i % 3 == 0 ? OrganizationType.WomensOrganization : OrganizationType.NeighbourhoodAssociation,
            district: i => i % 2 == 0 ? "080602" : "080601");
        await _data.ManyAsync(4, "Club de Madres", OrganizationStatus.Accepted, type: _ => OrganizationType.WomensOrganization, district: _ => "080603");
        await _data.ManyAsync(2, "Comité de Riego", OrganizationStatus.Observed, type: _ => OrganizationType.Producers);
        await _data.ManyAsync(1, "Colegio de Ingenieros", OrganizationStatus.Rejected, type: _ => OrganizationType.ProfessionalAssociation);
        await _data.ManyAsync(3, "Borrador", OrganizationStatus.Draft);
        _manager = await _data.ManagerAsync();
    }

    public Task DisposeAsync()
    {
        _manager.Dispose();
        return Task.CompletedTask;
    }

    private static List<string> Names(IDocument page) =>
        page.QuerySelectorAll("#review-queue tbody th a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Queue_ByDefault_ShowsTheSubmittedOldestFirst_25APage_WithCountsPerStatus()
    {
        var page = await _manager.GetPageAsync(QueueUrl);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Junta Vecinal {i:D3}"), Names(page));
        var pills = page.QuerySelectorAll("nav .nav-pills .nav-link").Select(a => string.Join(' ', a.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["Enviada 30", "Observada 2", "Aceptada 4", "Rechazada 1", "Borrador 3", "Todas 40"], pills);
        var firstRow = page.QuerySelector("#review-queue tbody tr")!.TextContent;
        Assert.Contains("Sicuani", firstRow, StringComparison.Ordinal);
        Assert.Contains("Junta o asociación vecinal", firstRow, StringComparison.Ordinal);
        Assert.Contains("8/01/2027 12:01", firstRow, StringComparison.Ordinal);

        var second = await _manager.GetPageAsync(page.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(Enumerable.Range(26, 5).Select(i => $"Junta Vecinal {i:D3}"), Names(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Queue_FiltersByStatusTypeDistrictAndName_AndCombinesThem()
    {
        var all = await _manager.GetPageAsync($"{QueueUrl}?status=all");
        Assert.Contains("40 organizaciones", all.QuerySelector("p[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Junta Vecinal", Names(all)[0], StringComparison.Ordinal);

        var women = await _manager.GetPageAsync($"{QueueUrl}?status=all&type=WomensOrganization");
        Assert.Equal(14, Names(women).Count); // 10 submitted (every third of 30) and 4 accepted

        var checacupe = await _manager.GetPageAsync($"{QueueUrl}?district=080602");
        Assert.Equal(15, Names(checacupe).Count);
        Assert.Contains(checacupe.QuerySelectorAll("#district option"), o => o.GetAttribute("value") == "080603" && o.TextContent.Contains("Combapata", StringComparison.Ordinal));

        var search = await _manager.GetPageAsync($"{QueueUrl}?status=all&q=club%20de%20MADRES");
        Assert.Equal(Enumerable.Range(1, 4).Select(i => $"Club de Madres {i:D3}"), Names(search));

        var combined = await _manager.GetPageAsync($"{QueueUrl}?status=Submitted&type=WomensOrganization&district=080602&q=vecinal");
        Assert.Equal(["Junta Vecinal 006", "Junta Vecinal 012", "Junta Vecinal 018", "Junta Vecinal 024", "Junta Vecinal 030"], Names(combined));

        var none = await _manager.GetPageAsync($"{QueueUrl}?q=no-existe");
        Assert.Empty(Names(none));
        Assert.Contains("Ninguna organización coincide", none.QuerySelector(".alert-info")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_WithAnUnknownFilterValue_FallsBackInsteadOfFailing()
    {
        var page = await _manager.GetPageAsync($"{QueueUrl}?status=Nada&type=99&district=abc&page=999");

        Assert.Equal(Enumerable.Range(26, 5).Select(i => $"Junta Vecinal {i:D3}"), Names(page));
    }
}
