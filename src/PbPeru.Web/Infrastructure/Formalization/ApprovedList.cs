using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Infrastructure.Formalization;

/// <summary>
/// One project of the approved list.
/// <para>TotalCost: the whole project (the proposal's estimated cost, or the sum of every government's share when coordinated).</para>
/// <para>ThisCycleAmount: what this cycle's participatory budget pays (the ballot item's cost).</para>
/// <para>Cofinancing: what others pay: the other governments' shares when coordinated, else the proposal's co-financing lines.</para>
/// <para>YearSplit: the proposal's multi-year split of the total cost (empty when it has none).</para>
/// </summary>
public sealed record ApprovedProject(
    int Rank,
    string? Cui,
    string Name,
    string? Theme,
    IReadOnlyList<string> DistrictUbigeos,
    Money TotalCost,
    Money ThisCycleAmount,
    IReadOnlyList<ProjectCofinancing> Cofinancing,
    IReadOnlyList<ProjectYearShare> YearSplit,
    long Votes,
    decimal? TechnicalScore);

/// <summary>Others' share of a project: a government (coordination shares by government name) or an entity of the proposal's co-financing lines.</summary>
public sealed record ProjectCofinancing(string Government, Money Amount);

public sealed record ProjectYearShare(int FiscalYear, Money Amount);

/// <summary>A cycle's approved list: the result's selected projects in selection order, with what the documents and exports print.</summary>
public sealed record ApprovedList(
    int CycleId,
    string Ubigeo,
    string JurisdictionName,
    int FiscalYear,
    Money Ceiling,
    Money Total,
    IReadOnlyList<ApprovedProject> Projects);

public static class ApprovedListQuery
{
    /// <summary>
    /// The approved list of the cycle, or null when the cycle has no computed result. Projects are the
    /// result's selected lines in selection order (rank 1, 2, …); Total is the sum of this cycle's amounts.
    /// </summary>
    public static async Task<ApprovedList?> ForCycleAsync(AppDbContext db, int cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return null;
        }

        var vote = await VoteQueries.Votes(db, tracking: false).SingleOrDefaultAsync(v => v.CycleId == cycleId, ct);
        if (vote?.Result is not { } result)
        {
            return null;
        }

        var jurisdictionName = await db.Jurisdictions.AsNoTracking()
            .Where(j => j.Ubigeo == cycle.JurisdictionUbigeo)
            .Select(j => j.Name)
            .SingleOrDefaultAsync(ct) ?? cycle.JurisdictionUbigeo;

        var selected = result.Selected
            .Select(line => (Line: line, Item: vote.Item(line.Position)))
            .Where(x => x.Item is not null)
            .ToList();

        var proposalIds = selected.Where(x => x.Item!.ProposalId is not null).Select(x => x.Item!.ProposalId!.Value).Distinct().ToList();
        var proposals = proposalIds.Count == 0
            ? []
            : await db.Proposals.AsNoTracking()
                .Include(p => p.Districts).Include(p => p.Cofinancing).Include(p => p.Years)
                .AsSplitQuery()
                .Where(p => proposalIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, ct);

        var space = selected.Any(x => x.Item!.ProjectNumber is not null)
            ? await CoordinationQueries.OfCycleAsync(db, cycleId, tracking: false, ct)
            : null;
        var state = space?.State;
        var governments = space is null ? new Dictionary<int, string>() : await GovernmentNamesAsync(db, space, ct);

        var projects = new List<ApprovedProject>();
        foreach (var (line, item) in selected.OrderBy(x => x.Line.SelectionOrder))
        {
            var proposal = item!.ProposalId is { } id ? proposals.GetValueOrDefault(id) : null;
            var standing = item.ProjectNumber is { } number ? state?.Project(number) : null;

            IReadOnlyList<string> districts;
            Money totalCost;
            IReadOnlyList<ProjectCofinancing> cofinancing;
            if (standing is not null)
            {
                districts = standing.Project.Districts;
                var shares = standing.Shares.Count > 0 ? standing.Shares : [new ProjectShare(cycleId, item.Cost)];
                totalCost = shares.Aggregate(Money.Zero, (sum, s) => sum + s.Amount);
                cofinancing = shares
                    .Where(s => s.CycleId != cycleId)
                    .Select(s => new ProjectCofinancing(governments.GetValueOrDefault(s.CycleId) ?? $"#{s.CycleId}", s.Amount))
                    .ToList();
            }
            else if (proposal is not null)
            {
                districts = proposal.DistrictUbigeos;
                totalCost = proposal.EstimatedCost;
                cofinancing = proposal.Cofinancing.Select(c => new ProjectCofinancing(c.Entity, c.Amount)).ToList();
            }
            else
            {
                districts = [];
                totalCost = item.Cost;
                cofinancing = [];
            }

            var years = proposal?.Years.Select(y => new ProjectYearShare(y.FiscalYear, y.Amount)).ToList() ?? [];
            projects.Add(new ApprovedProject(
                line.SelectionOrder!.Value,
                item.Cui ?? proposal?.Cui,
                item.Title,
                string.IsNullOrWhiteSpace(item.ThemeName) ? null : item.ThemeName,
                districts,
                totalCost,
                item.Cost,
                cofinancing,
                years,
                line.Support,
                item.TechnicalScore));
        }

        return new ApprovedList(
            cycle.Id,
            cycle.JurisdictionUbigeo,
            jurisdictionName,
            cycle.FiscalYear,
            cycle.Ceiling,
            projects.Aggregate(Money.Zero, (sum, p) => sum + p.ThisCycleAmount),
            projects);
    }

    /// <summary>"Gobierno Regional de Cusco"… for each cycle of the space, in Spanish (the list is a record, not an interface text).</summary>
    private static async Task<IReadOnlyDictionary<int, string>> GovernmentNamesAsync(AppDbContext db, CoordinationSpace space, CancellationToken ct)
    {
        var ubigeos = space.Cycles.Select(c => c.JurisdictionUbigeo).ToList();
        var jurisdictions = await db.Jurisdictions.AsNoTracking().Where(j => ubigeos.Contains(j.Ubigeo)).ToDictionaryAsync(j => j.Ubigeo, ct);
        return space.Cycles.ToDictionary(
            c => c.CycleId,
            c => jurisdictions.TryGetValue(c.JurisdictionUbigeo, out var j) ? GovernmentNames.Of(j, SpanishText.Instance) : c.GovernmentName);
    }

    /// <summary>The Spanish keys themselves: the interface's texts are written in Spanish first.</summary>
    private sealed class SpanishText : IStringLocalizer
    {
        public static readonly SpanishText Instance = new();

        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.GetCultureInfo("es-PE"), name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
