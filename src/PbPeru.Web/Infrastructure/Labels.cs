using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;

namespace PbPeru.Web.Infrastructure;

/// <summary>The names people read for the cycle's options.</summary>
public static class Labels
{
    public static string Of(BallotType ballot, IStringLocalizer t) => ballot switch
    {
        BallotType.Approval => t["Aprobación (marcar hasta k proyectos)"],
        BallotType.Knapsack => t["Mochila (cualquier conjunto que quepa en el techo)"],
        BallotType.Cumulative => t["Acumulativo (repartir p puntos)"],
        _ => t["Ordenamiento (ordenar los k preferidos)"],
    };

    public static string Of(CountingRule rule, IStringLocalizer t) => rule switch
    {
        CountingRule.Greedy => t["Voraz: por apoyo, saltando lo que no cabe"],
        CountingRule.GreedyNoSkip => t["Voraz sin saltos: se detiene en el primero que no cabe"],
        CountingRule.GreedyThreshold => t["Voraz con umbral mínimo de apoyo"],
        CountingRule.EqualShares => t["Método de partes iguales (MES)"],
        CountingRule.EqualSharesAdd1 => t["Método de partes iguales con completado add1"],
        CountingRule.EqualSharesAdd1Comparison => t["Método de partes iguales con completado add1 y comparación"],
        CountingRule.Phragmen => t["Phragmén secuencial"],
        CountingRule.TechnicalRanking => t["Orden técnico (puntaje consolidado)"],
        _ => t["Consenso registrado en el taller"],
    };
}
