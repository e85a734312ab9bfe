using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.Registration;

/// <summary>The organization's details as typed in the form (shared by Create and Edit).</summary>
public sealed class OrganizationInput
{
    public string Name { get; set; } = "";

    public OrganizationType? Type { get; set; }

    public RegistryKind? RegistryKind { get; set; }

    public string RegistryNumber { get; set; } = "";

    public string DistrictUbigeo { get; set; } = "";

    public string Address { get; set; } = "";

    public string LegalRepresentative { get; set; } = "";

    public static OrganizationInput From(Organization o) => new()
    {
        Name = o.Name,
        Type = o.Type,
        RegistryKind = o.RegistryKind,
        RegistryNumber = o.RegistryNumber,
        DistrictUbigeo = o.DistrictUbigeo,
        Address = o.Address,
        LegalRepresentative = o.LegalRepresentative,
    };

    /// <summary>For the domain, once the validator has passed.</summary>
    public OrganizationDetails ToDetails() =>
        new(Name, Type!.Value, RegistryKind!.Value, RegistryNumber, DistrictUbigeo, Address, LegalRepresentative);
}

public sealed class OrganizationInputValidator : AbstractValidator<OrganizationInput>
{
    public OrganizationInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => t["Escriba el nombre de la organización."])
            .MaximumLength(Organization.MaxNameLength).WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", Organization.MaxNameLength]);
        RuleFor(x => x.Type).NotNull().WithMessage(_ => t["Elija el tipo de organización."]);
        RuleFor(x => x.RegistryKind).NotNull().WithMessage(_ => t["Elija dónde está inscrita la organización."]);
        RuleFor(x => x.RegistryNumber).NotEmpty().WithMessage(_ => t["Escriba el número de inscripción o el RUC."])
            .MaximumLength(Organization.MaxRegistryNumberLength).WithMessage(_ => t["El número admite como máximo {0} caracteres.", Organization.MaxRegistryNumberLength]);

        // The RUC's check digit is the domain's rule (PeruvianIds); here it only goes beside its field.
        RuleFor(x => x.RegistryNumber).Must(n => PeruvianIds.IsValidRuc(PeruvianIds.Normalize(n)))
            .When(x => x.RegistryKind == RegistryKind.Ruc && !string.IsNullOrWhiteSpace(x.RegistryNumber))
            .WithMessage(_ => Messages.RucInvalid.Format());
        RuleFor(x => x.DistrictUbigeo).NotEmpty().WithMessage(_ => t["Elija el distrito de la organización."]);
        RuleFor(x => x.Address).NotEmpty().WithMessage(_ => t["Escriba la dirección de la organización."])
            .MaximumLength(Organization.MaxAddressLength).WithMessage(_ => t["La dirección admite como máximo {0} caracteres.", Organization.MaxAddressLength]);
        RuleFor(x => x.LegalRepresentative).NotEmpty().WithMessage(_ => t["Escriba el nombre del representante legal."])
            .MaximumLength(Organization.MaxPersonNameLength).WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", Organization.MaxPersonNameLength]);
    }
}

public sealed record DistrictOption(string Ubigeo, string Name);

/// <summary>The districts of one province (a label) or, for a province's or district's cycle, all of them (no label).</summary>
public sealed record DistrictGroup(string? Province, IReadOnlyList<DistrictOption> Districts);

/// <summary>What the organization form partial needs from its page.</summary>
public interface IOrganizationForm
{
    OrganizationInput Details { get; }

    IReadOnlyList<DistrictGroup> Districts { get; }
}

public static class DistrictOptions
{
    /// <summary>
    /// The districts an organization of the cycle may be in: for a region, every district grouped
    /// by province; for a province, its districts; for a district, itself.
    /// </summary>
    public static async Task<IReadOnlyList<DistrictGroup>> OfJurisdictionAsync(AppDbContext db, string ubigeo, CancellationToken cancellationToken)
    {
        var districts = await db.Jurisdictions
            .Where(j => j.Level == TerritoryLevel.District && j.Ubigeo.StartsWith(ubigeo))
            .Select(j => new { j.Ubigeo, j.Name, j.ParentUbigeo, j.Province })
            .ToListAsync(cancellationToken);
        var names = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("es-PE"), ignoreCase: true);
        if (ubigeo.Length > 2)
        {
            return [new DistrictGroup(null, districts.OrderBy(d => d.Name, names).Select(d => new DistrictOption(d.Ubigeo, d.Name)).ToList())];
        }

        return districts
            .GroupBy(d => (d.ParentUbigeo, d.Province))
            .OrderBy(g => g.Key.Province, names)
            .Select(g => new DistrictGroup(g.Key.Province ?? g.Key.ParentUbigeo, g.OrderBy(d => d.Name, names).Select(d => new DistrictOption(d.Ubigeo, d.Name)).ToList()))
            .ToList();
    }

    public static bool Contains(this IReadOnlyList<DistrictGroup> groups, string ubigeo) =>
        groups.Any(g => g.Districts.Any(d => d.Ubigeo == ubigeo));

    public static string? NameOf(this IReadOnlyList<DistrictGroup> groups, string ubigeo) =>
        groups.Select(g => (g.Province, District: g.Districts.FirstOrDefault(d => d.Ubigeo == ubigeo)))
            .Where(x => x.District is not null)
            .Select(x => x.Province is null ? x.District!.Name : $"{x.District!.Name} ({x.Province})")
            .FirstOrDefault();
}
