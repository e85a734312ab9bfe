using System.Net;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Coordination;

/// <summary>The board: the linked lists side by side, the overlaps and reach problems, and who may open it.</summary>
[Trait("Capability", "Coordination")]
public sealed class CoordinationBoardTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    private readonly CoordinationDemo _demo = new(app);

    [Fact]
    public async Task Board_ShowsTheLinkedListsWithOverlapsAndReachProblems()
    {
        var region = await _demo.CycleIdAsync(CoordinationDemo.Region);
        using var manager = await _demo.ManagerAsync();
        var board = await manager.GetPageAsync(CoordinationDemo.Board(region));

        // Four lists, region first, each with its ceiling and what it commits.
        Assert.Equal(["list-08", "list-0801", "list-080104", "list-080108"], board.QuerySelectorAll(".coordination-list").Select(l => l.Id));
        Assert.Contains("Gobierno Regional de Cusco", board.QuerySelector("#list-08 h4")!.TextContent);
        Assert.Contains("Municipalidad Distrital de San Jerónimo", board.QuerySelector("#list-080104 h4")!.TextContent);
        Assert.Equal("S/ 900,000.00", board.QuerySelector("#list-080104 .ceiling")!.TextContent.Trim());
        Assert.Equal("S/ 770,000.00", CoordinationDemo.Committed(board, CoordinationDemo.SanJeronimo));
        Assert.Equal("S/ 130,000.00", board.QuerySelector("#list-080104 .remaining")!.TextContent.Trim());

        // The road on the region's and the province's lists, and the shared CUI of the province and San Jerónimo.
        var overlaps = board.QuerySelectorAll("#overlaps tr.overlap").Select(r => r.TextContent).ToList();
        Assert.Equal(2, overlaps.Count);
        Assert.Contains(overlaps, o => o.Contains("Mejoramiento de la vía Cusco – Poroy – Izcuchaca", StringComparison.Ordinal)
            && o.Contains("Mejoramiento de la vía Cusco – Poroy (", StringComparison.Ordinal) && o.Contains("mismo distrito, eje y título similar", StringComparison.Ordinal));
        Assert.Contains(overlaps, o => o.Contains("Alumbrado público del corredor", StringComparison.Ordinal)
            && o.Contains("Alumbrado público de la Av. de la Cultura en San Jerónimo", StringComparison.Ordinal) && o.Contains("mismo CUI", StringComparison.Ordinal));
        Assert.All(board.QuerySelectorAll("#overlaps tr.overlap"), r => Assert.Contains("Sin resolver", r.TextContent));

        // Reach: a regional project within one province, a provincial one within one district.
        var anta = board.QuerySelectorAll("#list-08 tr.project").Single(r => r.TextContent.Contains("Anta y Limatambo", StringComparison.Ordinal));
        Assert.Contains("Un proyecto regional debe alcanzar más de una provincia", anta.QuerySelector(".reach-problem")!.TextContent);
        var library = board.QuerySelectorAll("#list-0801 tr.project").Single(r => r.TextContent.Contains("Biblioteca provincial", StringComparison.Ordinal));
        Assert.Contains("Un proyecto provincial debe alcanzar más de un distrito", library.QuerySelector(".reach-problem")!.TextContent);
        var road = board.QuerySelectorAll("#list-08 tr.project").Single(r => r.TextContent.Contains("Izcuchaca", StringComparison.Ordinal));
        Assert.Null(road.QuerySelector(".reach-problem"));
    }

    [Fact]
    public async Task Board_OfADistrict_ShowsOnlyItsProvinceAndRegion()
    {
        var wanchaq = await _demo.CycleIdAsync(CoordinationDemo.Wanchaq);
        using var manager = await _demo.ManagerOfAsync(CoordinationDemo.Wanchaq);
        var board = await manager.GetPageAsync(CoordinationDemo.Board(wanchaq));
        Assert.Equal(["list-08", "list-0801", "list-080108"], board.QuerySelectorAll(".coordination-list").Select(l => l.Id));
    }

    [Fact]
    public async Task Board_OfAnotherJurisdiction_Is403_AndACycleNotInCoordinationShowsTheEmptyState()
    {
        var region = await _demo.CycleIdAsync(CoordinationDemo.Region);
        using var outsider = await _demo.ManagerOfAsync("1501");
        using (var response = await outsider.GetAsync(CoordinationDemo.Board(region)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var wanchaqManager = await _demo.ManagerOfAsync(CoordinationDemo.Wanchaq);
        using (var response = await wanchaqManager.GetAsync(CoordinationDemo.Board(region)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // The demo's 2027 regional cycle is still in Preparation.
        var early = await _demo.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Cycles.Where(c => c.JurisdictionUbigeo == CoordinationDemo.Region && c.FiscalYear != PbPeru.Web.Data.DemoCoordination.FiscalYear && c.Phase == PbPeru.Domain.Cycles.Phase.Preparation).Select(c => c.Id)));
        using var manager = await _demo.ManagerAsync();
        var empty = await manager.GetPageAsync(CoordinationDemo.Board(early));
        Assert.Contains("Este ciclo aún no está en coordinación.", empty.QuerySelector(".coordination-empty")!.TextContent);
    }
}
