using System.Globalization;
using System.Net;
using PbPeru.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace PbPeru.Web.Tests.Coordination;

/// <summary>Overlaps resolved, the minutes recorded, and the gate out of Coordination; the minutes page, public page and PDF.</summary>
[Trait("Capability", "Coordination")]
public sealed class CoordinationGateTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    private readonly CoordinationDemo _demo = new(app);

    [Fact]
    public async Task Minutes_OpenTheGate_ForACycleWithoutUnresolvedOverlaps_AndTheGateNamesThemOtherwise()
    {
        var region = await _demo.CycleIdAsync(CoordinationDemo.Region);
        var province = await _demo.CycleIdAsync(CoordinationDemo.Province);
        var wanchaq = await _demo.CycleIdAsync(CoordinationDemo.Wanchaq);
        var regionalRoad = await _demo.ProjectNumberAsync("Mejoramiento de la vía Cusco – Poroy – Izcuchaca");
        var provincialRoad = await _demo.ProjectNumberAsync("Mejoramiento de la vía Cusco – Poroy");
        using var manager = await _demo.ManagerAsync();

        // Before the minutes: the gate says they are missing.
        var dashboard = await manager.GetPageAsync($"/Cycles/Dashboard/{wanchaq}");
        Assert.Contains("acta de coordinación", dashboard.QuerySelector(".gate-reasons")!.TextContent, StringComparison.OrdinalIgnoreCase);

        // The road pair is judged two works: resolved on the board.
        var meeting = await _demo.MeetingAsync(manager, region, CoordinationDemo.Region, CoordinationDemo.Province, CoordinationDemo.SanJeronimo, CoordinationDemo.Wanchaq);
        using (var kept = await CoordinationDemo.PostAsync(manager, region, "KeepSeparate",
            ("KeepSeparate.MeetingNumber", meeting.ToString(CultureInfo.InvariantCulture)),
            ("KeepSeparate.First", regionalRoad.ToString(CultureInfo.InvariantCulture)), ("KeepSeparate.Second", provincialRoad.ToString(CultureInfo.InvariantCulture)),
            ("KeepSeparate.Note", "La vía regional sigue hasta Izcuchaca; la provincial es el tramo urbano.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        }

        var board = await manager.GetPageAsync(CoordinationDemo.Board(region));
        Assert.Contains("Resuelta por el acuerdo", board.QuerySelector($"#overlaps tr.overlap[data-first='{regionalRoad}']")!.TextContent);
        Assert.Single(board.QuerySelectorAll("#overlaps tr.unresolved"));

        // The minutes, refused without text, then recorded.
        using (var refused = await manager.SubmitAsync(board, "form.minutes-form", ("MinutesInput.Text", "")))
        {
            Assert.Contains("El texto del acta es obligatorio", CoordinationDemo.Errors(await AppClient.ParseAsync(refused)));
        }

        using (var recorded = await manager.SubmitAsync(board, "form.minutes-form", ("MinutesInput.Text", "Los gobiernos acuerdan mantener separadas las dos vías.\n\nSe revisará el alumbrado en la próxima reunión.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
            Assert.EndsWith($"/Cycles/Coordination/{region}/Minutes", recorded.Headers.Location!.ToString());
        }

        // Wanchaq and the region have no unresolved overlap: their gates hold. The province still has the lighting pair.
        foreach (var open in new[] { wanchaq, region })
        {
            var page = await manager.GetPageAsync($"/Cycles/Dashboard/{open}");
            Assert.Null(page.QuerySelector(".gate-reasons"));
            Assert.NotNull(page.QuerySelector("form[action*='handler=Advance']"));
        }

        var blocked = await manager.GetPageAsync($"/Cycles/Dashboard/{province}");
        var reasons = blocked.QuerySelector(".gate-reasons")!.TextContent;
        Assert.DoesNotContain("acta", reasons, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Queda 1 superposición de proyectos sin resolver.", reasons);

        // Closed: the board offers no forms and refuses a forged agreement.
        var closed = await manager.GetPageAsync(CoordinationDemo.Board(region));
        Assert.NotNull(closed.QuerySelector(".minutes-recorded"));
        Assert.Null(closed.QuerySelector("form.cofinancing-form"));

        // The minutes page, the public page and the PDF.
        var minutes = await manager.GetPageAsync($"/Cycles/Coordination/{region}/Minutes");
        Assert.Contains("Los gobiernos acuerdan mantener separadas las dos vías.", minutes.QuerySelector("#minutes")!.TextContent);
        var spaceId = (await _demo.SpaceAsync()).Id;
        using var anonymous = app.CreateAppClient(followRedirects: false);
        var publicPage = await anonymous.GetPageAsync($"/Public/Coordination/{spaceId}");
        Assert.Contains("Los gobiernos acuerdan mantener separadas las dos vías.", publicPage.QuerySelector("#minutes")!.TextContent);
        Assert.Contains("Asistente 080108", publicPage.QuerySelector(".meeting .attendees")!.TextContent);
        Assert.Contains("Se mantienen separados", publicPage.QuerySelector("#ledger")!.TextContent);
        Assert.Equal(4, publicPage.QuerySelectorAll(".resulting-list").Length);

        using var pdfResponse = await anonymous.GetAsync($"/Public/Coordination/{spaceId}/Pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("mantener separadas", text);
        Assert.Contains("Izcuchaca", text);
    }
}
