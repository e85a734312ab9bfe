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

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = t["El usuario {0} no es válido.", userName ?? ""] };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = t["Otra persona modificó esta cuenta al mismo tiempo. Vuelva a intentarlo."] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = t["La contraseña debe tener al menos {0} caracteres distintos.", uniqueChars] };

    public override IdentityError UserAlreadyInRole(string role) =>
        new() { Code = nameof(UserAlreadyInRole), Description = t["La cuenta ya tiene ese rol."] };

    public override IdentityError UserNotInRole(string role) =>
        new() { Code = nameof(UserNotInRole), Description = t["La cuenta no tiene ese rol."] };

    public override IdentityError UserLockoutNotEnabled() =>
        new() { Code = nameof(UserLockoutNotEnabled), Description = t["El bloqueo no está habilitado para esta cuenta."] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = t["El enlace no es válido o ya venció."] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = t["No se pudo completar la operación."] };
}
