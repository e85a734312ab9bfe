using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Execution;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Infrastructure.PublicResults;

namespace PbPeru.Web.Infrastructure.OpenData;

/// <summary>
/// One cycle of a jurisdiction's history: its participation and, once published, the agreement —
/// the approved projects with where their execution stands, and the commitments of the latest
/// issued acta (as that version printed them).
/// </summary>
public sealed record HistoryCycle(
    int CycleId,
    string Name,
    int FiscalYear,
    Phase Phase,
    ParticipationStats Participation,
    IReadOnlyList<ProjectExecutionView> Projects,
    IReadOnlyList<ActaCommitment> Commitments,
    int? ActaVersion)
{
    public bool IsPublished => Phase >= Phase.Published;

    /// <summary>Women among accredited agents, percent (0–100) with one decimal, as <see cref="ParticipationQuery"/> gives it.</summary>
    public decimal WomenPercent => Participation.WomenShare;

    /// <summary>Civil-society agents among accredited agents, percent (0–100) with one decimal, as <see cref="ParticipationQuery"/> defines it.</summary>
    public decimal CivilSocietyPercent => Participation.CivilSocietyShare;
}

/// <summary>A point of the history's trend chart, in the SVG's own coordinates.</summary>
public sealed record TrendPoint(int FiscalYear, decimal Percent, double X, double Y);

/// <summary>
/// The history of one jurisdiction's participatory budgets: every cycle but drafts (drafts are not
/// announced yet), newest fiscal year first.
/// </summary>
public static class JurisdictionHistory
{
    public const int ChartWidth = 640;
    public const int ChartHeight = 260;
    public const int ChartLeft = 48;
    public const int ChartRight = 24;
    public const int ChartTop = 16;
    public const int ChartBottom = 40;

    public static async Task<IReadOnlyList<HistoryCycle>> ForJurisdictionAsync(AppDbContext db, string ubigeo, CancellationToken ct)
    {
        var cycles = await db.Cycles.AsNoTracking()
            .Where(c => c.JurisdictionUbigeo == ubigeo && c.Phase != Phase.Draft)
            .OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.FiscalYear, c.Phase })
            .ToListAsync(ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var versions = await db.ActaVersions.AsNoTracking()
            .Where(v => ids.Contains(v.CycleId))
            .Select(v => new { v.Id, v.CycleId, v.Number })
            .ToListAsync(ct);
        var latest = versions.GroupBy(v => v.CycleId).Select(g => g.MaxBy(v => v.Number)!.Id).ToList();
        var actas = await db.ActaVersions.AsNoTracking()
            .Where(v => latest.Contains(v.Id))
            .Select(v => new { v.CycleId, v.Number, v.Content })
            .ToDictionaryAsync(v => v.CycleId, ct);

        var history = new List<HistoryCycle>(cycles.Count);
        foreach (var c in cycles)
        {
            var participation = await ParticipationQuery.ForCycleAsync(db, c.Id, ct);
            IReadOnlyList<ProjectExecutionView> projects = [];
            IReadOnlyList<ActaCommitment> commitments = [];
            int? version = null;
            if (c.Phase >= Phase.Published)
            {
                projects = await ExecutionQueries.ForCycleAsync(db, c.Id, ct);
                if (actas.TryGetValue(c.Id, out var acta))
                {
                    version = acta.Number;
                    commitments = CommitmentsOf(acta.Content);
                }
            }

            history.Add(new HistoryCycle(c.Id, c.Name, c.FiscalYear, c.Phase, participation, projects, commitments, version));
        }

        return history;
    }

    /// <summary>
    /// The points of one series over the years (oldest first), for cycles that accredited agents;
    /// x spreads the cycles evenly, y maps 0–100 % to the plot's height.
    /// </summary>
    public static IReadOnlyList<TrendPoint> Trend(IReadOnlyList<HistoryCycle> history, Func<HistoryCycle, decimal> percent)
    {
        var cycles = history.Where(h => h.Participation.Agents > 0).OrderBy(h => h.FiscalYear).ThenBy(h => h.CycleId).ToList();
        var plotWidth = ChartWidth - ChartLeft - ChartRight;
        var plotHeight = ChartHeight - ChartTop - ChartBottom;
        return [.. cycles.Select((h, i) =>
        {
            var value = Math.Clamp(percent(h), 0m, 100m);
            var x = cycles.Count == 1 ? ChartLeft + (plotWidth / 2.0) : ChartLeft + (plotWidth * i / (double)(cycles.Count - 1));
            var y = ChartTop + (plotHeight * (1 - ((double)value / 100)));
            return new TrendPoint(h.FiscalYear, percent(h), Math.Round(x, 1), Math.Round(y, 1));
        })];
    }

    /// <summary>The y coordinate of a percent on the chart's axis.</summary>
    public static double YOf(int percent) => ChartTop + ((ChartHeight - ChartTop - ChartBottom) * (1 - (percent / 100.0)));

    /// <summary>The commitments an issued acta printed; an unreadable content gives none rather than a broken page.</summary>
    private static IReadOnlyList<ActaCommitment> CommitmentsOf(string content)
    {
        try
        {
            return ActaContentBuilder.Deserialize(content).Commitments ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }
}
