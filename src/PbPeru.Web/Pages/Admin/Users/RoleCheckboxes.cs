namespace PbPeru.Web.Pages.Admin.Users;

/// <summary>The model of the <c>_RoleCheckboxes</c> partial: the field's name, what is checked, a hint under it.</summary>
public sealed record RoleCheckboxes(string Name, IReadOnlyCollection<string> Selected, string Help, string IdPrefix = "");
