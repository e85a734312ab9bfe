using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Benchmarks;

/// <summary>
/// Page timings against PostgreSQL with realistic volumes (issues 3 and 4): the mode
/// <c>pages</c>. Unchanged from when it was the whole benchmark.
/// </summary>
internal static class PagesBenchmark
{
    // Preparation-phase volumes (issue 3): 1,000 organizations and 2,000 agents in one cycle; the
    // review queue and the public list must answer in under 300 ms server time.
    // Concertation-phase volumes (issue 4): 500 proposals and 5 evaluators (two per proposal, half of
    // them scored); the evaluation queues and the public catalogue, same goal.
    private const int Organizations = 1_000;
    private const int Proposals = 500;
    private const int Evaluators = 5;
    private const int Rounds = 30;

    public static async Task<int> RunAsync()
    {
        // Outside a test host the factory cannot find the app's content root by itself: point it there.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PBPERU_WEB", Path.Combine(Repository.Root(), "src", "PbPeru.Web"));
        await using var app = await PbPeruFactory.CreateAsync(demoEnabled: true);
        using var manager = app.CreateAppClient();
        await manager.LoginAsync(DemoAccounts.CycleManager, PbPeruFactory.DemoPassword);
        var cycleId = await SeedAsync(app);
        var concertationId = await SeedProposalsAsync(app);
        using var evaluator = app.CreateAppClient();
        await evaluator.LoginAsync(DemoAccounts.TechnicalTeam, PbPeruFactory.DemoPassword);

        var pages = new (string Name, string Url)[]
        {
            ("review queue, first page", $"/Cycles/Registrations/{cycleId}"),
            ("review queue, page 20 filtered by status", $"/Cycles/Registrations/{cycleId}?status=Accepted&page=20"),
            ("review queue, search", $"/Cycles/Registrations/{cycleId}?q=Organizaci%C3%B3n%20de%20prueba%20077"),
            ("public list, first page", $"/Public/Agents/{cycleId}"),
            ("public list, page 30", $"/Public/Agents/{cycleId}?page=30"),
            ("public list, search", $"/Public/Agents/{cycleId}?q=Quispe"),
            ("evaluator's queue, first page", "/Evaluation"),
            ("evaluator's queue, page 4", "/Evaluation?page=4"),
            ("manager's evaluation, first page", $"/Cycles/Evaluation/{concertationId}"),
            ("manager's evaluation, page 15", $"/Cycles/Evaluation/{concertationId}?page=15"),
            ("public catalogue, first page", $"/Public/Proposals/{concertationId}"),
            ("public catalogue, page 15", $"/Public/Proposals/{concertationId}?page=15"),
            ("public catalogue, by district", $"/Public/Proposals/{concertationId}?district=080106"),
            ("public catalogue, search", $"/Public/Proposals/{concertationId}?q=propuesta%20de%20prueba%2042"),
        };

        Console.WriteLine($"PbPeru benchmark — {Organizations:N0} organizations, {Organizations * 2:N0} agents; {Proposals:N0} proposals, {Evaluators} evaluators; {Rounds} timed requests per page after 3 warm-ups");
        Console.WriteLine($"{"page",-45} {"median ms",10} {"p95 ms",8} {"max ms",8}");
        foreach (var (name, url) in pages)
        {
            var client = url.StartsWith("/Public", StringComparison.Ordinal) ? app.CreateAppClient()
                : url.StartsWith("/Evaluation", StringComparison.Ordinal) ? evaluator
                : manager;
            for (var i = 0; i < 3; i++)
            {
                await client.GetPageAsync(url);
            }

            var times = new List<double>();
            for (var i = 0; i < Rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-45} {times[times.Count / 2],10:F1} {times[(int)(times.Count * 0.95)],8:F1} {times[^1],8:F1}"));
        }

        return 0;
    }

    private static async Task<int> SeedAsync(PbPeruFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.JurisdictionUbigeo == DemoSeeder.Region && c.FiscalYear == DemoSeeder.FiscalYear);
        var manager = new Actor("benchmark", "Benchmark", new HashSet<string> { cycle.JurisdictionUbigeo });
        var registration = cycle.Calendar.Single(e => e.Step == CalendarStep.Registration);
        var today = registration.Start;
        var now = clock.GetUtcNow();
        var districts = await db.Jurisdictions.Where(j => j.ParentUbigeo != null && j.ParentUbigeo.StartsWith("08") && j.Ubigeo.Length == 6)
            .Select(j => j.Ubigeo).ToListAsync();

