using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Benchmarks;

/// <summary>
/// Vote submission over HTTP against PostgreSQL (issue 6): 2,000 accredited agents of one cycle,
/// signed in beforehand (sign-in is deliberately slow password hashing and not part of the figure),
/// 32 at a time, each opening the voting page, reviewing its knapsack ballot and casting it through
/// the page's forms with their antiforgery tokens, over Kestrel on loopback. Reports votes per
/// second, latency percentiles, errors and duplicates, beside pgbench's simple-update rate on the
/// same PostgreSQL server in the same run.
/// </summary>
internal static class VotingBenchmark
{
    /// <summary>2,000 as the issue asks; <c>--agents N</c> (an even number) for a quicker look while working on the figures.</summary>
    private static int Agents = 2_000;
    private const int Concurrency = 32;
    private const string Password = "benchmark-clave-larga-de-prueba";
    private const string Ubigeo = "150101";

    public static async Task<int> RunAsync(bool json, int agents = 2_000, bool statements = false)
    {
        Agents = agents;
        // Outside a test host the factory cannot find the app's content root by itself: point it there.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PBPERU_WEB", Path.Combine(Repository.Root(), "src", "PbPeru.Web"));
        await using var app = await PbPeruFactory.CreateAsync();
        var baseAddress = app.StartKestrel();
        var log = json ? TextWriter.Null : Console.Out;
        log.WriteLine($"Voting benchmark — {Agents:N0} agents, {Concurrency} at a time, app at {baseAddress}");

        var watch = Stopwatch.StartNew();
        var (cycleId, emails) = await SeedAsync(app);
        log.WriteLine($"Seeded a cycle in Formalization with {Agents:N0} accredited, trained agents and their accounts in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var clients = new AppClient[emails.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, emails.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            clients[i] = AppClient.OverNetwork(baseAddress, followRedirects: false);
            using var response = await clients[i].SubmitAsync(AppClient.LoginPath, "form:has([name='Input.Email'])", ("Input.Email", emails[i]), ("Input.Password", Password));
            if ((int)response.StatusCode != 302)
            {
                var page = await AppClient.ParseAsync(response);
                throw new InvalidOperationException($"Sign-in of {emails[i]} answered {(int)response.StatusCode}: {page.Body?.TextContent[..Math.Min(600, page.Body.TextContent.Length)]}");
            }
        });
        log.WriteLine($"Signed in {clients.Length:N0} agents in {watch.Elapsed.TotalSeconds:F1} s (not part of the figures)");

        // Warm up on a handful of agents not counted (the JIT, EF's model and query caches).
        var url = $"/Voting/Ballot/{cycleId}";
        const int WarmUp = 20;
        foreach (var client in clients.Take(WarmUp - 1))
        {
            await VoteAsync(client, url, 0);
        }

        // The last one alone, with its SQL printed on request (--statements).
        using (var sql = statements ? new StatementLog(() => Request(app)) : null)
        {
            await VoteAsync(clients[WarmUp - 1], url, 0);
            sql?.Print(Console.Out);
        }

