using static PbPeru.Web.Tests.Trust.Persona;

namespace PbPeru.Web.Tests.Trust;

/// <summary>How the app answers one request, as the access matrix classes it.</summary>
public enum Outcome
{
    /// <summary>Let through: 2xx, a redirect somewhere other than the login, or a 400 from the checks after access (antiforgery, input).</summary>
    Allowed,

    /// <summary>A redirect to the login page.</summary>
    Login,

    /// <summary>403: signed in, but not someone the page is for.</summary>
    Forbidden,

    /// <summary>404: the page exists, but this record is not one the person may see (or not there at all).</summary>
    NotFound,
}

/// <summary>
/// Who may make one request; everyone else gets the login (anonymous), a 403 (the folder's role)
/// or <see cref="Otherwise"/> (the page's own check of the record). With <see cref="RecordMissing"/>
/// the demo has no record to ask for, so even those let through get a 404.
/// </summary>
public sealed record Rule(IReadOnlySet<Persona> Who, Outcome Otherwise = Outcome.NotFound, string Note = "", bool RecordMissing = false)
{
    /// <summary>The same people get past the access checks, then find nothing: the demo has no such record (a file, a document).</summary>
    public Rule Missing(string note) => this with { RecordMissing = true, Note = note };

    /// <summary>The page checks the record and answers 403 to the wrong person (rather than 404).</summary>
    public Rule ElseForbidden(string note) => this with { Otherwise = Outcome.Forbidden, Note = note };
}

/// <summary>One page (or endpoint) of the app: its address with demo ids, who may GET it, and its handlers where they differ.</summary>
public sealed record PageAccess(string Page, Func<DemoIds, string> Url, Rule Rule)
{
    /// <summary>Rules of handlers that differ from the page's: "POST", "POST Cast", "GET Document".</summary>
    public Dictionary<string, Rule> Handlers { get; } = [];

    /// <summary>Extra query string of a named handler that needs one ("GET Document" → "documentId=3").</summary>
    public Dictionary<string, Func<DemoIds, string>> HandlerQueries { get; } = [];

    public PageAccess With(string handler, Rule rule)
    {
        Handlers[handler] = rule;
        return this;
    }

    public PageAccess Query(string handler, Func<DemoIds, string> query)
    {
        HandlerQueries[handler] = query;
        return this;
    }

    public Rule RuleOf(string handler) => Handlers.GetValueOrDefault(handler) ?? Rule;
}

/// <summary>
/// The declared access table: for every page and handler of the app, who may. The folder gates
/// below restate <c>AppSetup</c>'s conventions; "resource check" rows are pages whose model checks
/// the record (the cycle's jurisdiction, the organization's representative, the cycle's agent…)
/// and answers 404 to people of the right role but the wrong record. A page of the app missing
/// here fails <see cref="AccessMatrixTests"/>: add its row.
/// </summary>
public static class AccessTable
{
    public static readonly IReadOnlySet<Persona> Everyone = Enum.GetValues<Persona>().ToHashSet();

    public static readonly IReadOnlySet<Persona> SignedInPeople = Everyone.Where(p => p != Anonymous).ToHashSet();

    /// <summary>The role each folder asks for (AppSetup's AuthorizeFolder), as the personas that hold it; a persona without it gets 403.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<Persona>> FolderGates = new Dictionary<string, IReadOnlySet<Persona>>
    {
        ["/Admin/"] = new HashSet<Persona> { Administrator },
        ["/Cycles/"] = new HashSet<Persona> { Manager, OtherManager },
        ["/Registration/"] = new HashSet<Persona> { Representative },
        ["/Agent/"] = new HashSet<Persona> { Agent },
        ["/Proposals/"] = new HashSet<Persona> { Agent, Representative },
        ["/Evaluation/"] = new HashSet<Persona> { TechnicalTeam, OtherTechnicalTeam },
    };

    public static Rule Public { get; } = new(Everyone);

    public static Rule SignedIn { get; } = new(SignedInPeople);

    public static Rule Only(params Persona[] who) => new(who.ToHashSet());

    /// <summary>The answer the table expects for <paramref name="persona"/> on a page under <paramref name="page"/>'s folder.</summary>
    public static Outcome Expected(string page, Rule rule, Persona persona)
    {
        if (rule.Who.Contains(persona))
        {
            return rule.RecordMissing ? Outcome.NotFound : Outcome.Allowed;
        }

        if (persona == Anonymous)
        {
            return Outcome.Login;
        }

        var gate = FolderGates.FirstOrDefault(g => page.StartsWith(g.Key, StringComparison.Ordinal)).Value;
        return gate is not null && !gate.Contains(persona) ? Outcome.Forbidden : rule.Otherwise;
    }

