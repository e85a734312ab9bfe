using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Pages.Admin.Users;

/// <summary>What the account pages share: the ubigeo rules of a staff grant and Identity's errors beside their fields.</summary>
public static class UserAdministration
{
    /// <summary>Shape only: 2, 4 or 6 digits. Whether it exists and has a government is <see cref="CheckGrantJurisdictionAsync"/>.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeUbigeo<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer t) =>
        rule.Must(u => u is null || (u.Trim().Length is 2 or 4 or 6 && u.Trim().All(char.IsAsciiDigit)))
            .WithMessage(_ => t["El ubigeo tiene 2 dígitos (departamento), 4 (provincia) o 6 (distrito)."]);

    /// <summary>
    /// A staff role is granted for a government: the ubigeo must exist and not be a provincial capital
    /// district, which the provincial municipality governs. Null when it can be granted; otherwise why not.
    /// </summary>
    public static async Task<string?> CheckGrantJurisdictionAsync(AppDbContext db, string ubigeo, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var jurisdiction = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Ubigeo == ubigeo, cancellationToken);
        if (jurisdiction is null)
        {
            return t["No existe una jurisdicción con el ubigeo {0}.", ubigeo].Value;
        }

        return jurisdiction.Government is null
            ? t["{0} ({1}) es capital de provincia y no tiene gobierno propio: la gobierna la municipalidad provincial. Use el ubigeo de la provincia, {2}.", jurisdiction.Name, jurisdiction.Ubigeo, jurisdiction.ParentUbigeo ?? ""].Value
            : null;
    }

    /// <summary>Puts Identity's errors beside the field they are about (the email is also the user name).</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string prefix, string email, IStringLocalizer t)
    {
        var shown = new HashSet<(string, string)>();
        var duplicateEmail = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail));
        foreach (var error in result.Errors)
        {
            var (field, message) = error.Code switch
            {
                var c when c.StartsWith("Password", StringComparison.Ordinal) => ("Password", error.Description),

                // The user name is the email: one message about the email is enough, and Identity's
                // own text for an invalid user name is English.
                nameof(IdentityErrorDescriber.DuplicateUserName) when duplicateEmail => ("", ""),
                nameof(IdentityErrorDescriber.InvalidUserName) => ("Email", t["El correo {0} no es válido.", email].Value),
                var c when c.Contains("Email", StringComparison.Ordinal) || c.Contains("UserName", StringComparison.Ordinal) => ("Email", error.Description),
                _ => ("", error.Description),
            };
            if (message.Length > 0 && shown.Add((field, message)))
            {
                modelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", message);
            }
        }
    }

    /// <summary>The roles chosen in a form, known ones only, in the order of <see cref="Roles.All"/>.</summary>
    public static List<string> Known(IEnumerable<string> roles) => Roles.All.Where(roles.Contains).ToList();
}
