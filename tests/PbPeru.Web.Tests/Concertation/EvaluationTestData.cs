using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>Helpers of the evaluation tests on top of <see cref="ProposalTestData"/>'s cycle.</summary>
internal static class EvaluationTestData
{
    /// <summary>A technical-team member of the cycle's jurisdiction, assigned to nothing; returns the user id and a signed-in client.</summary>
    public static async Task<(string UserId, AppClient Client)> EvaluatorAsync(this ConcertationCycle data, string name = "Evaluador Técnico")
    {
        var email = $"tecnico-{Guid.NewGuid():N}@prueba.pe";
        var user = await data.App.CreateUserAsync(email, name, ProposalTestData.Password, [Roles.TechnicalTeam], data.Ubigeo);
        return (user.Id, await data.SignedInAsync(email));
    }

    /// <summary>The review of a proposal as stored, loaded whole.</summary>
    public static Task<ProposalReview?> ReviewAsync(this ConcertationCycle data, int proposalId) =>
        data.ReadAsync(db => db.ProposalReviews.AsNoTracking()
            .Include(r => r.Assignments).Include("Sheets._scores").Include(r => r.Observations)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.ProposalId == proposalId));

    /// <summary>The fields of a viable sheet: every criterion at 2, or the given scores by position (the last repeated).</summary>
    public static (string, string)[] ViableSheet(this ConcertationCycle data, params int[] scores)
    {
        var fields = new List<(string, string)>
        {
            ("Input.Eligible", "true"),
            ("Input.Viability", "Viable"),
            ("Input.Reason", "Cumple los requisitos técnicos y resuelve una brecha de servicio."),
        };
        for (var i = 0; i < data.CriterionIds.Count; i++)
        {
            var score = scores.Length == 0 ? 2 : scores[Math.Min(i, scores.Length - 1)];
            fields.Add(($"Input.Scores[{data.CriterionIds[i]}]", score.ToString(CultureInfo.InvariantCulture)));
        }

        return [.. fields];
    }
}
