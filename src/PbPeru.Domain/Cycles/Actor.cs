namespace PbPeru.Domain.Cycles;

/// <summary>
/// The person asking for a change, with the jurisdictions (ubigeo codes) whose cycles they manage.
/// </summary>
public sealed record Actor(string UserId, string DisplayName, IReadOnlySet<string> ManagedJurisdictions)
{
    public bool ManagesJurisdiction(string ubigeo) => ManagedJurisdictions.Contains(ubigeo);
}
