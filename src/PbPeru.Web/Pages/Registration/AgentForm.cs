using FluentValidation;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;

namespace PbPeru.Web.Pages.Registration;

/// <summary>A titular or suplente as typed in the agents form.</summary>
public sealed class AgentInput
{
    public const int MaxPhoneLength = 40;
    public const int MaxEmailLength = 256;

    public AgentRole? Role { get; set; }

    public string Dni { get; set; } = "";

    public string GivenNames { get; set; } = "";

    public string Surnames { get; set; } = "";

    public Sex? Sex { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The DNI as the domain keeps it: "4567 8901" becomes "45678901".</summary>
    public string NormalizedDni => PeruvianIds.Normalize(Dni) ?? "";

    public AgentDetails ToDetails() => new(NormalizedDni, GivenNames, Surnames, Sex!.Value, BirthDate!.Value, Phone, Email);
}

public sealed class AgentInputValidator : AbstractValidator<AgentInput>
{
    public AgentInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Role).NotNull().WithMessage(_ => t["Elija si es titular o suplente."]);

        // The DNI's shape is the domain's rule (PeruvianIds); here it only goes beside its field.
        RuleFor(x => x.NormalizedDni).Must(PeruvianIds.IsValidDni).OverridePropertyName(nameof(AgentInput.Dni))
            .WithMessage(_ => Messages.DniInvalid.Format());
        RuleFor(x => x.GivenNames).NotEmpty().WithMessage(_ => t["Escriba los nombres del agente."])
            .MaximumLength(Organization.MaxPersonNameLength).WithMessage(_ => t["Los nombres admiten como máximo {0} caracteres.", Organization.MaxPersonNameLength]);
        RuleFor(x => x.Surnames).NotEmpty().WithMessage(_ => t["Escriba los apellidos del agente."])
            .MaximumLength(Organization.MaxPersonNameLength).WithMessage(_ => t["Los apellidos admiten como máximo {0} caracteres.", Organization.MaxPersonNameLength]);
        RuleFor(x => x.Sex).NotNull().WithMessage(_ => t["Indique el sexo del agente."]);
        RuleFor(x => x.BirthDate).NotNull().WithMessage(_ => t["Indique la fecha de nacimiento."]);
        RuleFor(x => x.Phone).MaximumLength(AgentInput.MaxPhoneLength).WithMessage(_ => t["El teléfono admite como máximo {0} caracteres.", AgentInput.MaxPhoneLength]);
        RuleFor(x => x.Email).MaximumLength(AgentInput.MaxEmailLength).WithMessage(_ => t["El correo puede tener hasta {0} caracteres.", AgentInput.MaxEmailLength])
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(_ => t["Escriba un correo electrónico válido, por ejemplo nombre@municipalidad.gob.pe."]);
    }
}
