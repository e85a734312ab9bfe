using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// Script and HTML in every free-text field people fill, through the real forms, then every page
/// that shows it: the text comes back as text, never as markup. SQL metacharacters in every search
/// box and filter, and over-long input in forms, query strings and numbers: a sensible answer, never a 500.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class HostileInputTests(TrustApp app) : IClassFixture<TrustApp>
{
    /// <summary>Script, an attribute break-out, a template expression, a bidi override and a zero-width space in one.</summary>
    public const string Payload = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>{{7*7}}\u202Ejavascript:alert(1)\u200B";

    /// <summary>What a person reads of the payload when it is shown as text.</summary>
    private const string VisibleMark = "<script>alert(1)</script>";

    private static readonly string[] SqlPayloads = ["' OR 1=1 --", "%", "_", "\\", "\"; DROP TABLE \"Cycles\"; --"];

    /// <summary>
    /// One form with the payload in its free-text fields, and the pages (as whom) that may show what
    /// it saved: the first shows it (the proof the text went in); every one is checked for markup.
    /// </summary>
    private sealed record Entry(Persona Persona, Func<DemoIds, string> Form, string Field, Func<DemoIds, (string Name, string Value)[]> Changes, (Persona Persona, Func<DemoIds, string> Url)[] ShownOn);

    private static readonly Dictionary<string, Entry> Entries = new()
    {
        ["organization name, address and legal representative"] = new(
            Persona.Representative, d => $"/Registration/Create?cycleId={d.Registration}", "Details.Name",
            _ => [("Details.Name", Payload), ("Details.Address", Payload), ("Details.LegalRepresentative", Payload), ("Details.RegistryNumber", "RM-0001-2026")],
            [(Persona.Representative, _ => "/Registration"), (Persona.Manager, d => $"/Cycles/Registrations/Index/{d.Registration}")]),
        ["observation of an organization"] = new(
            Persona.Manager, d => $"/Cycles/Registrations/{d.Registration}/Review/{d.SubmittedOrganization}", "WhatToFix",
            _ => [("WhatToFix", Payload)],
            [(Persona.Manager, d => $"/Cycles/Registrations/{d.Registration}/Review/{d.SubmittedOrganization}"), (Persona.Manager, d => $"/Cycles/Registrations/Index/{d.Registration}")]),
        ["question on a proposal"] = new(
            Persona.Agent, d => $"/Questions/Ask/{d.Proposal}", "Input.Text",
            _ => [("Input.Text", Payload)],
            [(Persona.Anonymous, d => $"/Public/Proposals/{d.Concertation}/{d.Proposal}"), (Persona.Manager, d => $"/Cycles/Moderation/Index/{d.Concertation}")]),
        ["answer to a question"] = new(
            Persona.TechnicalTeam, d => $"/Questions/Answer/{d.Question}", "Input.Text",
            _ => [("Input.Text", Payload)],
            [(Persona.Anonymous, d => $"/Public/Proposals/{d.Concertation}/{d.Proposal}")]),
        ["reason of a content report"] = new(
            Persona.NoRole, d => $"/Questions/Report?questionId={d.Question}", "Reason",
            _ => [("Reason", Payload)],
            [(Persona.Manager, d => $"/Cycles/Moderation/Index/{d.Concertation}")]),
        ["meeting agenda, minutes and agreements"] = new(
            Persona.Manager, d => $"/Cycles/Meetings/Edit/{d.Concertation}?meetingId={d.Workshop}", "Record.Minutes",
            _ => [("Record.Agenda", Payload), ("Record.Minutes", Payload), ("Record.Agreements", Payload)],
            [(Persona.Manager, d => $"/Cycles/Meetings/Edit/{d.Concertation}?meetingId={d.Workshop}"), (Persona.Anonymous, d => $"/Public/Meetings/{d.Concertation}")]),
        ["guest of a meeting"] = new(
            Persona.Manager, d => $"/Cycles/Meetings/Edit/{d.Concertation}?meetingId={d.Workshop}", "Guest.Name",
            _ => [("Guest.Name", Payload), ("Guest.Office", Payload)],
            [(Persona.Manager, d => $"/Cycles/Meetings/Edit/{d.Concertation}?meetingId={d.Workshop}")]),
        ["observations of an execution update"] = new(
            Persona.Manager, d => $"/Oversight/ExecutionProject/{d.Published}/1", "Entry.Observations",
            _ => [("Entry.Observations", Payload), ("Entry.State", "InExecution"), ("Entry.ProgressPercent", "40")],
            [(Persona.Committee, d => $"/Oversight/ExecutionProject/{d.Published}/1"), (Persona.Anonymous, d => $"/Public/Execution/{d.Published}/1"), (Persona.Anonymous, d => $"/Public/Execution/{d.Published}")]),
        ["comment of the participants' survey"] = new(
            Persona.Committee, d => $"/Survey/Answer/{d.Published}", "Comment",
            _ => [("Comment", Payload)],
            [(Persona.Anonymous, d => $"/Public/Survey/{d.Published}")]),
        ["name of a new cycle"] = new(
            Persona.OtherManager, _ => "/Cycles/Create", "Input.Name",
            _ => [("Input.Name", Payload), ("Input.FiscalYear", "2031"), ("Input.Ceiling", "1000000")],
            [(Persona.OtherManager, _ => "/Cycles")]),
    };

    public static TheoryData<string> EntryNames => [.. Entries.Keys];

    [Theory]
    [MemberData(nameof(EntryNames))]
    public async Task ScriptPayload_InAFreeTextField_IsShownAsTextOnEveryPageThatShowsIt(string entryName)
    {
        var entry = Entries[entryName];
        var client = await app.ClientAsync(entry.Persona);

        using var response = await SubmitWithAsync(client, entry.Form(app.Ids), entry.Field, entry.Changes(app.Ids));

        Assert.True((int)response.StatusCode < 500, $"{entryName}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            // Refused and shown again with the person's input: echoed, and still only as text.
            var echoed = await AppClient.ParseAsync(response);
            AssertNothingInjected(echoed, $"{entryName} (form shown again: {ErrorsOf(echoed)})");
            Assert.Fail($"{entryName}: the form did not accept the text: {ErrorsOf(echoed)}");
        }

        var savedTo = response.Headers.Location?.ToString() ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && !savedTo.Contains(AppClient.LoginPath, StringComparison.OrdinalIgnoreCase),
            $"{entryName}: {(int)response.StatusCode} → {savedTo}");
        foreach (var (persona, url) in entry.ShownOn)
        {
            var page = await (await app.ClientAsync(persona)).GetPageAsync(url(app.Ids));
            AssertNothingInjected(page, $"{entryName} on {url(app.Ids)}");
            if (url == entry.ShownOn[0].Url)
            {
                Assert.True(page.Body!.TextContent.Contains(VisibleMark, StringComparison.Ordinal), $"{entryName}: saved (→ {savedTo}) but not shown as text on {url(app.Ids)}");
            }
        }
    }

    public static TheoryData<Persona, string> SearchPages => new()
    {
        { Persona.Administrator, "/Admin/Users?q={0}" },
        { Persona.Administrator, "/Admin/Jurisdictions?q={0}" },
        { Persona.Administrator, "/Admin/Jurisdictions?parent={0}" },
        { Persona.Administrator, "/Admin/Jurisdictions?level={0}" },
        { Persona.Manager, "/Cycles/Registrations/Index/{Registration}?q={0}" },
        { Persona.Manager, "/Cycles/Registrations/Index/{Registration}?status={0}&type={0}&district={0}" },
        { Persona.Manager, "/Cycles/Invitations/Index/{Registration}?q={0}" },
        { Persona.Manager, "/Cycles/Training/{Voting}/Attendance/{Training}?q={0}" },
        { Persona.Manager, "/Cycles/Meetings/Door/{Concertation}?meetingId={Workshop}&q={0}" },
        { Persona.Manager, "/Cycles/Meetings/Scan?token={0}" },
        { Persona.Manager, "/Cycles/Evaluation/Index/{Concertation}?state={0}&evaluatorId={0}&theme={0}" },
        { Persona.TechnicalTeam, "/Evaluation?show={0}" },
        { Persona.Anonymous, "/Public/Proposals/{Concertation}?q={0}" },
        { Persona.Anonymous, "/Public/Proposals/{Concertation}?district={0}&state={0}&theme={0}" },
        { Persona.Anonymous, "/Public/Agents/{Registration}?q={0}" },
        { Persona.Anonymous, "/Public/Agents/{Registration}?district={0}&type={0}" },
        { Persona.Anonymous, "/Public/History/{0}" },
        { Persona.Anonymous, "/Public/OpenDataFile/{Published}/{0}" },
        { Persona.Anonymous, "/Public/ExportFile/{Published}?format={0}" },
        { Persona.Anonymous, "/Account/Login?returnUrl={0}" },
        { Persona.Anonymous, "/Account/Invitation?token={0}" },
        { Persona.Manager, "/Cycles/Approvals/Export/{Published}?format={0}" },
    };

    [Theory]
    [MemberData(nameof(SearchPages))]
    public async Task SqlMetacharacters_InASearchOrFilter_AnswerLikeAnyWordThatMatchesNothing(Persona persona, string template)
    {
        var client = await app.ClientAsync(persona);
        var (nothingStatus, nothingRows) = await SearchAsync(client, template, "zzqxjw");

        foreach (var payload in SqlPayloads)
        {
            var (status, rows) = await SearchAsync(client, template, payload);

            Assert.True(status < 500, $"{payload} → {status}");
            Assert.Equal(nothingStatus, status);
            Assert.Equal(nothingRows, rows);
        }
    }

    [Theory]
    [MemberData(nameof(SearchPages))]
    public async Task OverLongQueryString_InASearchOrFilter_IsNeverAServerError(Persona persona, string template)
    {
        var client = await app.ClientAsync(persona);

        var (status, _) = await SearchAsync(client, template, new string('a', 10_000));
        var (numberStatus, _) = await SearchAsync(client, template, new string('9', 10_000));

        Assert.True(status < 500, $"10,000 letters → {status}");
        Assert.True(numberStatus < 500, $"10,000 digits → {numberStatus}");
    }

    public static TheoryData<Persona, string> IdAddresses => new()
    {
        { Persona.Manager, "/Cycles/Dashboard/{0}" },
        { Persona.Manager, "/Cycles/Meetings/Edit/{Concertation}?meetingId={0}" },
        { Persona.Representative, "/Registration/Edit/{0}" },
        { Persona.Agent, "/Voting/Ballot/{0}" },
        { Persona.Anonymous, "/Public/Proposals/{Concertation}/{0}" },
        { Persona.Anonymous, "/Public/Results/{0}" },
        { Persona.Administrator, "/Admin/Users/Edit/{0}" },
    };

    [Theory]
    [MemberData(nameof(IdAddresses))]
    public async Task OverLongOrMalformedId_InTheAddress_IsANotFoundABadRequestOrARedirect(Persona persona, string template)
    {
        var client = await app.ClientAsync(persona);

        foreach (var id in new[] { new string('9', 10_000), "99999999999", "-1", "1%27%20OR%201%3D1" })
        {
            using var response = await client.GetAsync(Fill(template, id));
            var status = (int)response.StatusCode;
            Assert.True(status is 400 or 404 || (status is >= 300 and < 400 && response.Headers.Location?.ToString().Contains("/Error", StringComparison.Ordinal) != true),
                $"{id} → {status} {response.Headers.Location}");
        }
    }

    /// <summary>One form with over-long text (or an over-long number) in one field.</summary>
    private static readonly Dictionary<string, (Persona Persona, Func<DemoIds, string> Form, string Field, string Value)> LongInputs = new()
    {
        ["organization name"] = (Persona.Representative, d => $"/Registration/Create?cycleId={d.Registration}", "Details.Name", Long),
        ["organization address"] = (Persona.Representative, d => $"/Registration/Create?cycleId={d.Registration}", "Details.Address", Long),
        ["observation of an organization"] = (Persona.Manager, d => $"/Cycles/Registrations/{d.Registration}/Review/{d.SubmittedOrganization}", "WhatToFix", Long),
        ["question"] = (Persona.Agent, d => $"/Questions/Ask/{d.Proposal}", "Input.Text", Long),
        ["answer"] = (Persona.TechnicalTeam, d => $"/Questions/Answer/{d.Question}", "Input.Text", Long),
        ["report reason"] = (Persona.NoRole, d => $"/Questions/Report?questionId={d.Question}", "Reason", Long),
        ["meeting minutes"] = (Persona.Manager, d => $"/Cycles/Meetings/Edit/{d.Concertation}?meetingId={d.Workshop}", "Record.Minutes", Long),
        ["meeting agreements"] = (Persona.Manager, d => $"/Cycles/Meetings/Edit/{d.Concertation}?meetingId={d.Workshop}", "Record.Agreements", Long),
        ["meeting agenda"] = (Persona.Manager, d => $"/Cycles/Meetings/Edit/{d.Concertation}?meetingId={d.Workshop}", "Record.Agenda", Long),
        ["execution observations"] = (Persona.Manager, d => $"/Oversight/ExecutionProject/{d.Published}/1", "Entry.Observations", Long),
        ["execution progress (a number)"] = (Persona.Manager, d => $"/Oversight/ExecutionProject/{d.Published}/1", "Entry.ProgressPercent", LongNumber),
        ["execution amount spent (a number)"] = (Persona.Manager, d => $"/Oversight/ExecutionProject/{d.Published}/1", "Entry.Spent", LongNumber),
        ["survey comment"] = (Persona.Agent, d => $"/Survey/Answer/{d.Published}", "Comment", Long),
        ["cycle name"] = (Persona.OtherManager, _ => "/Cycles/Create", "Input.Name", Long),
        ["cycle ceiling (a number)"] = (Persona.OtherManager, _ => "/Cycles/Create", "Input.Ceiling", LongNumber),
        ["cycle fiscal year (a number)"] = (Persona.OtherManager, _ => "/Cycles/Create", "Input.FiscalYear", LongNumber),
    };

    private const string Long = "long-text";
    private const string LongNumber = "long-number";

    public static TheoryData<string> LongInputNames => [.. LongInputs.Keys];

    [Theory]
    [MemberData(nameof(LongInputNames))]
    public async Task OverLongInput_InAForm_IsRefusedWithAMessageAndSavesNothing(string name)
    {
        var (persona, form, field, kind) = LongInputs[name];
        var client = await app.ClientAsync(persona);
        var value = kind == LongNumber ? new string('9', 10_000) : string.Concat(Enumerable.Repeat("Texto largo ", 2_500)) + "fin"; // 30,000 characters: over every text limit of the app
        var before = await DatabaseFingerprint.TakeAsync(app.Factory.DatabaseConnectionString);

        using var response = await SubmitWithAsync(client, form(app.Ids), field, [(field, value)]);

        var after = await DatabaseFingerprint.TakeAsync(app.Factory.DatabaseConnectionString);
        Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode}");
        Assert.Empty(DatabaseFingerprint.Changed(before, after));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.NotEqual("", ErrorsOf(await AppClient.ParseAsync(response)));
        }
        else
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        }
    }

    /// <summary>No script, no event handler, no image or javascript: link made of the payload.</summary>
    private static void AssertNothingInjected(IDocument page, string where)
    {
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && a.Value.Contains("alert", StringComparison.Ordinal)));
        Assert.DoesNotContain(page.QuerySelectorAll("img"), i => i.GetAttribute("src") == "x");
        Assert.DoesNotContain(page.QuerySelectorAll("[href], [src], [action], [formaction]"), e =>
            new[] { "href", "src", "action", "formaction" }.Any(a => e.GetAttribute(a)?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true));
        Assert.False(html.Contains("<script>alert(1)", StringComparison.Ordinal), $"raw script on {where}");
    }

    private static string ErrorsOf(IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .alert-danger, [role=alert]")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    /// <summary>GETs the page, fills the form that holds <paramref name="field"/> as a browser would, and posts it to the form's action.</summary>
    private static async Task<HttpResponseMessage> SubmitWithAsync(AppClient client, string pageUrl, string field, (string Name, string Value)[] changes)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().FirstOrDefault(f => f.QuerySelector($"[name='{field}']") is not null)
            ?? throw new InvalidOperationException($"No form with a field '{field}' on {pageUrl}.");
        var values = FormSubmission.CurrentValues(form);

        // The choices a person must make and the test does not name: the first real option of each
        // select left on its placeholder, the last of each radio group left unchecked.
        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>().Where(s => s.Name is { Length: > 0 } && values.All(v => v.Key != s.Name || v.Value.Length == 0)))
        {
            if (select.Options.FirstOrDefault(o => o.Value.Length > 0) is { } option)
            {
                values.RemoveAll(v => v.Key == select.Name);
                values.Add(KeyValuePair.Create(select.Name!, option.Value));
            }
        }

        foreach (var group in form.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().GroupBy(r => r.Name ?? "").Where(g => g.Key.Length > 0 && values.All(v => v.Key != g.Key)))
        {
            values.Add(KeyValuePair.Create(group.Key, group.Last().Value));
        }

        values.RemoveAll(v => changes.Any(c => c.Name == v.Key));
        values.AddRange(changes.Select(c => KeyValuePair.Create(c.Name, c.Value)));
        var action = form.GetAttribute("action");
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, content);
    }

    private async Task<(int Status, int Rows)> SearchAsync(AppClient client, string template, string value)
    {
        using var response = await client.GetAsync(Fill(template, Uri.EscapeDataString(value)));
        var rows = response.Content.Headers.ContentType?.MediaType == "text/html"
            ? (await AppClient.ParseAsync(response)).QuerySelectorAll("main tbody tr, main li.list-group-item, main .card").Length
            : -1;
        return ((int)response.StatusCode, rows);
    }

    private string Fill(string template, string value)
    {
        var ids = app.Ids;
        return template
            .Replace("{Registration}", $"{ids.Registration}", StringComparison.Ordinal)
            .Replace("{Concertation}", $"{ids.Concertation}", StringComparison.Ordinal)
            .Replace("{Voting}", $"{ids.Voting}", StringComparison.Ordinal)
            .Replace("{Published}", $"{ids.Published}", StringComparison.Ordinal)
            .Replace("{Training}", $"{ids.Training}", StringComparison.Ordinal)
            .Replace("{Workshop}", $"{ids.Workshop}", StringComparison.Ordinal)
            .Replace("{0}", value, StringComparison.Ordinal);
    }
}
