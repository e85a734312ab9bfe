using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.Formalization;

/// <summary>One issued version of a cycle's acta: its number, when and by whom, the SHA-256 of its content and, from version 2 on, why it was issued.</summary>
public sealed record ActaVersionView(int Id, int Number, DateTimeOffset IssuedAt, string IssuedBy, string Hash, string? Reason);

/// <summary>What other parts need to know about a cycle's acta.</summary>
public static class ActaQueries
{
    /// <summary>The cycle's issued versions, newest first (empty before the first is issued).</summary>
    public static async Task<IReadOnlyList<ActaVersionView>> VersionsAsync(AppDbContext db, int cycleId, CancellationToken ct)
    {
        var versions = await db.ActaVersions.AsNoTracking()
            .Where(v => v.CycleId == cycleId)
            .Select(v => new ActaVersionView(v.Id, v.Number, v.IssuedAt, v.IssuedBy, v.Hash, v.Reason))
            .ToListAsync(ct);
        return [.. versions.OrderByDescending(v => v.Number)];
    }

    /// <summary>True once version 1 of the cycle's acta has been issued.</summary>
    public static Task<bool> IsIssuedAsync(AppDbContext db, int cycleId, CancellationToken ct) =>
        db.ActaVersions.AnyAsync(v => v.CycleId == cycleId, ct);

    /// <summary>An issued version by its id, untracked (nothing ever changes one).</summary>
    public static Task<ActaVersion?> FindVersionAsync(AppDbContext db, int versionId, CancellationToken ct) =>
        db.ActaVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, ct);

    /// <summary>"acta-08-2026-v2.pdf": the jurisdiction's ubigeo, the fiscal year and the version.</summary>
    public static string PdfName(ActaContent content) =>
        string.Create(CultureInfo.InvariantCulture, $"acta-{content.Ubigeo}-{content.FiscalYear}-v{content.Number}.pdf");
}