        var pages = new ConcurrentBag<double>();
        var casts = new ConcurrentBag<double>();
        var votes = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        watch.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(WarmUp, clients.Length - WarmUp), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            try
            {
                var timing = await VoteAsync(clients[i], url, i);
                pages.Add(timing.Page);
                casts.Add(timing.Cast);
                votes.Add(timing.Total);
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
            {
                errors.Add(e.Message);
            }
        });
        var elapsed = watch.Elapsed;
        var counted = Agents - WarmUp;

        var (rows, duplicates) = await CountBallotsAsync(app, cycleId);
        var pgbench = PgBench(app);
        var figures = new Dictionary<string, object?>
        {
            ["agents"] = counted,
            ["concurrency"] = Concurrency,
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 2),
            ["votesPerSecond"] = Math.Round(votes.Count / elapsed.TotalSeconds, 1),
            ["voteP50Ms"] = Percentile(votes, 0.50),
            ["voteP99Ms"] = Percentile(votes, 0.99),
            ["pageP50Ms"] = Percentile(pages, 0.50),
            ["pageP99Ms"] = Percentile(pages, 0.99),
            ["castP50Ms"] = Percentile(casts, 0.50),
            ["castP99Ms"] = Percentile(casts, 0.99),
            ["errors"] = errors.Count,
            ["ballotRows"] = rows,
            ["duplicates"] = duplicates,
            ["pgbenchSimpleUpdateTps"] = pgbench,
            ["votesPerSecondOverPgbench"] = pgbench is > 0 ? Math.Round(votes.Count / elapsed.TotalSeconds / pgbench.Value, 3) : null,
        };

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            foreach (var (name, value) in figures)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {value}"));
            }

            foreach (var error in errors.Distinct().Take(5))
            {
                Console.WriteLine($"error: {error}");
            }
        }

        return errors.IsEmpty && duplicates == 0 && rows == Agents ? 0 : 1;
    }

    /// <summary>
    /// One agent's vote: open the page, review a knapsack ballot, cast it, each through the form the
    /// previous answer holds (its action, antiforgery token and hidden fields); the times of the page,
    /// of the cast, and of the whole vote in ms.
    /// </summary>
    private static async Task<(double Page, double Cast, double Total)> VoteAsync(AppClient client, string url, int agent)
    {
        var total = Stopwatch.StartNew();
        var page = await ReadAsync(client.Http.GetAsync(url), url);
        var pageMs = total.Elapsed.TotalMilliseconds;

        // Two of the five projects, varying with the agent, always within the budget.
        var ballot = LeanForms.Find(page, "ballot-form");
        if (ballot is not { Boxes.Count: > 0 })
        {
            throw new InvalidOperationException($"No ballot on {url}: {Text(page)}");
        }

        var picks = new[] { ballot.Boxes[agent % ballot.Boxes.Count], ballot.Boxes[(agent + 2) % ballot.Boxes.Count] }.Distinct();
        var review = await ReadAsync(Post(client, ballot, picks.Select(p => KeyValuePair.Create("Picked", p))), "review");
        if (LeanForms.Find(review, "data-cast") is not { } castForm)
        {
            throw new InvalidOperationException($"Review refused: {Text(review)}");
        }

        var cast = Stopwatch.StartNew();
        var receipt = await ReadAsync(Post(client, castForm, []), "cast");
        var castMs = cast.Elapsed.TotalMilliseconds;
        if (!receipt.Contains("id=\"receipt-code\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cast refused: {Text(receipt)}");
        }

        return (pageMs, castMs, total.Elapsed.TotalMilliseconds);
    }

    private static string? Request(PbPeruFactory app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext is { } context
            ? $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}"
            : null;

    private static Task<HttpResponseMessage> Post(AppClient client, LeanForm form, IEnumerable<KeyValuePair<string, string>> marks) =>
        client.Http.PostAsync(form.Action, new FormUrlEncodedContent(form.Hidden.Concat(marks)));

    private static async Task<string> ReadAsync(Task<HttpResponseMessage> request, string step)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{step} answered {(int)response.StatusCode}: {Text(body)}");
    }

    /// <summary>The page's title and first message, for an error report.</summary>
    private static string Text(string html) =>
        string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(html, "<(h1|div class=\"alert[^\"]*\"|div class=\"validation-summary-errors\")[^>]*>(?<t>.*?)</", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(m.Groups["t"].Value, "<[^>]+>", " ")).Trim())
            .Take(3));

    private static double Percentile(ConcurrentBag<double> values, double p)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);
    }

    private static async Task<(int Rows, int Duplicates)> CountBallotsAsync(PbPeruFactory app, int cycleId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var voteId = await db.FinalVotes.Where(v => v.CycleId == cycleId).Select(v => v.Id).SingleAsync();
        var perAgent = await db.AgentBallots.Where(b => b.FinalVoteId == voteId).GroupBy(b => b.AgentId).Select(g => g.Count()).ToListAsync();
        return (perAgent.Sum(), perAgent.Count(c => c > 1));
    }

    /// <summary>pgbench's built-in simple-update script, 32 clients for 20 s, on a scratch database of the same server.</summary>
    private static double? PgBench(PbPeruFactory app)
    {
        var builder = new NpgsqlConnectionStringBuilder(app.DatabaseConnectionString);
        const string Bin = "/usr/lib/postgresql/15/bin/pgbench";
        if (!File.Exists(Bin))
        {
            return null;
        }

        var common = $"-h {builder.Host} -p {builder.Port} -U {builder.Username} {builder.Database}";
        Run(Bin, $"-i -q -s 10 {common}");
        var output = Run(Bin, $"-b simple-update -c {Concurrency} -j 2 -T 20 {common}");
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    /// <summary>
    /// A cycle replayed through the domain to Formalization: 1,000 accepted organizations with two
    /// titulars each (2,000 agents), all trained, each with an account; a knapsack vote open now.
    /// Accounts share one precomputed password hash, so that seeding does not hash 2,000 times.
    /// </summary>
    private static async Task<(int CycleId, List<string> Emails)> SeedAsync(PbPeruFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = LimaTime.Today(clock);
        var manager = new Actor("benchmark", "Benchmark", new HashSet<string> { Ubigeo });

        var cycle = Cycle.Create(Ubigeo, 2026, "Presupuesto Participativo 2026 (benchmark)", Money.FromSoles(5_000_000m), manager, now.AddDays(-200));
        cycle.SetThemes([new ThemeInput("Infraestructura", "")], manager);
        cycle.SetCalendar(
        [
            new(CalendarStep.PreparationPhase, today.AddDays(-150), today.AddDays(-100)),
            new(CalendarStep.Registration, today.AddDays(-145), today.AddDays(-125)),
            new(CalendarStep.ConcertationPhase, today.AddDays(-95), today.AddDays(-35)),
            new(CalendarStep.CoordinationPhase, today.AddDays(-30), today.AddDays(-10)),
            new(CalendarStep.FormalizationPhase, today.AddDays(-5), today.AddDays(30)),
            new(CalendarStep.FinalWorkshop, today, today.AddDays(2)),
        ], manager);
        cycle.SetAccreditationRules(AccreditationRules.Default with { TitularsPerOrganization = 2, SuplentesPerOrganization = 0, WomenMinimumSharePercent = null }, manager);
        cycle.SetVotingRules(VotingRules.Default with { BallotType = BallotType.Knapsack, MaxApprovals = null, CountingRule = CountingRule.EqualSharesAdd1 }, manager);
        cycle.AdvanceTo(Phase.Preparation, manager, new CycleFacts(), now.AddDays(-150));
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();

        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var agentRole = await db.Roles.Where(r => r.Name == Roles.Agent).Select(r => r.Id).SingleAsync();
        var representative = await app.CreateUserAsync("representante@benchmark.pe", "Representante", Password, [Roles.OrganizationRepresentative]);
        var registered = today.AddDays(-140);
        var emails = new List<string>();
        var organizations = new List<Organization>();
        for (var i = 0; i < Agents / 2; i++)
        {
            var organization = Organization.Register(cycle, representative.Id, new OrganizationDetails(
                string.Create(CultureInfo.InvariantCulture, $"Organización {i:D4}"), OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry,
                string.Create(CultureInfo.InvariantCulture, $"RM-{i:D5}"), Ubigeo, "Jr. Prueba 1", "Representante"), registered, now.AddDays(-140));
            for (var t = 0; t < 2; t++)
            {
                organization.AddAgent(cycle, new AgentDetails(
                    string.Create(CultureInfo.InvariantCulture, $"{60_000_000 + i * 2 + t}"), "Agente", string.Create(CultureInfo.InvariantCulture, $"Prueba {i * 2 + t}"),
                    t == 0 ? Sex.Female : Sex.Male, new DateOnly(1980, 1, 1), "999999999", null), AgentRole.Titular, dniTakenElsewhere: false, registered);
            }

            organization.AddDocument(cycle, "a.pdf", string.Create(CultureInfo.InvariantCulture, $"{i:x32}.pdf"), "application/pdf", 1000, new string('0', 64), registered, now.AddDays(-140));
            organization.Submit(cycle, registered, now.AddDays(-140));
            organization.Accept(cycle, manager, now.AddDays(-130));
            organizations.Add(organization);
            db.Organizations.Add(organization);
        }

        await db.SaveChangesAsync();
        var list = AccreditationList.For(cycle);
        list.PublishPreliminary(cycle, manager, 0, now.AddDays(-120));
        list.PublishFinal(cycle, manager, 0, new QuotaCount(Agents, Agents / 2), null, today.AddDays(-110), now.AddDays(-110));
        db.AccreditationLists.Add(list);
        var facts = new CycleFacts
        {
            FinalAgentListPublished = true,
            AccreditedAgents = Agents,
            AccreditedTitulars = Agents,
            AccreditedWomenTitulars = Agents / 2,
            RecommendationPublished = true,
            CoordinationMinutesRecorded = true,
        };
        cycle.AdvanceTo(Phase.Concertation, manager, facts, now.AddDays(-100));
        cycle.AdvanceTo(Phase.Coordination, manager, facts, now.AddDays(-30));
        cycle.AdvanceTo(Phase.Formalization, manager, facts, now.AddDays(-5));

        var training = Meeting.Schedule(cycle, manager, new MeetingDetails(MeetingKind.Training, "Capacitación", now.AddDays(-20), "Auditorio", "Equipo técnico"));
        var agents = organizations.SelectMany(o => o.Agents).ToList();
        foreach (var agent in agents)
        {
            training.MarkPresent(agent, manager, now.AddDays(-20));
        }

        db.Meetings.Add(training);
        for (var i = 0; i < agents.Count; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"agente{i:D4}@benchmark.pe");
            var user = new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                FullName = agents[i].FullName,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = agentRole });
            agents[i].LinkAccount(user.Id);
            emails.Add(email);
        }

        string[] titles = ["Agua potable", "Pistas y veredas", "Centro de salud", "Losa deportiva", "Alumbrado público"];
        var items = titles.Select((t, i) => new BallotItemInput(t, Money.FromSoles(800_000m + i * 150_000m), null, null, null, null, "Infraestructura")).ToList();
        db.FinalVotes.Add(FinalVote.Prepare(cycle, manager, items, cycle.Ceiling, now.AddHours(-1), now.AddDays(2), now));
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (cycle.Id, emails);
    }
}
