using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.Registration;

namespace PbPeru.Web.Pages.Proposals;

/// <summary>The ficha as typed: money as text, blank repeatable rows ignored.</summary>
public sealed class ProposalInput
{
    public const int BlankRows = 3;

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public int ThemeId { get; set; }

    public List<string> Districts { get; set; } = [];

    public string EstimatedCost { get; set; } = "";

    public int? Beneficiaries { get; set; }

    public string? Cui { get; set; }

    public List<CofinancingRow> Cofinancing { get; set; } = [];

    public List<YearRow> Years { get; set; } = [];

    public static ProposalInput From(Proposal proposal) => new()
    {
        Title = proposal.Title,
        Description = proposal.Description,
        ThemeId = proposal.ThemeId,
        Districts = proposal.DistrictUbigeos.ToList(),
        EstimatedCost = Amount.ForInput(proposal.EstimatedCost),
        Beneficiaries = proposal.Beneficiaries,
        Cui = proposal.Cui,
        Cofinancing = proposal.Cofinancing.Select(c => new CofinancingRow { Entity = c.Entity, Amount = Amount.ForInput(c.Amount) }).ToList(),
        Years = proposal.Years.Select(y => new YearRow { FiscalYear = y.FiscalYear, Amount = Amount.ForInput(y.Amount) }).ToList(),
    };

    /// <summary>Adds blank rows so that there are at least <paramref name="blank"/> empty ones of each kind to fill.</summary>
    public void Pad(int blank = BlankRows)
    {
        var filledCofinancing = Cofinancing.Where(c => !c.IsBlank).ToList();
        Cofinancing = filledCofinancing.Concat(Enumerable.Range(0, blank).Select(_ => new CofinancingRow())).ToList();
        var filledYears = Years.Where(y => !y.IsBlank).ToList();
        Years = filledYears.Concat(Enumerable.Range(0, blank).Select(_ => new YearRow())).ToList();
    }

    /// <summary>
    /// The details for the domain, or null when the shape is wrong (an amount that is not a number,
    /// a missing field): those errors go to <paramref name="modelState"/> under "Input.…".
    /// </summary>
    public ProposalDetails? ToDetails(ModelStateDictionary modelState, IStringLocalizer t)
    {
        var ok = modelState.IsValid;
        if (string.IsNullOrWhiteSpace(Title))
        {
            modelState.AddModelError("Input.Title", t["Escriba el título del proyecto."]);
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            modelState.AddModelError("Input.Description", t["Describa el proyecto."]);
            ok = false;
        }

        if (ThemeId == 0)
        {
            modelState.AddModelError("Input.ThemeId", t["Elija el tema del proyecto."]);
            ok = false;
        }

        if (!Amount.TryParse(EstimatedCost, out var cost))
        {
            modelState.AddModelError("Input.EstimatedCost", t["Escriba el costo estimado en soles, por ejemplo 150000.00."]);
            ok = false;
        }

        if (Beneficiaries is null)
        {
            modelState.AddModelError("Input.Beneficiaries", t["Escriba el número de personas beneficiadas."]);
            ok = false;
        }

        var cofinancing = new List<CofinancingInput>();
        for (var i = 0; i < Cofinancing.Count; i++)
        {
            var row = Cofinancing[i];
            if (row.IsBlank)
            {
                continue;
            }

            if (!Amount.TryParse(row.Amount, out var amount))
            {
                modelState.AddModelError($"Input.Cofinancing[{i}].Amount", t["Escriba el monto del cofinanciamiento en soles."]);
                ok = false;
                continue;
            }

            cofinancing.Add(new CofinancingInput(row.Entity?.Trim() ?? "", amount));
        }

        var years = new List<YearShareInput>();
        for (var i = 0; i < Years.Count; i++)
        {
            var row = Years[i];
            if (row.IsBlank)
            {
                continue;
            }

            if (row.FiscalYear is not { } year || !Amount.TryParse(row.Amount, out var amount))
            {
                modelState.AddModelError($"Input.Years[{i}].Amount", t["Escriba el año y el monto de cada parte del financiamiento multianual."]);
                ok = false;
                continue;
            }

            years.Add(new YearShareInput(year, amount));
        }

        if (!ok)
        {
            return null;
        }

        return new ProposalDetails(Title, Description, ThemeId, Districts, cost, Beneficiaries!.Value, Cui, cofinancing, years);
    }
}

