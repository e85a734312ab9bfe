using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace PbPeru.Web.Infrastructure;

/// <summary>Identity's messages in the person's language (Spanish by default).</summary>
public sealed class SpanishIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = t["Ya existe una cuenta con el correo {0}.", email] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = t["Ya existe una cuenta con el usuario {0}.", userName] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = t["El correo {0} no es válido.", email ?? ""] };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = t["La contraseña debe tener al menos {0} caracteres.", length] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = t["La contraseña no es correcta."] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = t["No se pudo completar la operación."] };
}
