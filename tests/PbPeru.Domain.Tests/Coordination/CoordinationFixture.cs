using System.Reflection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Domain.Tests.Preparation;

namespace PbPeru.Domain.Tests.Coordination;

/// <summary>
/// The Cusco department in 2026: the region (cycle 1), the province of Urubamba (2), its districts
/// Chinchero (3) and Huayllabamba (4), and the province of Cusco (5), each in Coordination and
/// joined with its recommended list. Meeting 1 has region, Urubamba, Chinchero and Huayllabamba;
/// meeting 2 only the region and Chinchero.
/// <list type="bullet">
/// <item>1 Carretera (region, S/ 4,000,000, CUI 2345678), 2 Riego (Urubamba, 1,200,000), 3 Agua potable (Urubamba, 800,000, one district).</item>
/// <item>4 Carretera (Chinchero, 600,000, same CUI as 1), 5 Riego Chinchero (300,000), 6 Agua potable (Huayllabamba, 700,000; overlaps 3), 7 Parque (Cusco province, 500,000).</item>
/// </list>
/// </summary>
internal static class CoordinationFixture
{
    public const int Region = 1;
    public const int Urubamba = 2;
    public const int Chinchero = 3;
    public const int Huayllabamba = 4;
    public const int CuscoProvince = 5;

    public static readonly DateTimeOffset Now = new(2025, 6, 10, 10, 0, 0, TimeSpan.FromHours(-5));

    public static readonly Actor RegionManager = Manager("08");
    public static readonly Actor UrubambaManager = Manager("0813");
    public static readonly Actor ChincheroManager = Manager("081302");
    public static readonly Actor HuayllabambaManager = Manager("081303");
    public static readonly Actor CuscoProvinceManager = Manager("0801");

    public static IReadOnlyDictionary<string, long> Populations { get; } = new Dictionary<string, long>
    {
        ["080101"] = 114_000,
        ["081301"] = 20_000,
        ["081302"] = 10_000,
        ["081303"] = 5_000,
    };

    public static Money Soles(decimal soles) => Money.FromSoles(soles);

    public static Actor Manager(string ubigeo) => new($"manager-{ubigeo}", $"Responsable {ubigeo}", new HashSet<string> { ubigeo });

    public static CoordinationSpace Space(ImpactRules? provinceRules = null)
    {
        var space = CoordinationSpace.Open("08", TestCycles.FiscalYear);
        Join(space, Region, "08", "Cusco", 1_300_000, 10_000_000m, null,
            (101, "Mejoramiento de la carretera Urubamba Chinchero", 4_000_000m, ["081302", "081301", "080101"], "Infraestructura", "2345678"));
        Join(space, Urubamba, "0813", "Urubamba", 70_000, 3_000_000m, provinceRules,
            (201, "Sistema de riego tecnificado en Urubamba", 1_200_000m, ["081301", "081302"], "Desarrollo económico", null),
            (202, "Agua potable Huayllabamba", 800_000m, ["081303"], "Infraestructura", null));
        Join(space, Chinchero, "081302", "Chinchero", 10_000, 1_000_000m, null,
            (301, "Mejoramiento carretera Chinchero Urubamba", 600_000m, ["081302"], "infraestructura", "2345678"),
            (302, "Riego tecnificado Chinchero", 300_000m, ["081302"], "Desarrollo Economico", null));
        Join(space, Huayllabamba, "081303", "Huayllabamba", 5_000, 1_000_000m, null,
            (401, "Instalación del servicio de agua potable en Huayllabamba", 700_000m, ["081303"], "INFRAESTRUCTURA", null));
        Join(space, CuscoProvince, "0801", "Cusco", 450_000, 2_000_000m, null,
            (501, "Parque zonal", 500_000m, ["080101"], "Ambiente", null));
        space.RecordMeeting(Meeting("08", "0813", "081302", "081303"), RegionManager, Now);
        space.RecordMeeting(Meeting("08", "081302"), ChincheroManager, Now);
        return space;
    }

    public static CoordinationMeetingInput Meeting(params string[] governments) => new(
        Now,
        "Sede del Gobierno Regional, Cusco",
        governments.Select((g, i) => new AttendeeInput($"Asistente {i + 1}", "Gerente de Planeamiento", g)).ToList());

    /// <summary>A cycle of <paramref name="ubigeo"/> moved to Coordination, with id <paramref name="id"/>.</summary>
    public static Cycle CycleIn(Phase phase, int id, string ubigeo, decimal ceiling, ImpactRules? rules = null)
    {
        var manager = Manager(ubigeo);
        var cycle = Cycle.Create(ubigeo, TestCycles.FiscalYear, "Presupuesto Participativo 2026", Soles(ceiling), manager, TestCycles.CreatedAt);
        cycle.SetCalendar(TestCycles.FullCalendar, manager);
        cycle.SetThemes(TestCycles.Themes, manager);
        if (rules is not null)
        {
            cycle.SetImpactRules(rules, manager);
        }

        var now = TestCycles.CreatedAt;
        while (cycle.Phase < phase)
        {
            now = now.AddDays(7);
            cycle.AdvanceTo(cycle.Phase + 1, manager, TestCycles.AllGatesHold, now);
        }

        return Registrations.WithId(cycle, id);
    }

    /// <summary>A published report whose entries are all selected, built directly (the evaluation is tested elsewhere).</summary>
    public static TechnicalReport PublishedReport(int cycleId, params (int ProposalId, string Title, Money Amount, bool Selected)[] entries)
    {
        var report = New<TechnicalReport>();
        Set(report, nameof(TechnicalReport.CycleId), cycleId);
        Set(report, nameof(TechnicalReport.PublishedAt), (DateTimeOffset?)Now);
        var list = (List<TechnicalReportEntry>)typeof(TechnicalReport).GetField("_entries", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(report)!;
        var position = 0;
        foreach (var (proposalId, title, amount, selected) in entries)
        {
            var entry = New<TechnicalReportEntry>();
            Set(entry, nameof(TechnicalReportEntry.Position), ++position);
            Set(entry, nameof(TechnicalReportEntry.ProposalId), proposalId);
            Set(entry, nameof(TechnicalReportEntry.Title), title);
            Set(entry, nameof(TechnicalReportEntry.RequestedAmount), amount);
            Set(entry, nameof(TechnicalReportEntry.Selected), selected);
            list.Add(entry);
        }

        return report;
    }

    private static void Join(
        CoordinationSpace space, int id, string ubigeo, string name, long population, decimal ceiling, ImpactRules? rules,
        params (int Proposal, string Title, decimal Amount, string[] Districts, string Theme, string? Cui)[] projects)
    {
        var cycle = CycleIn(Phase.Coordination, id, ubigeo, ceiling, rules);
        var report = PublishedReport(id, [.. projects.Select(p => (p.Proposal, p.Title, Soles(p.Amount), true)), (id * 100 + 99, "No seleccionado", Soles(1m), false)]);
        var jurisdiction = new Jurisdiction(ubigeo, name, "CUSCO", null, null, population, null);
        space.Join(cycle, jurisdiction, report, projects.Select(p => new ListedProposal(p.Proposal, p.Districts, p.Theme, p.Cui)).ToList(), Manager(ubigeo), Now);
    }

    private static T New<T>() => (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;

    private static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property)!.SetValue(target, value);
}