        var representative = new AppUser { UserName = "rep@benchmark.pe", Email = "rep@benchmark.pe", FullName = "Representante" };
        await users.CreateAsync(representative);
        var surnames = new[] { "Quispe", "Mamani", "Huamán", "Condori", "Ccori", "Puma", "Tito", "Layme" };
        var types = Enum.GetValues<OrganizationType>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Organizations; i++)
        {
            var details = new OrganizationDetails(
                string.Create(CultureInfo.InvariantCulture, $"Organización de prueba {i:D4}"), types[i % types.Length], RegistryKind.MunicipalRegistry,
                string.Create(CultureInfo.InvariantCulture, $"RM-{i:D5}"), districts[i % districts.Count], "Calle 1", "Representante legal");
            var organization = Organization.Register(cycle, representative.Id, details, today, now);
            for (var role = 0; role < 2; role++)
            {
                organization.AddAgent(cycle, new AgentDetails(
                    string.Create(CultureInfo.InvariantCulture, $"{50_000_000 + i * 2 + role}"), $"Agente {i}", surnames[(i + role) % surnames.Length],
                    (i + role) % 3 == 0 ? Sex.Female : Sex.Male, new DateOnly(1960 + i % 40, 1 + i % 12, 1 + i % 28), "999999999", null),
                    (AgentRole)role, dniTakenElsewhere: false, today);
            }

            organization.AddDocument(cycle, "a.pdf", string.Create(CultureInfo.InvariantCulture, $"{i:x32}.pdf"), "application/pdf", 1000, new string('0', 64), today, now);
            organization.Submit(cycle, today, now);
            if (i % 4 != 0)
            {
                organization.Accept(cycle, manager, now);
            }

            db.Organizations.Add(organization);
            if (i % 200 == 199)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == cycle.Id);
            }
        }

        // The public list shows once the preliminary list is published. A quarter of the organizations
        // stay in the review queue, which the domain would not allow at publication: the benchmark
        // sets the publication date directly to measure both pages at full size.
        if (!await db.AccreditationLists.AnyAsync(l => l.CycleId == cycle.Id))
        {
            db.AccreditationLists.Add(AccreditationList.For(cycle));
            await db.SaveChangesAsync();
        }

        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AccreditationLists\" SET \"PreliminaryPublishedAt\" = now(), \"PreliminaryPublishedBy\" = 'Benchmark' WHERE \"CycleId\" = {0}", cycle.Id);
        // As autovacuum would soon after a bulk load: planner statistics for the new rows.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:F1} s");
        return cycle.Id;
    }

    // The demo's Concertation cycle (Cusco province) with 500 submitted proposals from its accepted
    // organizations, five evaluators of the province, two evaluators per proposal and half scored.
    private static async Task<int> SeedProposalsAsync(PbPeruFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var watch = Stopwatch.StartNew();
        var cycle = await db.Cycles.Include(c => c.Calendar).Include(c => c.Themes).Include(c => c.Criteria).ThenInclude(c => c.Levels)
            .SingleAsync(c => c.JurisdictionUbigeo == DemoConcertation.Province);
        var manager = new Actor("benchmark", "Benchmark", new HashSet<string> { cycle.JurisdictionUbigeo });
        var today = PbPeru.Web.Infrastructure.LimaTime.Today(clock);
        var now = clock.GetUtcNow();
        var organizations = await db.Organizations.Include(o => o.Agents).Where(o => o.CycleId == cycle.Id && o.Status == OrganizationStatus.Accepted).ToListAsync();
        var populations = await db.Jurisdictions.Where(j => j.ParentUbigeo == DemoConcertation.Province).ToDictionaryAsync(j => j.Ubigeo, j => j.Population);
        var districts = populations.Keys.Order(StringComparer.Ordinal).ToList();

        var evaluators = new List<(string Id, string Name)>
        {
            (await db.Users.Where(u => u.Email == DemoAccounts.TechnicalTeam).Select(u => u.Id).SingleAsync(), "Teresa Técnica Huamán"),
        };
        for (var i = 1; i < Evaluators; i++)
        {
            var user = await app.CreateUserAsync($"evaluador{i}@benchmark.pe", $"Evaluador {i}", "una clave larga de prueba", [Roles.TechnicalTeam], DemoConcertation.Province);
            evaluators.Add((user.Id, user.FullName));
        }

        var added = new List<Proposal>();
        for (var i = 0; i < Proposals; i++)
        {
            var organization = organizations[i % organizations.Count];
            var proposer = Proposer.Of(cycle, organization, organization.RepresentativeUserId);
            var district = districts[i % districts.Count];
            var details = new ProposalDetails(
                string.Create(CultureInfo.InvariantCulture, $"Propuesta de prueba {i:D3}"), "Descripción de la propuesta de prueba.",
                cycle.Themes[i % cycle.Themes.Count].Id, [district], Money.FromSoles(60_000m + i * 1_000m),
                (int)Math.Min(500, populations[district]), null, [], []);
            var proposal = Proposal.Draft(cycle, proposer, details, populations, today, now);
            proposal.Submit(cycle, today, now);
            db.Proposals.Add(proposal);
            added.Add(proposal);
        }

        await db.SaveChangesAsync();
        var existing = await db.ProposalReviews.Where(r => r.CycleId == cycle.Id).Select(r => r.ProposalId).ToListAsync();
        var plan = EvaluationAssignments.Evenly(added.Select(p => p.Id), evaluators.Select(e => e.Id), 2, []);
        var criteria = Consolidation.TypedCriteria(cycle.Criteria, cycle.ProposalRules);
        foreach (var group in plan.GroupBy(p => p.ProposalId))
        {
            var review = ProposalReview.For(cycle, group.Key);
            foreach (var assignment in group)
            {
                review.Assign(cycle, manager, assignment.EvaluatorUserId, evaluators.Single(e => e.Id == assignment.EvaluatorUserId).Name, now);
            }

            if (group.Key % 2 == 0)
            {
                var proposal = added.Single(p => p.Id == group.Key);
                foreach (var assignment in group)
                {
                    var scores = criteria.ToDictionary(c => c.Id, c => c.Levels[(group.Key + c.Position) % c.Levels.Count].Score);
                    review.RecordSheet(cycle, assignment.EvaluatorUserId,
                        new EvaluationSheetInput(true, null, Viability.Viable, "Cumple los requisitos técnicos.", null, null, scores), proposal.EstimatedCost, today, now);
                }
            }

            db.ProposalReviews.Add(review);
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"Seeded {Proposals} proposals ({existing.Count} reviews before) in {watch.Elapsed.TotalSeconds:F1} s");
        return cycle.Id;
    }
}