public sealed class CofinancingRow
{
    public string? Entity { get; set; }

    public string? Amount { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Entity) && string.IsNullOrWhiteSpace(Amount);
}

public sealed class YearRow
{
    public int? FiscalYear { get; set; }

    public string? Amount { get; set; }

    public bool IsBlank => FiscalYear is null && string.IsNullOrWhiteSpace(Amount);
}

/// <summary>A district offered on the ficha, with its population (for the beneficiaries' help text).</summary>
public sealed record DistrictChoice(string Ubigeo, string Name, long Population);

public sealed record DistrictChoiceGroup(string? Province, IReadOnlyList<DistrictChoice> Districts);

/// <summary>What the ficha form shows besides the input: the cycle, its themes and districts.</summary>
public interface IProposalForm
{
    ProposalInput Input { get; }

    Cycle Cycle { get; }

    IReadOnlyList<DistrictChoiceGroup> DistrictGroups { get; }

    bool CanEdit { get; }
}

/// <summary>Reads shared by the proposer's pages.</summary>
public static class ProposalReads
{
    /// <summary>The cycle with what the proposal rules read.</summary>
    public static Task<Cycle?> CycleAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken) =>
        db.Cycles.AsNoTracking()
            .Include(c => c.Calendar).Include(c => c.Themes).Include(c => c.Criteria).ThenInclude(c => c.Levels)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);

    public static async Task<IReadOnlyList<DistrictChoiceGroup>> DistrictsAsync(AppDbContext db, string jurisdictionUbigeo, CancellationToken cancellationToken)
    {
        var groups = await DistrictOptions.OfJurisdictionAsync(db, jurisdictionUbigeo, cancellationToken);
        var populations = await PopulationsAsync(db, jurisdictionUbigeo, cancellationToken);
        return groups.Select(g => new DistrictChoiceGroup(
            g.Province,
            g.Districts.Select(d => new DistrictChoice(d.Ubigeo, d.Name, populations.GetValueOrDefault(d.Ubigeo))).ToList())).ToList();
    }

    /// <summary>Ubigeo → population of every district of the jurisdiction.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> PopulationsAsync(AppDbContext db, string jurisdictionUbigeo, CancellationToken cancellationToken) =>
        await db.Jurisdictions
            .Where(j => j.Level == PbPeru.Domain.Jurisdictions.TerritoryLevel.District && j.Ubigeo.StartsWith(jurisdictionUbigeo))
            .ToDictionaryAsync(j => j.Ubigeo, j => j.Population, cancellationToken);

    /// <summary>
    /// The accepted organizations of the cycle the user may propose for: as its representative or as
    /// one of its accredited agents with this account.
    /// </summary>
    public static async Task<IReadOnlyList<Organization>> ProposingOrganizationsAsync(AppDbContext db, int cycleId, string userId, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .Include(o => o.Agents)
            .Where(o => o.CycleId == cycleId && o.Status == OrganizationStatus.Accepted
                        && (o.RepresentativeUserId == userId || o.Agents.Any(a => a.UserId == userId && a.IsAccredited)))
            .OrderBy(o => o.Name)
            .ToListAsync(cancellationToken);

    /// <summary>The proposal when the user is its proposer or its organization's representative; null otherwise.</summary>
    public static async Task<Proposal?> OwnAsync(AppDbContext db, int proposalId, string userId, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals
            .Include(p => p.Districts).Include(p => p.Cofinancing).Include(p => p.Years).Include(p => p.Documents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var representative = await db.Organizations.Where(o => o.Id == proposal.OrganizationId).Select(o => o.RepresentativeUserId).SingleAsync(cancellationToken);
        return proposal.IsEditableBy(userId, representative) ? proposal : null;
    }

    /// <summary>The labels of the proposal statuses.</summary>
    public static string StatusLabel(ProposalStatus status, IStringLocalizer t) => status switch
    {
        ProposalStatus.Draft => t["Borrador"],
        ProposalStatus.Submitted => t["Presentada"],
        _ => t["Retirada"],
    };

    public static string StatusBadge(ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => "text-bg-secondary",
        ProposalStatus.Submitted => "text-bg-primary",
        _ => "text-bg-light border",
    };
}