    private static PageAccess Page(string page, Func<DemoIds, string> url, Rule rule) => new(page, url, rule);

    private static PageAccess Page(string page, Rule rule) => new(page, _ => page, rule);

    /// <summary>Resource check of the staff pages: the manager of the cycle's jurisdiction; a manager elsewhere gets 403.</summary>
    private static Rule ManagerOfTheCycle { get; } = Only(Manager).ElseForbidden("manages the cycle's jurisdiction");

    /// <summary>A staff page of one cycle (address "page/{cycle id}").</summary>
    private static PageAccess CyclePage(string page, Func<DemoIds, int> cycle) => new(page, d => $"{page}/{cycle(d)}", ManagerOfTheCycle);

    /// <summary>ExecutionAccess.Admits: the cycle's committee members and the staff managing its jurisdiction.</summary>
    private static Rule CommitteeOrStaff { get; } = Only(Committee, Manager).ElseForbidden("ExecutionAccess: committee member or staff of the cycle");

    /// <summary>The sign-in's second step: only between a right password and the code; everyone else goes back to the login.</summary>
    private static Rule DuringASecondStep { get; } = new(new HashSet<Persona>(), Outcome.Login, "a second step pending");

    private const string NoFile = "the demo has no such file";

    public static IReadOnlyList<PageAccess> Pages { get; } =
    [
        // Public pages (AllowAnonymousToPage / AllowAnonymousToFolder("/Public")).
        Page("/Index", _ => "/", Public),
        Page("/Error", _ => "/Error?code=404", Public),
        Page("/Culture", Public),
        Page("/Account/Login", Public),
        Page("/Account/Register", Public),
        Page("/Account/Invitation", _ => "/Account/Invitation?token=no-es-un-token", Public),
        Page("/Account/Logout", SignedIn),
        Page("/Account/Password", SignedIn),
        Page("/Account/TwoFactor", SignedIn),
        Page("/Account/RecoveryCodes", SignedIn), // shown once after set-up; otherwise back to the set-up page
        Page("/Account/LoginWith2fa", DuringASecondStep),
        Page("/Account/LoginWithRecoveryCode", DuringASecondStep),
        Page("/Public/Acta", d => $"/Public/Acta/{d.Published}", Public),
        Page("/Public/ActaPdf", d => $"/Public/ActaPdf/{d.ActaVersion}", Public),
        Page("/Public/Agents", d => $"/Public/Agents/{d.Registration}", Public),
        Page("/Public/Ballots", d => $"/Public/Ballots/{d.Published}", Public),
        Page("/Public/Briefing", d => $"/Public/Briefing/{d.Concertation}", Public).With("GET Document", Public.Missing(NoFile)),
        Page("/Public/Call", d => $"/Public/Call/{d.Registration}", Public),
        Page("/Public/Coordination", d => $"/Public/Coordination/{d.CoordinationSpace}", Public),
        Page("/Public/CoordinationPdf", d => $"/Public/Coordination/{d.CoordinationSpace}/Pdf", Public.Missing("no minutes recorded yet in the demo space")),
        Page("/Public/Execution", d => $"/Public/Execution/{d.Published}", Public).With("GET File", Public.Missing(NoFile)),
        Page("/Public/ExecutionReport", d => $"/Public/ExecutionReport/{d.Published}", Public).With("GET Pdf", Public.Missing("no execution report issued in the demo")),
        Page("/Public/ExportFile", d => $"/Public/ExportFile/{d.Published}", Public),
        Page("/Public/Exports", d => $"/Public/Exports/{d.Published}", Public),
        Page("/Public/History", _ => "/Public/History/08", Public),
        Page("/Public/Meetings", d => $"/Public/Meetings/{d.Concertation}", Public).With("GET Document", Public.Missing(NoFile)),
        Page("/Public/OpenData", Public),
        Page("/Public/OpenDataCycle", d => $"/Public/OpenData/{d.Published}", Public),
        Page("/Public/OpenDataFile", d => $"/Public/OpenDataFile/{d.Published}/pp-08-2024-resultados.csv", Public),
        Page("/Public/OpenDataIndex", _ => "/Public/OpenData/index.json", Public),
        Page("/Public/Proposal", d => $"/Public/Proposals/{d.Concertation}/{d.Proposal}", Public),
        Page("/Public/Proposals", d => $"/Public/Proposals/{d.Concertation}", Public),
        Page("/Public/Report", d => $"/Public/Report/{d.Published}", Public),
        Page("/Public/ReportPdf", d => $"/Public/Report/{d.Published}/Pdf", Public),
        Page("/Public/Representation", d => $"/Public/Representation/{d.Published}", Public),
        Page("/Public/Result", d => $"/Public/Result/{d.Published}", Public),
        Page("/Public/Results", d => $"/Public/Results/{d.Published}", Public),
        Page("/Public/Survey", d => $"/Public/Survey/{d.Published}", Public),
        Page("/Public/Themes", d => $"/Public/Themes/{d.Concertation}", Public),

        // Administration: the Administrator role (folder).
        Page("/Admin/Index", _ => "/Admin", Only(Administrator)),
        Page("/Admin/Jurisdictions/Index", _ => "/Admin/Jurisdictions", Only(Administrator)),
        Page("/Admin/Users/Index", _ => "/Admin/Users", Only(Administrator)),
        Page("/Admin/Users/Create", Only(Administrator)),
        Page("/Admin/Users/Edit", d => $"/Admin/Users/Edit/{d.AgentUserId}", Only(Administrator)),

        // Cycle staff pages: the CycleManager role (folder), then the cycle's jurisdiction (resource check).
        Page("/Cycles/Index", Only(Manager, OtherManager)),
        Page("/Cycles/Create", Only(Manager, OtherManager)),
        CyclePage("/Cycles/Dashboard", d => d.Registration),
        CyclePage("/Cycles/Settings", d => d.Registration),
        CyclePage("/Cycles/Calendar", d => d.Registration),
        CyclePage("/Cycles/Themes", d => d.Registration),
        CyclePage("/Cycles/Criteria", d => d.Registration),
        CyclePage("/Cycles/Rules", d => d.Registration),
        CyclePage("/Cycles/Briefing", d => d.Concertation),
        CyclePage("/Cycles/Accreditation/Index", d => d.Registration),
        CyclePage("/Cycles/Registrations/Index", d => d.Registration),
        Page("/Cycles/Registrations/Review", d => $"/Cycles/Registrations/{d.Registration}/Review/{d.OtherOrganization}", ManagerOfTheCycle)
            .Query("GET Document", d => $"documentId={d.OtherOrganizationDocument}"),
        CyclePage("/Cycles/Invitations/Index", d => d.Registration),
        CyclePage("/Cycles/Training/Index", d => d.Voting),
        Page("/Cycles/Training/Attendance", d => $"/Cycles/Training/{d.Voting}/Attendance/{d.Training}", ManagerOfTheCycle),
        CyclePage("/Cycles/Meetings/Index", d => d.Concertation),
        Page("/Cycles/Meetings/Edit", d => $"/Cycles/Meetings/Edit/{d.Concertation}?meetingId={d.Workshop}", ManagerOfTheCycle)
            .With("GET Document", ManagerOfTheCycle.Missing(NoFile)),
        Page("/Cycles/Meetings/Door", d => $"/Cycles/Meetings/Door/{d.Concertation}?meetingId={d.Workshop}", ManagerOfTheCycle),
        Page("/Cycles/Meetings/Scan", Only(Manager, OtherManager)),
        CyclePage("/Cycles/Moderation/Index", d => d.Concertation),
        CyclePage("/Cycles/Evaluation/Index", d => d.Concertation),
        Page("/Cycles/Evaluation/Proposal", d => $"/Cycles/Evaluation/{d.Concertation}/Proposal/{d.Proposal}", ManagerOfTheCycle),
        Page("/Cycles/Evaluation/Report", d => $"/Cycles/Evaluation/{d.Concertation}/Report", ManagerOfTheCycle),
        CyclePage("/Cycles/Consensus/Index", d => d.Concertation),
        CyclePage("/Cycles/Coordination/Index", d => d.Coordination),
        Page("/Cycles/Coordination/Minutes", d => $"/Cycles/Coordination/{d.Coordination}/Minutes", ManagerOfTheCycle),
        CyclePage("/Cycles/Voting/Index", d => d.Voting),
        CyclePage("/Cycles/Voting/Ballots", d => d.Voting),
        CyclePage("/Cycles/Voting/Result", d => d.Published),
        CyclePage("/Cycles/Committee/Index", d => d.Published),
        CyclePage("/Cycles/Acta/Index", d => d.Published),
        Page("/Cycles/Acta/Version", d => $"/Cycles/Acta/Version/{d.ActaVersion}", ManagerOfTheCycle),
        Page("/Cycles/Acta/Pdf", d => $"/Cycles/Acta/Pdf/{d.ActaVersion}", ManagerOfTheCycle),
        CyclePage("/Cycles/Approvals/Index", d => d.Published).With("GET Document", ManagerOfTheCycle.Missing(NoFile)),
        CyclePage("/Cycles/Approvals/Export", d => d.Published),
        CyclePage("/Cycles/Survey/Index", d => d.Published),

        // The cycle's audit chain: outside the /Cycles folder so administrators reach it too; the page checks the jurisdiction.
        Page("/Audit/Cycle", d => $"/Cycles/Audit/{d.Published}", Only(Manager, Administrator).ElseForbidden("manages the cycle's jurisdiction, or administers")),

        // Organization registration: the OrganizationRepresentative role (folder), then the organization's representative.
        Page("/Registration/Index", Only(Representative)),
        Page("/Registration/Create", d => $"/Registration/Create?cycleId={d.Registration}", Only(Representative)),
        Page("/Registration/Edit", d => $"/Registration/Edit/{d.OwnOrganization}", Only(Representative)),
        Page("/Registration/Document", d => $"/Registration/Document/{d.OwnOrganizationDocument}", Only(Representative)),

        // The agent's own pages: the Agent role (folder), then the agent of the cycle.
        Page("/Agent/Index", Only(Agent)),
        Page("/Agent/Pass", d => $"/Agent/Pass/{d.Voting}", Only(Agent)),
        Page("/Agent/Themes", d => $"/Agent/Themes/{d.Concertation}", Only(Agent)),

        // Proposals: agents and representatives (folder), then the proposer.
        Page("/Proposals/Index", Only(Agent, Representative)),
        Page("/Proposals/Create", d => $"/Proposals/Create?cycleId={d.Concertation}", Only(Agent, Representative)),
        Page("/Proposals/Edit", d => $"/Proposals/Edit/{d.Proposal}", Only(Representative)), // resource check: the proposer or its organization's representative
        Page("/Proposals/Document", d => $"/Proposals/Document/{d.ProposalDocument}", Only(Agent, Representative).Missing(NoFile)),

        // Technical evaluation: the TechnicalTeam role (folder), then the evaluator's jurisdiction.
        Page("/Evaluation/Index", Only(TechnicalTeam, OtherTechnicalTeam)),
        Page("/Evaluation/Sheet", d => $"/Evaluation/Sheet/{d.Proposal}", Only(TechnicalTeam)),
        Page("/Evaluation/Document", d => $"/Evaluation/Document/{d.Proposal}/{d.ProposalDocument}", Only(TechnicalTeam).Missing(NoFile)),

        // Signed-in folders whose pages check the person against the record.
        Page("/Challenges/Index", SignedIn),
        Page("/Challenges/File", SignedIn.Missing("needs the agent challenged; the demo's challenge window is closed")),
        Page("/Challenges/Details", _ => "/Challenges/999999", SignedIn.Missing("no challenge in the demo")),
        Page("/Notifications/Index", SignedIn),
        Page("/Voting/Index", SignedIn),
        Page("/Voting/Ballot", d => $"/Voting/Ballot/{d.Voting}", Only(Agent).ElseForbidden("an agent of the cycle")),
        Page("/Voting/Receipt", d => $"/Voting/Receipt/{d.Voting}", Only(Agent).ElseForbidden("an agent of the cycle")),
        Page("/Committee/Index", SignedIn),
        Page("/Committee/Election", d => $"/Committee/Election/{d.Published}", Only(Agent, Committee).ElseForbidden("an agent of the cycle (the committee member is one)")),
        Page("/Oversight/Index", SignedIn),
        Page("/Oversight/Cycle", d => $"/Oversight/Cycle/{d.Published}", Only(Committee).ElseForbidden("a member of the cycle's committee")),
        Page("/Oversight/Execution", d => $"/Oversight/Execution/{d.Published}", CommitteeOrStaff),
        Page("/Oversight/ExecutionProject", d => $"/Oversight/ExecutionProject/{d.Published}/1", CommitteeOrStaff)
            .With("GET File", CommitteeOrStaff.Missing(NoFile)),
        Page("/Oversight/Report", d => $"/Oversight/Report/{d.Published}", CommitteeOrStaff)
            .With("GET Pdf", CommitteeOrStaff.Missing("no execution report issued in the demo")),
        Page("/Survey/Index", SignedIn),
        Page("/Survey/Answer", d => $"/Survey/Answer/{d.Published}", Only(Agent, Representative, Committee).ElseForbidden("a participant (agent or representative) of the cycle")),
        Page("/Questions/Ask", d => $"/Questions/Ask/{d.Proposal}", SignedIn),
        Page("/Questions/Answer", d => $"/Questions/Answer/{d.Question}", Only(TechnicalTeam, Representative).ElseForbidden("the technical team of the jurisdiction or the proposer (the representative)")),
        Page("/Questions/Report", d => $"/Questions/Report?questionId={d.Question}", SignedIn),
    ];

    /// <summary>Endpoints that are not pages (health checks…), by route pattern.</summary>
    public static IReadOnlyList<PageAccess> Endpoints { get; } =
    [
        Page("/health", Public),
        Page("/health/live", Public),
        Page("/health/ready", Public),
    ];
}
