using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Counting;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Formalization;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Voting;

/// <summary>
/// The manager's side of the final vote, through the pages: prepare (once), open and close now,
/// record an absence, compute the result, download the ballots and recount them, the public result
/// once published, and who may see any of it.
/// </summary>
[Trait("Capability", "Voting")]
public sealed class ManagerVotePageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private static readonly DateOnly VoteDay = new(2027, 6, 10);

    private static DateTimeOffset Lima(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(-5));

    [Fact]
    public async Task Vote_PreparedOnce_OpenedAndClosedNow_Counted_AndTheBallotsRecountToTheStoredResult()
    {
        var cycle = await VotingCycle.CreateAsync(app, "0806", withReport: true);

        // The app's clock moves to the vote's day before anyone signs in (a sign-in expires with the clock).
        app.Clock.Set(Lima(VoteDay, 8));
        using var manager = await cycle.Data.ManagerAsync();
        var page = $"/Cycles/Voting/{cycle.Id}";

        // Before Formalization: a preview of the ballot and the budget, no form.
        var preview = await manager.GetPageAsync(page);
        Assert.NotNull(preview.QuerySelector("#not-yet"));
        Assert.Equal(cycle.Titles, Titles(preview));
        Assert.Contains("S/ 3,000,000.00", preview.QuerySelector("#budget")!.TextContent);
        Assert.Null(preview.QuerySelector("form.prepare-form"));
        Assert.Contains("Votación final", preview.QuerySelector(".nav-tabs .active")!.TextContent);

        await cycle.AdvanceAsync(Phase.Formalization);

        // The voting rules are frozen now: the rules page refuses a change.
        var rulesUrl = $"/Cycles/Rules/{cycle.Id}";
        using (var edit = await manager.PostWithTokenAsync(rulesUrl, $"{rulesUrl}?handler=Voting",
            ("Voting.BallotType", "Knapsack"), ("Voting.CountingRule", "Greedy")))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            Assert.NotNull((await AppClient.ParseAsync(edit)).QuerySelector(".validation-summary-errors"));
        }

        Assert.Equal(BallotType.Approval, await cycle.Data.ReadAsync(db => db.Cycles.Where(c => c.Id == cycle.Id).Select(c => c.VotingRules.BallotType).SingleAsync()));

        // Prepare: the form shows the ballot, the rules in words and the default times; a double submit makes one vote.
        var prepare = await manager.GetPageAsync(page);
        Assert.Equal(cycle.Titles, Titles(prepare));
        Assert.Contains("marca hasta 2 proyectos", prepare.QuerySelector("#vote-rules")!.TextContent);
        var times = new (string, string)[]
        {
            ("Schedule.OpensDate", "2027-06-10"), ("Schedule.OpensTime", "10:00"),
            ("Schedule.ClosesDate", "2027-06-10"), ("Schedule.ClosesTime", "18:00"),
        };
        using (var first = await manager.SubmitAsync(prepare, "form.prepare-form", times))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var second = await manager.SubmitAsync(prepare, "form.prepare-form", times))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        var vote = await cycle.VoteAsync();
        Assert.Equal(1, await cycle.Data.ReadAsync(db => db.FinalVotes.CountAsync(v => v.CycleId == cycle.Id)));
        Assert.Equal(Lima(VoteDay, 10), vote.OpensAt);
        Assert.Equal(Lima(VoteDay, 18), vote.ClosesAt);
        Assert.Equal(cycle.Titles, vote.Items.Select(i => i.Title));

        // Scheduled: open now needs the confirmation box.
        var scheduled = await manager.GetPageAsync(page);
        Assert.Equal("Programada", scheduled.QuerySelector("#vote-state .state")!.TextContent.Trim());
        using (var unconfirmed = await manager.SubmitAsync(scheduled, "form.open-form"))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.Contains("Marque la casilla", (await AppClient.ParseAsync(unconfirmed)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        using (var opened = await manager.SubmitAsync(scheduled, "form.open-form", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        Assert.Equal(VoteState.Open, (await cycle.VoteAsync()).StateAt(app.Clock.GetUtcNow()));

        // Agents vote; the page shows who voted, never for what.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var (firstTitular, _) = await cycle.AgentsAsync(cycle.First);
        var (secondTitular, _) = await cycle.AgentsAsync(cycle.Second);
        await cycle.CastAsync(firstTitular, 1, 2);
        await cycle.CastAsync(secondTitular, 1, 3);
        var open = await manager.GetPageAsync(page);
        Assert.Equal("Abierta", open.QuerySelector("#vote-state .state")!.TextContent.Trim());
        Assert.Equal("2", open.QuerySelector("#turnout-line")!.GetAttribute("data-cast"));
        Assert.Equal("2", open.QuerySelector("#turnout-line")!.GetAttribute("data-eligible"));
        Assert.Empty(open.QuerySelectorAll(".running-support"));
        Assert.Equal("Sí", Voter(open, firstTitular).QuerySelector(".voted")!.TextContent.Trim());

        // No result, no file before the close.
        Assert.Null(open.QuerySelector("form.count-form"));
        var early = await manager.GetPageAsync($"/Cycles/Voting/Ballots/{cycle.Id}");
        Assert.NotNull(early.QuerySelector("#no-file"));

        // Close now, confirmed; a second close changes nothing.
        using (var closed = await manager.SubmitAsync(open, "form.close-form", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        var closedAt = (await cycle.VoteAsync()).ClosesAt;
        Assert.Equal(app.Clock.GetUtcNow(), closedAt);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var again = await manager.SubmitAsync(open, "form.close-form", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(closedAt, (await cycle.VoteAsync()).ClosesAt);

        // Without a result the gate to Published says so.
        var gate = await manager.GetPageAsync($"/Cycles/Dashboard/{cycle.Id}");
        Assert.Contains("Falta calcular el resultado", gate.QuerySelector(".gate-reasons")!.TextContent);

        // Compute: a double click makes one result.
        var closedPage = await manager.GetPageAsync(page);
        Assert.Equal("Cerrada", closedPage.QuerySelector("#vote-state .state")!.TextContent.Trim());
        using (var counted = await manager.SubmitAsync(closedPage, "form.count-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, counted.StatusCode);
        }

        using (var twice = await manager.SubmitAsync(closedPage, "form.count-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        }

        Assert.Equal(1, await cycle.Data.ReadAsync(db => db.VoteResults.CountAsync(r => r.FinalVoteId == vote.Id)));
        var result = (await cycle.VoteAsync()).Result!;
        Assert.Equal(2, result.Voters);
        var storedSelection = result.Selected.Select(l => vote.Item(l.Position)!.Key).ToList();
        Assert.NotEmpty(storedSelection);

        // The .pb download: UTF-8 without BOM, named after the jurisdiction and year, recounts to the stored result.
        using var download = await manager.GetAsync($"/Cycles/Voting/Ballots/{cycle.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        var fileName = download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName;
        Assert.Matches($"^pbperu-[a-z0-9-]+-{cycle.Data.FiscalYear}-votos\\.pb$", fileName?.Trim('"'));
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "The file starts with a BOM.");
        var file = PabulibReader.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal("Peru", file.MetaValue("country"));
        Assert.Equal("equalshares/add1", file.MetaValue("rule"));
        Assert.Equal(cycle.Data.FiscalYear.ToString(CultureInfo.InvariantCulture), file.MetaValue("instance"));
        Assert.Equal("2027-06-10", file.MetaValue("date_end"));
        Assert.Equal(storedSelection, CountingRules.ForFile(file).Selected);

        // The staff result page: approved in order, with the recount command.
        var resultPage = await manager.GetPageAsync($"/Cycles/Voting/Result/{cycle.Id}");
        Assert.Equal(storedSelection, resultPage.QuerySelectorAll("#approved tr.approved-project").Select(r => r.GetAttribute("data-key")));
        Assert.Contains("--rule file", resultPage.QuerySelector("#recount-command")!.TextContent);
        Assert.NotNull(resultPage.QuerySelector("#approved .share"));

        // The public sees nothing until the results are published.
        using var anonymous = app.CreateAppClient(followRedirects: false);
        using (var hidden = await anonymous.GetAsync($"/Public/Result/{cycle.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var hiddenFile = await anonymous.GetAsync($"/Public/Ballots/{cycle.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hiddenFile.StatusCode);
        }

        // The committee, the acta and the approvals (their own tests walk them), then the gate holds;
        // once published, the public result and file are there.
        await FormalizationSteps.CompleteAsync(cycle.Data);
        var ready = await manager.GetPageAsync($"/Cycles/Dashboard/{cycle.Id}");
        Assert.Null(ready.QuerySelector(".gate-reasons"));
        using (var published = await manager.SubmitAsync(ready, "form[action*='handler=Advance']", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal(Phase.Published, await cycle.Data.ReadAsync(db => db.Cycles.Where(c => c.Id == cycle.Id).Select(c => c.Phase).SingleAsync()));
        var publicResult = await anonymous.GetPageAsync($"/Public/Result/{cycle.Id}");
        Assert.Equal(storedSelection, publicResult.QuerySelectorAll("#approved tr.approved-project").Select(r => r.GetAttribute("data-key")));
        Assert.Contains("S/ 3,000,000.00", publicResult.QuerySelector("#result-budget")!.TextContent);
        using var publicFile = await anonymous.GetAsync($"/Public/Ballots/{cycle.Id}");
        Assert.Equal(HttpStatusCode.OK, publicFile.StatusCode);
        Assert.Equal(bytes, await publicFile.Content.ReadAsByteArrayAsync());

        // Published: the voting page only reports.
        var after = await manager.GetPageAsync(page);
        Assert.Empty(after.QuerySelectorAll("main form[method=post]"));
        Assert.NotNull(after.QuerySelector("#result-link"));
    }

    [Fact]
    public async Task RecordAbsence_LetsTheSuplenteVote_AndNotTheTitular_AndCanBeUndone()
    {
        var cycle = await VotingCycle.CreateAsync(app, "0807", withReport: false);
        await cycle.AdvanceAsync(Phase.Formalization);
        app.Clock.Set(Lima(VoteDay, 11));
        await cycle.PrepareDirectlyAsync(Lima(VoteDay, 10), Lima(VoteDay, 18));
        using var manager = await cycle.Data.ManagerAsync();
        var page = $"/Cycles/Voting/{cycle.Id}";
        var (titular, suplente) = await cycle.AgentsAsync(cycle.First);
        var (otherTitular, other) = await cycle.AgentsAsync(cycle.Second);

        var before = await manager.GetPageAsync(page);
        Assert.Equal("2", before.QuerySelector("#turnout-line")!.GetAttribute("data-eligible"));
        Assert.Contains("No vota", Voter(before, suplente).QuerySelector(".status")!.TextContent);
        using (var recorded = await manager.SubmitAsync(before, $"form.absence-form[data-titular='{titular}']", ("SuplenteId", suplente.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        Assert.Null(await cycle.WhyCannotVoteAsync(suplente));
        Assert.NotNull(await cycle.WhyCannotVoteAsync(titular));
        var after = await manager.GetPageAsync(page);
        Assert.Contains("Ausente", Voter(after, titular).QuerySelector(".status")!.TextContent);
        Assert.Contains("Vota en lugar de", Voter(after, suplente).QuerySelector(".status")!.TextContent);
        Assert.Equal("2", after.QuerySelector("#turnout-line")!.GetAttribute("data-eligible"));

        // A form shown before that change is stale: its reschedule is refused with a message; a fresh one is saved.
        var later = new (string, string)[] { ("Schedule.ClosesDate", "2027-06-10"), ("Schedule.ClosesTime", "19:00") };
        using (var stale = await manager.SubmitAsync(before, "form.reschedule-form", later))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("Otra persona modificó la votación", (await AppClient.ParseAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.Equal(Lima(VoteDay, 18), (await cycle.VoteAsync()).ClosesAt);
        using (var fresh = await manager.SubmitAsync(page, "form.reschedule-form", later))
        {
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        }

        Assert.Equal(Lima(VoteDay, 19), (await cycle.VoteAsync()).ClosesAt);
        after = await manager.GetPageAsync(page);

        // The suplente of another organization cannot be named (a forged request): a message, not a 500.
        using (var forged = await manager.PostWithTokenAsync(page, $"{page}?handler=Absence",
            ("TitularId", otherTitular.ToString(CultureInfo.InvariantCulture)), ("SuplenteId", suplente.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("misma organización", (await AppClient.ParseAsync(forged)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        // Undone while the suplente has not voted: the titular votes again.
        using (var undone = await manager.SubmitAsync(after, $"form.undo-absence-form[data-titular='{titular}']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        }

        Assert.Null(await cycle.WhyCannotVoteAsync(titular));
        Assert.NotNull(await cycle.WhyCannotVoteAsync(suplente));
        Assert.NotNull(await cycle.WhyCannotVoteAsync(other));

        // A titular who has voted cannot be recorded absent: the page offers no form and refuses a forged one.
        await cycle.CastAsync(titular, 1);
        var voted = await manager.GetPageAsync(page);
        Assert.Null(voted.QuerySelector($"form.absence-form[data-titular='{titular}']"));
        using (var refused = await manager.PostWithTokenAsync(page, $"{page}?handler=Absence",
            ("TitularId", titular.ToString(CultureInfo.InvariantCulture)), ("SuplenteId", suplente.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("ya votó", (await AppClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent);
        }
    }

    [Fact]
    public async Task ManagerOfAnotherJurisdiction_IsForbidden_AndAnEmptyListGivesTheDomainsMessage()
    {
        var cycle = await VotingCycle.CreateAsync(app, "0808", withReport: false);
        await cycle.AdvanceAsync(Phase.Formalization);
        app.Clock.Set(Lima(VoteDay, 8));

        var email = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Gestor Ajeno", ProposalTestData.Password, [Roles.CycleManager], "0802");
        using var stranger = await cycle.Data.SignedInAsync(email);
        foreach (var url in new[] { $"/Cycles/Voting/{cycle.Id}", $"/Cycles/Voting/Result/{cycle.Id}", $"/Cycles/Voting/Ballots/{cycle.Id}" })
        {
            using var response = await stranger.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // No published report and no coordination list: nothing to put on the ballot.
        using var manager = await cycle.Data.ManagerAsync();
        var page = await manager.GetPageAsync($"/Cycles/Voting/{cycle.Id}");
        Assert.NotNull(page.QuerySelector("#empty-ballot"));
        using (var refused = await manager.SubmitAsync(page, "form.prepare-form"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var shown = await AppClient.ParseAsync(refused);
            Assert.Contains(Messages.BallotNeedsProjects.Es, shown.QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Equal("2027-06-11", shown.QuerySelector("#Schedule_OpensDate")!.GetAttribute("value"));
        }

        Assert.False(await cycle.Data.ReadAsync(db => db.FinalVotes.AnyAsync(v => v.CycleId == cycle.Id)));
    }

    [Fact]
    public async Task Consensus_IsRecordedWithItsOrderAndMinutes_AndRefusedOverTheBudgetWithTheInputKept()
    {
        var cycle = await VotingCycle.CreateAsync(app, "0809", withReport: false,
            rules: new VotingRules(BallotType.Approval, 3, null, null, null, CountingRule.Consensus, null, false));
        await cycle.AdvanceAsync(Phase.Formalization);
        app.Clock.Set(Lima(VoteDay, 11));
        await cycle.PrepareDirectlyAsync(Lima(VoteDay, 11), Lima(VoteDay, 11, 1), budget: Money.FromSoles(500_000m));
        using var manager = await cycle.Data.ManagerAsync();
        var page = $"/Cycles/Voting/{cycle.Id}";

        var form = await manager.GetPageAsync(page);
        Assert.Null(form.QuerySelector("#turnout"));
        using (var over = await manager.SubmitAsync(form, "form.consensus-form",
            ("Consensus.Places[1]", "1"), ("Consensus.Places[2]", "2"), ("Consensus.Places[3]", "3"), ("Consensus.Minutes", "Acta del taller.")))
        {
            Assert.Equal(HttpStatusCode.OK, over.StatusCode);
            var shown = await AppClient.ParseAsync(over);
            Assert.Contains("más que el presupuesto", shown.QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Equal("Acta del taller.", shown.QuerySelector("#Consensus_Minutes")!.TextContent);
            Assert.Equal("3", shown.QuerySelector("input[name='Consensus.Places[3]']")!.GetAttribute("value"));
        }

        using (var recorded = await manager.SubmitAsync(form, "form.consensus-form",
            ("Consensus.Places[1]", ""), ("Consensus.Places[2]", "2"), ("Consensus.Places[3]", "1"), ("Consensus.Minutes", "Acta del taller: se prioriza primero el tercero.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var result = (await cycle.VoteAsync()).Result!;
        Assert.Equal([3, 2], result.Selected.Select(l => l.Position));
        var resultPage = await manager.GetPageAsync($"/Cycles/Voting/Result/{cycle.Id}");
        Assert.Contains("se prioriza primero el tercero", resultPage.QuerySelector("#consensus-minutes")!.TextContent);
        Assert.Null(resultPage.QuerySelector("#recount-command"));

        // The workshop's consensus record of the final vote, then publication: the public result shows
        // the record in place of a count, and not the vote's own minutes a second time.
        var consensusPage = await manager.GetPageAsync($"/Cycles/Consensus/{cycle.Id}");
        using (var record = await manager.SubmitAsync(consensusPage, "form.consensus-form",
            ("Input.Subject", nameof(ConsensusSubject.FinalVote)), ("Input.Decision", "Se priorizan el tercero y luego el segundo proyecto."),
            ("Input.Minutes", "Acta del taller: se prioriza primero el tercero."), ("Input.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        }

        await FormalizationSteps.CompleteAsync(cycle.Data);
        var ready = await manager.GetPageAsync($"/Cycles/Dashboard/{cycle.Id}");
        using (var published = await manager.SubmitAsync(ready, "form[action*='handler=Advance']", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        using var anonymous = app.CreateAppClient(followRedirects: false);
        var publicResult = await anonymous.GetPageAsync($"/Public/Result/{cycle.Id}");
        var recordShown = publicResult.QuerySelector($"section.consensus-record[data-subject='{nameof(ConsensusSubject.FinalVote)}']");
        Assert.NotNull(recordShown);
        Assert.Contains("Se priorizan el tercero y luego el segundo proyecto.", recordShown.TextContent);
        Assert.Null(publicResult.QuerySelector("#consensus-minutes"));
    }

    private static List<string> Titles(IDocument page) =>
        page.QuerySelectorAll("#ballot-items tr.ballot-item .title").Select(t => t.TextContent.Trim()).ToList();

    private static IElement Voter(IDocument page, int agentId) =>
        page.QuerySelector($"#voters tr.voter[data-agent='{agentId}']") ?? throw new InvalidOperationException($"No row for agent {agentId}.");

    /// <summary>
    /// A cycle of province <c>ubigeo</c> made through the domain (see <see cref="ProposalTestData"/>):
    /// two accepted organizations, each with a titular and a suplente; approval ballots of 2 counted by
    /// MES with add1 unless <c>rules</c> says otherwise; with <c>withReport</c>, three viable
    /// proposals and the technical report published (the ballot's list). Left in Concertation.
    /// </summary>
    private sealed class VotingCycle
    {
        private VotingCycle(ConcertationCycle data, AcceptedOrganization second, IReadOnlyList<string> titles)
        {
            Data = data;
            Second = second;
            Titles = titles;
        }

        public ConcertationCycle Data { get; }

        public int Id => Data.CycleId;

        public AcceptedOrganization First => Data.Organization;

        public AcceptedOrganization Second { get; }

        /// <summary>The ballot's titles in the report's order (empty without a report).</summary>
        public IReadOnlyList<string> Titles { get; }

        public static async Task<VotingCycle> CreateAsync(PbPeruFactory app, string ubigeo, bool withReport, VotingRules? rules = null)
        {
            app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
            var data = await ProposalTestData.NewCycleAsync(app, ubigeo);
            var second = await data.AnotherOrganizationAsync("Asociación de Productores Agrarios");
            await data.WriteAsync(async db =>
            {
                var cycle = await data.LoadCycleAsync(db);
                cycle.SetVotingRules(rules ?? new VotingRules(BallotType.Approval, 2, null, null, null, CountingRule.EqualSharesAdd1, null, false), data.Manager);
            });

            List<string> titles = [];
            if (withReport)
            {
                (string Title, decimal Cost, int Score)[] proposals =
                [
                    ("Agua potable para el sector alto", 450_000m, 3),
                    ("Veredas del jirón Lima", 300_000m, 2),
                    ("Alumbrado del parque central", 150_000m, 2),
                ];
                foreach (var (title, cost, score) in proposals)
                {
                    var id = await data.ProposalAsync(ProposalTestData.Details(data, title: title, estimatedCost: cost));
                    var (evaluator, _) = await data.AssignEvaluatorAsync(id);
                    await data.RecordSheetAsync(id, evaluator, Viability.Viable, "Sustentada.", score);
                }

                using var manager = await data.ManagerAsync();
                using var published = await manager.SubmitAsync($"/Cycles/Evaluation/{data.CycleId}/Report", "form[action*='handler=Publish']");
                Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
                titles = await data.ReadAsync(db => db.TechnicalReports.Where(r => r.CycleId == data.CycleId)
                    .SelectMany(r => r.Entries).Where(e => e.Selected).OrderBy(e => e.Position).Select(e => e.Title).ToListAsync());
                Assert.Equal(3, titles.Count);
            }

            return new VotingCycle(data, second, titles);
        }

        /// <summary>Moves the cycle forward through the domain up to <paramref name="phase"/> (every gate taken as holding).</summary>
        public Task AdvanceAsync(Phase phase) => Data.WriteAsync(async db =>
        {
            var cycle = await Data.LoadCycleAsync(db);
            while (cycle.Phase < phase)
            {
                cycle.AdvanceTo(cycle.Phase + 1, Data.Manager, ProposalTestData.AllGatesHold, ProposalTestData.Noon(new DateOnly(2027, 6, 1)));
            }
        });

        /// <summary>A vote prepared through the domain with three hand-made projects (S/ 300,000, 200,000, 100,000).</summary>
        public Task PrepareDirectlyAsync(DateTimeOffset opens, DateTimeOffset closes, Money? budget = null) => Data.WriteAsync(async db =>
        {
            var cycle = await Data.LoadCycleAsync(db);
            BallotItemInput[] items =
            [
                new("Mejoramiento del canal de riego", Money.FromSoles(300_000m), null, null, "2501234", 80m, "Agua y saneamiento"),
                new("Veredas de la plaza", Money.FromSoles(200_000m), null, null, null, 70m, "Vías y transporte"),
                new("Aulas de la escuela n.º 501", Money.FromSoles(100_000m), null, null, null, 60m, "Educación"),
            ];
            db.FinalVotes.Add(FinalVote.Prepare(cycle, Data.Manager, items, budget ?? cycle.Ceiling, opens, closes, opens));
        });

        /// <summary>The organization's titular and suplente, by their role as stored.</summary>
        public async Task<(int Titular, int Suplente)> AgentsAsync(AcceptedOrganization organization)
        {
            var agents = await Data.ReadAsync(db => db.Agents.Where(a => a.OrganizationId == organization.Id).Select(a => new { a.Id, a.Role }).ToListAsync());
            return (agents.Single(a => a.Role == AgentRole.Titular).Id, agents.Single(a => a.Role == AgentRole.Suplente).Id);
        }

        public Task<FinalVote> VoteAsync() =>
            Data.ReadAsync(db => VoteQueries.Votes(db, tracking: false).SingleAsync(v => v.CycleId == Id));

        /// <summary>The agent casts an approval ballot of the given ballot positions, through the domain, at the app's time.</summary>
        public Task CastAsync(int agentId, params int[] positions) => Data.WriteAsync(async db =>
        {
            var vote = await VoteQueries.Votes(db, tracking: false).SingleAsync(v => v.CycleId == Id);
            var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
            db.AgentBallots.Add(AgentBallot.Cast(vote, agent, true, [.. positions.Select(p => new BallotChoice(p, 1))], ReceiptCodes.NewSubmissionKey(), Data.App.Clock.GetUtcNow(), out _));
        });

        public async Task<string?> WhyCannotVoteAsync(int agentId)
        {
            var vote = await VoteAsync();
            var agent = await Data.ReadAsync(db => db.Agents.AsNoTracking().SingleAsync(a => a.Id == agentId));
            return vote.WhyCannotVote(agent, attendedTraining: true);
        }
    }
}
