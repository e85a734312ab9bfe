using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PbPeru.Cli;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Cycles;
using PbPeru.Web.Tests.Formalization;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Review;
using PbPeru.Web.Tests.Voting;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// The audit record on real PostgreSQL through the real pages: each kind of event leaves its line
/// on the cycle's chain, the acta prints the head of the moment it was issued, staff download the
/// chain and the command-line verifier finds every tampering done in the database at its line, and
/// the database itself refuses to change a line.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class AuditTrailTests(ReviewFactory app) : IClassFixture<ReviewFactory>
{
    [Fact]
    public async Task PhaseMove_ThroughTheDashboard_LeavesOneLineWithWhoAndTheMove()
    {
        var id = await NewDraftCycleAsync("080104", 2029);
        using var manager = await CycleTestData.SignedInManagerAsync(app, "080104");
        var calendar = await manager.GetPageAsync($"/Cycles/Calendar/{id}");
        var steps = calendar.QuerySelectorAll("input[name$='.Step']").Select(e => e.GetAttribute("value")).ToList();
        var fields = new List<(string, string)>();
        foreach (var (step, start, end) in new[]
        {
            (CalendarStep.PreparationPhase, "2029-01-04", "2029-02-26"), (CalendarStep.ConcertationPhase, "2029-03-01", "2029-04-30"),
            (CalendarStep.CoordinationPhase, "2029-05-03", "2029-05-31"), (CalendarStep.FormalizationPhase, "2029-06-01", "2029-06-30"),
        })
        {
            var index = steps.IndexOf(step.ToString());
            fields.Add(($"Rows[{index}].Start", start));
            fields.Add(($"Rows[{index}].End", end));
        }

        using (var saved = await manager.SubmitAsync(calendar, "main form[method=post]", [.. fields]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var themes = await manager.SubmitAsync($"/Cycles/Themes/{id}", "main form[method=post]", ("Rows[0].Name", "Agua y saneamiento")))
        {
            Assert.Equal(HttpStatusCode.Redirect, themes.StatusCode);
        }

        var dashboard = await manager.GetPageAsync($"/Cycles/Dashboard/{id}");
        using (var moved = await manager.SubmitAsync(dashboard, "form[action*='handler=Advance']", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        // Sent again (a double click): the move is not repeated, nor its line.
        using (var again = await manager.SubmitAsync(dashboard, "form[action*='handler=Advance']", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var line = Assert.Single(await LinesAsync(id), l => l.Action == AuditActions.PhaseMoved);
        Assert.Equal($"cycle:{id}", line.Subject);
        Assert.Equal("Draft → Preparation", line.Detail);
        var managerId = await CycleTestData.ReadAsync(app, db => db.StaffAssignments.Where(s => s.JurisdictionUbigeo == "080104").Select(s => s.UserId).FirstAsync());
        Assert.Equal(managerId, line.Actor);
        await AssertSoundAsync(id);
    }

    [Fact]
    public async Task AccreditationDecision_LeavesALine_AndADecisionSentTwiceLeavesOne()
    {
        app.Clock.SetLimaDay(new DateOnly(2027, 1, 12));
        var data = await ReviewData.NewCycleAsync(app, "0802");
        var org = await data.OrganizationAsync("Junta Vecinal Los Auditores", OrganizationStatus.Submitted);
        using var manager = await data.ManagerAsync();
        var page = await manager.GetPageAsync($"/Cycles/Registrations/{data.CycleId}/Review/{org.Id}");

        using (var accepted = await manager.SubmitAsync(page, "#accept-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using (var again = await manager.SubmitAsync(page, "#accept-form"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var line = Assert.Single(await LinesAsync(data.CycleId), l => l.Action == AuditActions.AccreditationDecided);
        Assert.Equal($"organization:{org.Id}", line.Subject);
        Assert.StartsWith("Accepted", line.Detail, StringComparison.Ordinal);
        await AssertSoundAsync(data.CycleId);
    }

    [Fact]
    public async Task EvaluationSheet_LeavesALineOnTheProposal()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0803");
        var proposal = await data.ProposalAsync();
        var (_, email) = await data.AssignEvaluatorAsync(proposal);
        using var evaluator = await data.SignedInAsync(email);

        using var response = await evaluator.SubmitAsync($"/Evaluation/Sheet/{proposal}", "#sheet-form", data.ViableSheet());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = Assert.Single(await LinesAsync(data.CycleId), l => l.Action == AuditActions.EvaluationRecorded);
        Assert.Equal($"proposal:{proposal}", line.Subject);
        Assert.Equal("sheet: Viable", line.Detail);
    }

    [Fact]
    public async Task ActaAndExports_LeaveTheirLines_AndTheActaPagesAndPdfPrintTheHeadOfTheMomentItWasIssued()
    {
        var data = await ActaTestData.CreateAsync(app);
        using var manager = await data.Data.ManagerAsync();
        using (var commitment = await manager.SubmitAsync(data.PageUrl, "form.commitment-form",
            ("Commitment.Party", "Government"), ("Commitment.Text", "Incluir los proyectos en el presupuesto."), ("Commitment.Responsible", "Gerencia de Planeamiento")))
        {
            Assert.Equal(HttpStatusCode.Redirect, commitment.StatusCode);
        }

        using (var issued = await manager.SubmitAsync(data.PageUrl, "form.issue-form",
            ("Issue.WorkshopDate", "2027-06-10"), ("Issue.Place", "Anta"), ("Issue.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        }

        var version = Assert.Single(await data.VersionsAsync());
        var lines = await LinesAsync(data.Id);
        Assert.Contains(lines, l => l is { Action: AuditActions.AgreementRecorded, Detail: "commitment recorded (Government)" });
        var issue = Assert.Single(lines, l => l.Subject == AuditTrail.ActaSubject(data.Id, 1));
        Assert.Equal(AuditActions.AgreementRecorded, issue.Action);

        // Downloads by staff: the approved list and the acta's PDF, each a line with the file's name.
        using (var csv = await manager.GetAsync($"/Cycles/Approvals/Export/{data.Id}?format=csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        }

        using var pdf = await manager.GetAsync($"/Cycles/Acta/Pdf/{version.Id}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var exports = (await LinesAsync(data.Id)).Where(l => l.Action == AuditActions.ExportDownloaded).ToList();
        Assert.Equal(2, exports.Count);
        Assert.EndsWith(".csv", exports[0].Detail, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", exports[1].Detail, StringComparison.Ordinal);

        // The acta shows the head when it was issued (its own line), not the head now.
        var text = ActaTestData.Squeeze(string.Concat(ActaTestData.PdfPages(await pdf.Content.ReadAsByteArrayAsync())));
        Assert.Contains(issue.Hash, text, StringComparison.Ordinal);
        var printed = (await app.CreateAppClient().GetPageAsync($"/Public/Acta/{data.Id}")).QuerySelector("#acta-audit-head")!;
        Assert.Contains(issue.Hash, printed.TextContent, StringComparison.Ordinal);
        Assert.Contains($"n.º {issue.Sequence}", printed.TextContent, StringComparison.Ordinal);
        var staffPage = await manager.GetPageAsync($"/Cycles/Acta/Version/{version.Id}");
        Assert.Contains(issue.Hash, staffPage.QuerySelector("#acta-audit-head")!.TextContent, StringComparison.Ordinal);
        await AssertSoundAsync(data.Id);

        // The staff page: the verdict and the chain as JSON, which the command line finds intact up to the acta's head.
        var auditPage = await manager.GetPageAsync($"/Cycles/Audit/{data.Id}");
        Assert.Contains("alert-success", auditPage.QuerySelector("#audit-verification")!.ClassName, StringComparison.Ordinal);
        using var json = await manager.GetAsync($"/Cycles/Audit/{data.Id}?handler=Json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var file = Path.Combine(app.FilesFolder, "audit.json");
        Directory.CreateDirectory(app.FilesFolder);
        await File.WriteAllBytesAsync(file, await json.Content.ReadAsByteArrayAsync());
        var (exit, output) = RunCli("verify-audit", file, "--head", issue.Hash);
        Assert.Equal(CommandLine.Done, exit);
        Assert.Contains("OK", output, StringComparison.Ordinal);
        var lastLine = (await LinesAsync(data.Id))[^1];
        Assert.Equal((AuditActions.ExportDownloaded, $"auditoria-ciclo-{data.Id}.json"), (lastLine.Action, lastLine.Detail));
        Assert.Contains(lastLine.Hash, output, StringComparison.Ordinal);

        // Someone without a stake in the cycle cannot see it.
        using var stranger = await data.Data.SignedInAsync((await NewUserAsync(Roles.TechnicalTeam, "0803")).Email!);
        using var refused = await stranger.GetAsync($"/Cycles/Audit/{data.Id}?handler=Json");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ExportedChain_TamperedInTheDatabase_FailsVerificationAtTheTamperedLine()
    {
        // Three chains of six lines, written by the app's own audit trail on PostgreSQL.
        int[] cycles = [9101, 9102, 9103];
        foreach (var cycle in cycles)
        {
            for (var i = 1; i <= 6; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                    .RecordNowAsync(cycle, AuditActions.BallotCast, $"vote:{cycle}", $"agent:{i} cast", CancellationToken.None);
            }
        }

        var clean = await ExportAsync(9101);
        Assert.Equal(CommandLine.Done, RunCli("verify-audit", clean).Exit);
        var head = (await ReadChainAsync(9101))[^1].Hash;
        Assert.Equal(CommandLine.Done, RunCli("verify-audit", clean, "--head", head).Exit);
        var (wrongHead, wrongOutput) = RunCli("verify-audit", clean, "--head", (await ReadChainAsync(9102))[^1].Hash);
        Assert.Equal(AuditCommand.Tampered, wrongHead);
        Assert.Contains("head-mismatch", wrongOutput, StringComparison.Ordinal);

        // An edited detail, a deleted line, two lines with their sequence numbers swapped.
        await TamperAsync("""UPDATE "AuditEntries" SET "Detail" = 'agent:99 cast' WHERE "Chain" = 'cycle:9101' AND "Sequence" = 3""");
        await TamperAsync("""DELETE FROM "AuditEntries" WHERE "Chain" = 'cycle:9102' AND "Sequence" = 4""");
        await TamperAsync("""
            UPDATE "AuditEntries" SET "Sequence" = -5 WHERE "Chain" = 'cycle:9103' AND "Sequence" = 5;
            UPDATE "AuditEntries" SET "Sequence" = 5 WHERE "Chain" = 'cycle:9103' AND "Sequence" = 2;
            UPDATE "AuditEntries" SET "Sequence" = 2 WHERE "Chain" = 'cycle:9103' AND "Sequence" = -5;
            """);

        var (edited, editedOutput) = RunCli("verify-audit", await ExportAsync(9101));
        Assert.Equal(AuditCommand.Tampered, edited);
        Assert.Contains("n.º 3 (edited)", editedOutput, StringComparison.Ordinal);

        var (removed, removedOutput) = RunCli("verify-audit", await ExportAsync(9102));
        Assert.Equal(AuditCommand.Tampered, removed);
        Assert.Contains("n.º 4 (removed)", removedOutput, StringComparison.Ordinal);

        var (reordered, reorderedOutput) = RunCli("verify-audit", await ExportAsync(9103));
        Assert.Equal(AuditCommand.Tampered, reordered);
        Assert.Contains("n.º 2 (reordered)", reorderedOutput, StringComparison.Ordinal);

        // Unreadable: not JSON.
        var junk = Path.Combine(app.FilesFolder, "junk.json");
        await File.WriteAllTextAsync(junk, "no es json");
        Assert.Equal(CommandLine.FileError, RunCli("verify-audit", junk).Exit);
    }

    [Fact]
    public async Task AuditLines_CannotBeChangedOrRemoved_TheDatabaseRefuses()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                .RecordNowAsync(9201, AuditActions.PhaseMoved, "cycle:9201", "Draft → Preparation", CancellationToken.None);
        }

        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[]
        {
            """UPDATE "AuditEntries" SET "Detail" = 'otro' WHERE "Chain" = 'cycle:9201'""",
            """DELETE FROM "AuditEntries" WHERE "Chain" = 'cycle:9201'""",
            """TRUNCATE "AuditEntries" """,
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains(AuditTriggers.Message, refused.MessageText, StringComparison.Ordinal);
        }

        // Through the app's own DbContext too.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(e => e.Chain == "cycle:9201").ExecuteDeleteAsync());
        }

        var line = Assert.Single(await ReadChainAsync(9201));
        Assert.Equal("Draft → Preparation", line.Detail);
    }

    private async Task<int> NewDraftCycleAsync(string ubigeo, int year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = Cycle.Create(ubigeo, year, $"Ciclo auditado {ubigeo} {year}", Domain.Common.Money.FromSoles(1_000_000m), new Actor("seed", "Semilla", new HashSet<string> { ubigeo }), DateTimeOffset.UtcNow);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    }

    private Task<AppUser> NewUserAsync(string role, string ubigeo) =>
        app.CreateUserAsync($"ajeno-{Guid.NewGuid():N}@prueba.pe", "Persona Ajena", ProposalTestData.Password, [role], ubigeo);

    private Task<List<AuditEntry>> LinesAsync(int cycleId) => ReadChainAsync(cycleId);

    private async Task<List<AuditEntry>> ReadChainAsync(int cycleId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await AuditTrail.ChainAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), AuditChains.ForCycle(cycleId), CancellationToken.None);
    }

    private async Task AssertSoundAsync(int cycleId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var head = await AuditTrail.HeadAsync(db, cycleId, CancellationToken.None);
        var verdict = AuditVerifier.Verify(head.Chain, await AuditTrail.ChainAsync(db, head.Chain, CancellationToken.None), head);
        Assert.True(verdict.IsSound, verdict.Explanation);
    }

    /// <summary>The chain as the staff download writes it, read from the database now, in a file.</summary>
    private async Task<string> ExportAsync(int cycleId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var head = await AuditTrail.HeadAsync(db, cycleId, CancellationToken.None);
        var file = Path.Combine(app.FilesFolder, $"chain-{cycleId}-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(app.FilesFolder);
        await using (var stream = File.Create(file))
        {
            AuditChainFile.Write(stream, head.Chain, head, await AuditTrail.ChainAsync(db, head.Chain, CancellationToken.None));
        }

        using var check = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
        Assert.Equal(AuditChainFile.Format, check.RootElement.GetProperty("format").GetString());
        return file;
    }

    /// <summary>What someone with the database owner's rights could do: switch the triggers off, change rows, switch them on.</summary>
    private async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""ALTER TABLE "AuditEntries" DISABLE TRIGGER USER; {sql}; ALTER TABLE "AuditEntries" ENABLE TRIGGER USER;""", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static (int Exit, string Output) RunCli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output + error.ToString());
    }
}

/// <summary>Ballots and the open data on the demo: one line per ballot cast, none for a repeated submission, the head in the open data.</summary>
[Trait("Capability", "Trust")]
public sealed class AuditBallotTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    [Fact]
    public async Task BallotCast_LeavesOneLinePerBallot_NoneForARepeatedSubmission_AndConcurrentCastsChainInOrder()
    {
        var data = await VotingTestData.CreateAsync(app);
        var water = await data.PositionAsync("Agua potable");
        var key = ReceiptCodes.NewSubmissionKey();

        // Fifty copies of one submission at once: one ballot, one line.
        var outcomes = await AllAtOnceAsync(50, _ => data.CastAsync(VotingTestData.Julia, [water], key));
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Problem));
        Assert.Single(await data.BallotsAsync());
        var line = Assert.Single(await LinesAsync(data.CycleId));
        Assert.Equal((AuditActions.BallotCast, $"vote:{data.VoteId}", $"agent:{data.Agent(VotingTestData.Julia)} cast"), (line.Action, line.Subject, line.Detail));

        // The same submission again later: still one line.
        Assert.True((await data.CastAsync(VotingTestData.Julia, [water], key)).Repeated);
        Assert.Single(await LinesAsync(data.CycleId));

        // Other agents at once, and a change: one line each, numbered without gaps, the chain intact.
        string[] others = [VotingTestData.Nelida, VotingTestData.Hernan, VotingTestData.Santos, VotingTestData.Alberto];
        var cast = await AllAtOnceAsync(others.Length, i => data.CastAsync(others[i], [water]));
        Assert.All(cast, o => Assert.True(o.Succeeded, o.Problem));
        var road = await data.PositionAsync("Carretera");
        Assert.True((await data.CastAsync(VotingTestData.Julia, (IReadOnlyList<int>)[road], seenRevision: 1)).Succeeded);
        var lines = await LinesAsync(data.CycleId);
        Assert.Equal(6, lines.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), lines.Select(l => l.Sequence));
        Assert.Equal($"agent:{data.Agent(VotingTestData.Julia)} changed", lines[^1].Detail);
        Assert.DoesNotContain(lines, l => l.Detail.Contains(water.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) && !l.Detail.StartsWith("agent:", StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var head = await AuditTrail.HeadAsync(db, data.CycleId, CancellationToken.None);
        Assert.Equal(lines[^1].AsHead(), head);
        Assert.True(AuditVerifier.Verify(head.Chain, lines, head).IsSound);
    }

    [Fact]
    public async Task OpenData_ShowsTheCyclesCurrentHead_OnItsPageAndInTheIndex()
    {
        int cycleId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            cycleId = await db.Cycles.Where(c => c.Phase == Phase.Published).Select(c => c.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                .RecordNowAsync(cycleId, AuditActions.AgreementRecorded, $"cycle:{cycleId}", "published results reviewed", CancellationToken.None);
        }

        AuditHead head;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            head = await AuditTrail.HeadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cycleId, CancellationToken.None);
        }

        Assert.False(head.IsEmpty);
        var anonymous = app.CreateAppClient();
        var page = await anonymous.GetPageAsync($"/Public/OpenData/{cycleId}");
        var shown = page.QuerySelector("#audit-head")!.TextContent;
        Assert.Contains(head.Hash, shown, StringComparison.Ordinal);
        Assert.Contains(head.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);

        using var index = await anonymous.GetAsync("/Public/OpenData/index.json");
        using var json = JsonDocument.Parse(await index.Content.ReadAsStringAsync());
        var cycle = json.RootElement.GetProperty("cycles").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == cycleId);
        Assert.Equal(head.Hash, cycle.GetProperty("auditHead").GetProperty("hash").GetString());
        Assert.Equal(head.Sequence, cycle.GetProperty("auditHead").GetProperty("sequence").GetInt64());
    }

    private async Task<List<AuditEntry>> LinesAsync(int cycleId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await AuditTrail.ChainAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), AuditChains.ForCycle(cycleId), CancellationToken.None);
    }

    private static async Task<CastOutcome[]> AllAtOnceAsync(int count, Func<int, Task<CastOutcome>> cast)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await cast(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
