namespace PbPeru.Web.Identity;

/// <summary>
/// Grants a staff role (cycle manager or technical team) for one jurisdiction's government: a
/// manager of Cusco's regional government cannot touch a district's cycle.
/// </summary>
public sealed class StaffAssignment
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Role { get; set; }

    public required string JurisdictionUbigeo { get; set; }
}
