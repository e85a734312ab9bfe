using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Survey;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.AgentSurvey;

/// <summary>Who may answer a cycle's survey, whether they have, and the published tally.</summary>
public static class SurveyQueries
{
    /// <summary>
    /// The cycles in which the person is a participant: an accredited agent (linked to the account)
    /// or the representative of an accepted organization.
    /// </summary>
    public static IQueryable<int> ParticipantCycleIds(AppDbContext db, string userId) =>
        db.Agents.Where(a => a.UserId == userId && a.IsAccredited).Select(a => a.CycleId)
            .Union(db.Organizations.Where(o => o.RepresentativeUserId == userId && o.Status == OrganizationStatus.Accepted).Select(o => o.CycleId));

    public static Task<bool> IsParticipantAsync(AppDbContext db, string userId, int cycleId, CancellationToken cancellationToken) =>
        ParticipantCycleIds(db, userId).AnyAsync(id => id == cycleId, cancellationToken);

    public static Task<bool> HasAnsweredAsync(AppDbContext db, string userId, int cycleId, CancellationToken cancellationToken) =>
        db.SurveyParticipations.AnyAsync(p => p.CycleId == cycleId && p.UserId == userId, cancellationToken);

    public static async Task<int> ThresholdAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken) =>
        await db.SurveySettings.Where(s => s.CycleId == cycleId).Select(s => (int?)s.Threshold).SingleOrDefaultAsync(cancellationToken)
        ?? SurveySettings.DefaultThreshold;

    public static Task<int> AnswerCountAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken) =>
        db.SurveyAnswers.CountAsync(a => a.CycleId == cycleId, cancellationToken);

    /// <summary>Every answer's grades, counted; and the comments in the answers' random key order (not the order they came in).</summary>
    public static async Task<(SurveyTally Tally, IReadOnlyList<string> Comments)> TallyAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken)
    {
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => a.CycleId == cycleId)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Overall, a.Information, a.Training, a.TechnicalEvaluation, a.Voting, a.Transparency, a.Comment })
            .ToListAsync(cancellationToken);
        var tally = SurveyTally.Of(answers.Select(a => new SurveyGrades(a.Overall, a.Information, a.Training, a.TechnicalEvaluation, a.Voting, a.Transparency)));
        return (tally, [.. answers.Where(a => a.Comment is not null).Select(a => a.Comment!)]);
    }
}
