using Microsoft.AspNetCore.Identity;

namespace PbPeru.Web.Identity;

public sealed class AppUser : IdentityUser
{
    public const int MaxFullNameLength = 200;

    public string FullName { get; set; } = "";
}
