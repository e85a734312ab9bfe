using System.Globalization;
using System.Net;
using PbPeru.Domain.Coordination;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Coordination;

/// <summary>Meetings and agreements on the board: co-financing on both lists, revocation, refusals that store nothing, who may record.</summary>
[Trait("Capability", "Coordination")]
public sealed class CoordinationAgreementTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    private readonly CoordinationDemo _demo = new(app);

    [Fact]
    public async Task Cofinancing_ShowsOnBothLists_AndARevocationRestoresThem()
    {
        var region = await _demo.CycleIdAsync(CoordinationDemo.Region);
        var sanJeronimo = await _demo.CycleIdAsync(CoordinationDemo.SanJeronimo);
        var picol = await _demo.ProjectNumberAsync("Ampliación de agua potable en Picol");
        using var manager = await _demo.ManagerAsync();
        var meeting = await _demo.MeetingAsync(manager, region, CoordinationDemo.Region, CoordinationDemo.SanJeronimo);
        var before = await manager.GetPageAsync(CoordinationDemo.Board(region));
        var regionBefore = CoordinationDemo.Committed(before, CoordinationDemo.Region);

        using (var agreed = await manager.SubmitAsync(before, "form.cofinancing-form",
            ("Cofinancing.MeetingNumber", meeting.ToString(CultureInfo.InvariantCulture)),
            ("Cofinancing.Project", picol.ToString(CultureInfo.InvariantCulture)),
            ($"Cofinancing.Amounts[{region}]", "100000"),
            ($"Cofinancing.Amounts[{sanJeronimo}]", "S/ 320,000.00")))
        {
            Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        }

        // The region's board and San Jerónimo's own board both show it.
        var board = await manager.GetPageAsync(CoordinationDemo.Board(region));
        Assert.Equal("S/ 670,000.00", CoordinationDemo.Committed(board, CoordinationDemo.SanJeronimo));
        Assert.Equal(Add(regionBefore, 100_000m), CoordinationDemo.Committed(board, CoordinationDemo.Region));
        Assert.Contains("Ampliación de agua potable en Picol", board.QuerySelector("#list-08 .paid-elsewhere")!.TextContent);
        Assert.Contains("S/ 100,000.00", board.QuerySelector("#list-08 .paid-elsewhere")!.TextContent);
        var row = board.QuerySelector($"#list-080104 tr.project[data-number='{picol}'] .shares")!.TextContent;
        Assert.Contains("Gobierno Regional de Cusco S/ 100,000.00", row);
        Assert.Contains("Municipalidad Distrital de San Jerónimo S/ 320,000.00", row);
        var districtBoard = await manager.GetPageAsync(CoordinationDemo.Board(sanJeronimo));
        Assert.Contains("Gobierno Regional de Cusco S/ 100,000.00", districtBoard.QuerySelector($"#list-080104 tr.project[data-number='{picol}'] .shares")!.TextContent);
        var agreement = board.QuerySelectorAll("#ledger tr.agreement").Last();
        Assert.Contains("Cofinanciamiento", agreement.TextContent);
        Assert.Contains("Vigente", agreement.TextContent);

        // Revoked: the lists are as before, and the ledger keeps both entries.
        var number = agreement.GetAttribute("data-number")!;
        Assert.NotNull(board.QuerySelector("form.revoke-form[data-confirm]"));
        using (var revoked = await manager.SubmitAsync(board, "form.revoke-form",
            ("Revoke.MeetingNumber", meeting.ToString(CultureInfo.InvariantCulture)),
            ("Revoke.Agreement", number),
            ("Revoke.Reason", "San Jerónimo financiará la obra por su cuenta.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        var after = await manager.GetPageAsync(CoordinationDemo.Board(region));
        Assert.Equal("S/ 770,000.00", CoordinationDemo.Committed(after, CoordinationDemo.SanJeronimo));
        Assert.Equal(regionBefore, CoordinationDemo.Committed(after, CoordinationDemo.Region));
        Assert.Null(after.QuerySelector("#list-08 .paid-elsewhere"));
        Assert.Contains("Revocado", after.QuerySelector($"#ledger tr.agreement[data-number='{number}']")!.TextContent);
        var space = await _demo.SpaceAsync();
        Assert.Contains(space.Agreements, a => a.Kind == AgreementKind.Revoke && a.RevokesAgreement == int.Parse(number, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAClearMessage_WhatWasTypedKept_AndNothingStored()
    {
        var region = await _demo.CycleIdAsync(CoordinationDemo.Region);
        var province = await _demo.CycleIdAsync(CoordinationDemo.Province);
        var sanJeronimo = await _demo.CycleIdAsync(CoordinationDemo.SanJeronimo);
        var wanchaq = await _demo.CycleIdAsync(CoordinationDemo.Wanchaq);
        var picol = await _demo.ProjectNumberAsync("Ampliación de agua potable en Picol");
        var institutes = await _demo.ProjectNumberAsync("Institutos tecnológicos");
        using var manager = await _demo.ManagerAsync();
        var meeting = await _demo.MeetingAsync(manager, region, CoordinationDemo.Region, CoordinationDemo.Province, CoordinationDemo.SanJeronimo, CoordinationDemo.Wanchaq);
        var stored = (await _demo.SpaceAsync()).Agreements.Count;
        var m = meeting.ToString(CultureInfo.InvariantCulture);

        // Shares that do not add up to the cost.
        var board = await manager.GetPageAsync(CoordinationDemo.Board(region));
        using (var response = await manager.SubmitAsync(board, "form.cofinancing-form",
            ("Cofinancing.MeetingNumber", m), ("Cofinancing.Project", picol.ToString(CultureInfo.InvariantCulture)),
            ($"Cofinancing.Amounts[{region}]", "100000"), ($"Cofinancing.Amounts[{sanJeronimo}]", "100000")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await AppClient.ParseAsync(response);
            Assert.Contains("Las partes suman S/ 200,000.00; deben sumar exactamente el costo del proyecto, S/ 420,000.00.", page.QuerySelector("form.cofinancing-form .form-errors")!.TextContent);
            Assert.Equal("100000", page.QuerySelector($"#Cofinancing_Amounts_{sanJeronimo}")!.GetAttribute("value"));
            Assert.NotNull(page.QuerySelector($"#Cofinancing_Project option[value='{picol}'][selected]"));
        }

        // A share that breaks the province's ceiling (S/ 3,500,000.00, S/ 2,950,000.00 committed).
        using (var response = await manager.SubmitAsync(board, "form.cofinancing-form",
            ("Cofinancing.MeetingNumber", m), ("Cofinancing.Project", institutes.ToString(CultureInfo.InvariantCulture)),
            ($"Cofinancing.Amounts[{region}]", "3000000"), ($"Cofinancing.Amounts[{province}]", "900000")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = (await AppClient.ParseAsync(response)).QuerySelector("form.cofinancing-form .form-errors")!.TextContent;
            Assert.Contains("Cusco comprometería S/ 3,850,000.00, por encima de su techo presupuestal de S/ 3,500,000.00", error);
        }

        // A transfer to a sibling district (outside the hierarchy), and a forged one to a cycle outside the coordination.
        using (var response = await CoordinationDemo.PostAsync(manager, region, "Transfer",
            ("Transfer.MeetingNumber", m), ("Transfer.Project", picol.ToString(CultureInfo.InvariantCulture)), ("Transfer.ToCycle", wanchaq.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("solo puede pasar a la lista de un gobierno de su jerarquía", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        var outside = await _demo.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Cycles.Where(c => c.FiscalYear != PbPeru.Web.Data.DemoCoordination.FiscalYear).Select(c => c.Id)));
        using (var response = await CoordinationDemo.PostAsync(manager, region, "Transfer",
            ("Transfer.MeetingNumber", m), ("Transfer.Project", picol.ToString(CultureInfo.InvariantCulture)), ("Transfer.ToCycle", outside.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("solo puede pasar a la lista de un gobierno de su jerarquía", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        // An amount that is not one, a merge of one project, a rejection without a reason, a meeting without a place.
        using (var response = await CoordinationDemo.PostAsync(manager, region, "Cofinancing",
            ("Cofinancing.MeetingNumber", m), ("Cofinancing.Project", picol.ToString(CultureInfo.InvariantCulture)), ($"Cofinancing.Amounts[{region}]", "cien mil")))
        {
            Assert.Contains("no es un importe válido", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        using (var response = await CoordinationDemo.PostAsync(manager, region, "Merge",
            ("Merge.MeetingNumber", m), ("Merge.Projects", picol.ToString(CultureInfo.InvariantCulture)), ("Merge.Title", "Uno solo"), ("Merge.Cost", "100000"), ("Merge.Owner", region.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Contains("Una fusión une al menos dos proyectos.", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        using (var response = await CoordinationDemo.PostAsync(manager, region, "Reject",
            ("Reject.MeetingNumber", m), ("Reject.Project", picol.ToString(CultureInfo.InvariantCulture)), ("Reject.Reason", "  ")))
        {
            Assert.Contains("Indique el motivo", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        using (var response = await CoordinationDemo.PostAsync(manager, region, "Meeting",
            ("Meeting.Date", "2026-11-21"), ("Meeting.Time", "09:00"), ("Meeting.Place", ""),
            ("Meeting.Attendees[0].Name", "Ana"), ("Meeting.Attendees[0].Office", "Alcaldesa"), ("Meeting.Attendees[0].Government", CoordinationDemo.Region)))
        {
            var page = await AppClient.ParseAsync(response);
            Assert.Contains("El lugar es obligatorio", page.QuerySelector("form.meeting-form .form-errors")!.TextContent);
            Assert.Equal("Ana", page.QuerySelector("#Meeting_Attendees_0__Name")!.GetAttribute("value"));
        }

        var space = await _demo.SpaceAsync();
        Assert.Equal(stored, space.Agreements.Count);
        Assert.Equal(meeting, space.Meetings.Max(x => x.Number));
        Assert.Equal(picol, space.State.ListOf(sanJeronimo).Single(p => p.Number == picol).Number);
    }

    [Fact]
    public async Task AManagerOfOneGovernment_CannotRecordForAnotherThatDidNotTakePart()
    {
        var region = await _demo.CycleIdAsync(CoordinationDemo.Region);
        var province = await _demo.CycleIdAsync(CoordinationDemo.Province);
        var wanchaq = await _demo.CycleIdAsync(CoordinationDemo.Wanchaq);
        var picol = await _demo.ProjectNumberAsync("Ampliación de agua potable en Picol");
        var lighting = await _demo.ProjectNumberAsync("Alumbrado público del corredor");
        var sidewalks = await _demo.ProjectNumberAsync("Veredas accesibles");
        using var regional = await _demo.ManagerAsync();
        var regionAndSanJeronimo = await _demo.MeetingAsync(regional, region, CoordinationDemo.Region, CoordinationDemo.SanJeronimo);
        using var local = await _demo.ManagerOfAsync(CoordinationDemo.Wanchaq);
        var stored = (await _demo.SpaceAsync()).Agreements.Count;

        // Wanchaq took no part in the region's meeting with San Jerónimo: its manager cannot record there.
        using (var response = await CoordinationDemo.PostAsync(local, wanchaq, "Transfer",
            ("Transfer.MeetingNumber", regionAndSanJeronimo.ToString(CultureInfo.InvariantCulture)),
            ("Transfer.Project", sidewalks.ToString(CultureInfo.InvariantCulture)), ("Transfer.ToCycle", province.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Solo un responsable de un gobierno que participó en la reunión", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        // Nor may it record a meeting where only others attend.
        using (var response = await CoordinationDemo.PostAsync(local, wanchaq, "Meeting",
            ("Meeting.Date", "2026-11-21"), ("Meeting.Time", "09:00"), ("Meeting.Place", "Cusco"),
            ("Meeting.Attendees[0].Name", "Ana"), ("Meeting.Attendees[0].Office", "Gerente"), ("Meeting.Attendees[0].Government", CoordinationDemo.Province)))
        {
            Assert.Contains("Solo un responsable de un gobierno que participó en la reunión", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        // In its own meeting with the region, it cannot change the province's list: the province was absent.
        var own = await _demo.MeetingAsync(local, wanchaq, CoordinationDemo.Wanchaq, CoordinationDemo.Region);
        using (var response = await CoordinationDemo.PostAsync(local, wanchaq, "Cofinancing",
            ("Cofinancing.MeetingNumber", own.ToString(CultureInfo.InvariantCulture)), ("Cofinancing.Project", lighting.ToString(CultureInfo.InvariantCulture)),
            ($"Cofinancing.Amounts[{province}]", "800000"), ($"Cofinancing.Amounts[{wanchaq}]", "100000")))
        {
            Assert.Contains("El acuerdo cambia la lista de Cusco, que no participó en la reunión.", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        // And San Jerónimo's list is not on its board at all (a sibling district).
        using (var response = await CoordinationDemo.PostAsync(local, wanchaq, "Reject",
            ("Reject.MeetingNumber", own.ToString(CultureInfo.InvariantCulture)), ("Reject.Project", picol.ToString(CultureInfo.InvariantCulture)), ("Reject.Reason", "Sin alcance.")))
        {
            Assert.Contains("El proyecto elegido no está en las listas de este tablero.", CoordinationDemo.Errors(await AppClient.ParseAsync(response)));
        }

        // A manager of an unrelated jurisdiction is turned away before anything is read.
        using var outsider = await _demo.ManagerOfAsync("1501");
        using (var response = await outsider.PostWithTokenAsync("/Cycles", $"{CoordinationDemo.Board(region)}?handler=Meeting",
            ("Meeting.Date", "2026-11-21"), ("Meeting.Time", "09:00"), ("Meeting.Place", "Lima"),
            ("Meeting.Attendees[0].Name", "Ana"), ("Meeting.Attendees[0].Office", "Gerente"), ("Meeting.Attendees[0].Government", CoordinationDemo.Region)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(stored, (await _demo.SpaceAsync()).Agreements.Count);
    }

    private static string Add(string amount, decimal soles)
    {
        var value = decimal.Parse(amount.Replace("S/", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);
        return "S/ " + (value + soles).ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
