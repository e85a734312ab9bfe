namespace PbPeru.Web.Identity;

/// <summary>The roles of DESIGN.md. The public needs no account and so no role.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string CycleManager = "CycleManager";
    public const string TechnicalTeam = "TechnicalTeam";
    public const string OrganizationRepresentative = "OrganizationRepresentative";
    public const string Agent = "Agent";
    public const string OversightCommittee = "OversightCommittee";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, CycleManager, TechnicalTeam, OrganizationRepresentative, Agent, OversightCommittee];

    /// <summary>The policy of the proposal pages: an accredited agent or an organization's representative writes proposals.</summary>
    public const string ProposerPolicy = "Proposer";

    /// <summary>Roles whose grant names the jurisdiction the person works for.</summary>
    public static IReadOnlySet<string> ScopedToJurisdiction { get; } = new HashSet<string> { CycleManager, TechnicalTeam };
}
