namespace PbPeru.Web.Tests.Infrastructure;

/// <summary>The demo accounts' emails (password: <see cref="PbPeruFactory.DemoPassword"/>).</summary>
public static class DemoAccounts
{
    public const string Administrator = "administrador@demo.pbperu.pe";

    /// <summary>Cycle manager of the Cusco region (ubigeo <see cref="CycleManagerUbigeo"/>).</summary>
    public const string CycleManager = "gestor@demo.pbperu.pe";

    public const string CycleManagerUbigeo = "08";

    public const string TechnicalTeam = "tecnico@demo.pbperu.pe";

    public const string OrganizationRepresentative = "representante@demo.pbperu.pe";

    public const string Agent = "agente@demo.pbperu.pe";

    public const string OversightCommittee = "vigilancia@demo.pbperu.pe";
}
