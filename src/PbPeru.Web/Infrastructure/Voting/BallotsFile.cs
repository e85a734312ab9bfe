using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Counting;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.Voting;

/// <summary>A cycle's anonymized ballots as a downloadable <c>.pb</c> file.</summary>
public sealed record BallotsDownload(string FileName, byte[] Content)
{
    /// <summary>UTF-8 text; the bytes carry no byte-order mark.</summary>
    public const string ContentType = "text/plain; charset=utf-8";
}

/// <summary>
/// Builds the <c>.pb</c> file of a closed vote, for the staff download and the public one alike, so
/// both hand out the same bytes: the ballots anonymized by <see cref="VoteExport"/>, described in
/// Spanish whatever the reader's language (an open-data file must not change with who downloads it).
/// </summary>
public static class BallotsFile
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PE");

    /// <summary>
    /// The file of the cycle's vote, or null when there is none to give: no vote, a vote still
    /// scheduled or open, or a cycle that decides without an online vote (consensus, technical ranking).
    /// </summary>
    public static async Task<BallotsDownload?> BuildAsync(AppDbContext db, int cycleId, IStringLocalizer t, TimeProvider clock, CancellationToken cancellationToken)
    {
        var vote = await VoteQueries.OfCycleAsync(db, cycleId, tracking: false, cancellationToken);
        if (vote is null || !vote.IsOnline || vote.StateAt(clock.GetUtcNow()) != VoteState.Closed)
        {
            return null;
        }

        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == cycleId, cancellationToken);
        var jurisdiction = await db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Ubigeo == cycle.JurisdictionUbigeo, cancellationToken);
        var ballots = await VoteQueries.BallotsAsync(db, vote.Id, cancellationToken);
        var file = VoteExport.ToPabulib(vote, ballots, Describe(cycle, jurisdiction, vote, t));
        return new BallotsDownload(FileNameOf(jurisdiction, cycle.FiscalYear), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(PabulibWriter.Write(file)));
    }

    /// <summary>"pbperu-cusco-2025-votos.pb": the jurisdiction's name in lower case, without accents, and the fiscal year.</summary>
    public static string FileNameOf(Jurisdiction jurisdiction, int fiscalYear) =>
        string.Create(CultureInfo.InvariantCulture, $"pbperu-{Slug(jurisdiction.Name)}-{fiscalYear}-votos.pb");

    private static ExportDescription Describe(Cycle cycle, Jurisdiction jurisdiction, FinalVote vote, IStringLocalizer t)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Spanish;
            return new ExportDescription(
                "Peru",
                GovernmentNames.Of(jurisdiction, t),
                cycle.FiscalYear.ToString(CultureInfo.InvariantCulture),
                cycle.Name,
                DateOnly.FromDateTime(LimaTime.ToLima(vote.ClosesAt).DateTime));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Slug(string name)
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "ciclo" : slug;
    }
}
