using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Survey;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Voting;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// A cycle for one survey test: <see cref="BallotTestCycle"/> (three accepted organizations with one
/// representative, a titular and a suplente each, all accredited with accounts), advanced to
/// Published unless asked otherwise, and a manager of its district.
/// </summary>
internal sealed class SurveyTestData
{
    private SurveyTestData(PbPeruFactory app, BallotTestCycle cycle, string managerEmail, string representativeEmail)
    {
        App = app;
        Cycle = cycle;
        ManagerEmail = managerEmail;
        RepresentativeEmail = representativeEmail;
    }

    public static Actor Manager { get; } = new("semilla", "Gestora Semilla", new HashSet<string> { BallotTestCycle.District });

    public static SurveyGrades Grades { get; } = new(SurveyGrade.Good, SurveyGrade.Excellent, SurveyGrade.Fair, SurveyGrade.Good, SurveyGrade.Excellent, SurveyGrade.Poor);

    public PbPeruFactory App { get; }

    public BallotTestCycle Cycle { get; }

    public int CycleId => Cycle.CycleId;

    public string ManagerEmail { get; }

    public string RepresentativeEmail { get; }

    public string AnswerUrl => $"/Survey/Answer/{CycleId}";

    public string PublicUrl => $"/Public/Survey/{CycleId}";

    public string ManagerUrl => $"/Cycles/Survey/{CycleId}";

    /// <summary>The form's fields for <see cref="Grades"/> and a comment.</summary>
    public static (string Name, string Value)[] Form(string? comment = null) =>
    [
        ("Overall", "Good"), ("Information", "Excellent"), ("Training", "Fair"), ("TechnicalEvaluation", "Good"),
        ("Voting", "Excellent"), ("Transparency", "Poor"), ("Comment", comment ?? ""),
    ];

    public static async Task<SurveyTestData> CreateAsync(PbPeruFactory app, Phase phase = Phase.Published)
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.ApprovalOfTwo);
        var manager = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(manager, "Gestor de la Evaluación", BallotTestCycle.Password, [Roles.CycleManager], BallotTestCycle.District);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Cycles.SingleAsync(c => c.Id == cycle.CycleId);
        while (stored.Phase < phase)
        {
            stored.AdvanceTo(stored.Phase + 1, Manager, ProposalTestData.AllGatesHold, new DateTimeOffset(2027, 9, 1, 15, 0, 0, TimeSpan.Zero));
        }

        await db.SaveChangesAsync();
        var representativeId = await db.Organizations.Where(o => o.CycleId == cycle.CycleId).Select(o => o.RepresentativeUserId).FirstAsync();
        var representative = await db.Users.Where(u => u.Id == representativeId).Select(u => u.Email!).SingleAsync();
        return new SurveyTestData(app, cycle, manager, representative);
    }

    /// <summary>Stores <paramref name="count"/> answers straight through the domain (without roll rows: no accounts behind them).</summary>
    public Task AddAnswersAsync(int count, Func<int, string?>? comment = null) => WriteAsync(async db =>
    {
        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == CycleId);
        for (var i = 0; i < count; i++)
        {
            db.SurveyAnswers.Add(SurveyAnswer.Submit(cycle, $"nadie-{i}", true, false, Grades, comment?.Invoke(i)).Answer);
        }
    });

    public async Task<AppClient> SignedInAsync(string email)
    {
        var client = App.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, BallotTestCycle.Password);
        return client;
    }

    public Task<AppClient> SignedInAsync(BallotTestCycle.Person person) => Cycle.SignedInAsync(person);

    public Task<(int Answers, int Participations)> CountsAsync() => ReadAsync(async db =>
        (await db.SurveyAnswers.CountAsync(a => a.CycleId == CycleId), await db.SurveyParticipations.CountAsync(p => p.CycleId == CycleId)));

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task WriteAsync(Func<AppDbContext, Task> write)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await write(db);
        await db.SaveChangesAsync();
    }
}
