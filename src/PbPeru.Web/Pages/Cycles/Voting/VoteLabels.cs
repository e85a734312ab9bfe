using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Voting;

namespace PbPeru.Web.Pages.Cycles.Voting;

/// <summary>The final vote's rules and states in the words people read.</summary>
public static class VoteLabels
{
    public static string Of(VoteState state, IStringLocalizer t) => state switch
    {
        VoteState.Scheduled => t["Programada"],
        VoteState.Open => t["Abierta"],
        _ => t["Cerrada"],
    };

    public static string BadgeOf(VoteState state) => state switch
    {
        VoteState.Scheduled => "text-bg-secondary",
        VoteState.Open => "text-bg-success",
        _ => "text-bg-dark",
    };

    /// <summary>What the agent does on the ballot: "Cada agente marca hasta 5 proyectos.", …</summary>
    public static string BallotOf(VotingRules rules, IStringLocalizer t) => rules.BallotType switch
    {
        BallotType.Approval => t["Cédula de aprobación: cada agente marca hasta {0} proyectos.", rules.MaxApprovals ?? 0],
        BallotType.Knapsack => t["Cédula de presupuesto (mochila): cada agente marca los proyectos que quiera mientras su costo total quepa en el presupuesto."],
        BallotType.Cumulative => t["Cédula acumulativa: cada agente reparte {0} puntos, hasta {1} por proyecto.", rules.TotalPoints ?? 0, rules.MaxPointsPerProject ?? 0],
        _ => t["Cédula de ordenamiento: cada agente ordena hasta {0} proyectos (el primero recibe {0} puntos, el último 1).", rules.RankingLength ?? 0],
    };

    /// <summary>How the approved list comes out of the ballots, in one or two sentences.</summary>
    public static string CountingOf(VotingRules rules, IStringLocalizer t) => rules.CountingRule switch
    {
        CountingRule.Greedy => t["Regla voraz: se ordenan los proyectos por apoyo y se aprueban en ese orden los que caben en el presupuesto, saltando los que no caben."],
        CountingRule.GreedyNoSkip => t["Regla voraz sin saltos: se aprueban por orden de apoyo hasta el primer proyecto que no cabe en el presupuesto."],
        CountingRule.GreedyThreshold => t["Regla voraz con umbral: solo compiten los proyectos con al menos {0} de apoyo; se aprueban por orden de apoyo los que caben.", rules.SupportThreshold ?? 0],
        CountingRule.EqualShares => t["Método de partes iguales (MES): el presupuesto se reparte por igual entre los votantes y cada proyecto se paga con las partes de quienes lo apoyaron."],
        CountingRule.EqualSharesAdd1 => t["Método de partes iguales (MES) con completado add1: el presupuesto se reparte por igual entre los votantes y cada proyecto se paga con las partes de quienes lo apoyaron; luego se sube la parte de cada votante mientras el resultado quepa en el presupuesto."],
        CountingRule.EqualSharesAdd1Comparison => t["Método de partes iguales (MES) con completado add1 y paso de comparación con la regla voraz."],
        CountingRule.Phragmen => t["Phragmén secuencial: los proyectos se aprueban repartiendo su costo entre quienes los apoyaron, de modo que la carga de cada votante sea lo más pareja posible."],
        CountingRule.TechnicalRanking => t["Orden técnico: sin votación en línea; se aprueban por puntaje técnico consolidado los proyectos que caben en el presupuesto."],
        _ => t["Consenso: sin votación en línea; el taller de formalización acuerda el orden de los proyectos y la gestión lo registra con su acta."],
    };

    /// <summary>The rules of the Method of Equal Shares, whose result says what each project cost its supporters.</summary>
    public static bool IsEqualShares(CountingRule rule) =>
        rule is CountingRule.EqualShares or CountingRule.EqualSharesAdd1 or CountingRule.EqualSharesAdd1Comparison;

    /// <summary>Agents vote in the browser under these rules (not under consensus or the technical ranking).</summary>
    public static bool IsOnline(VotingRules rules) =>
        rules.CountingRule is not (CountingRule.Consensus or CountingRule.TechnicalRanking);
}
