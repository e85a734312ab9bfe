using PbPeru.Domain.Common;

namespace PbPeru.Domain.Coordination;

/// <summary>
/// The reach a project on a cycle's list must have, checked in Coordination. Frozen once
/// Coordination starts (<see cref="Cycles.RuleSet.ImpactRules"/>).
/// <para>MinimumAmount: The least a project may cost on this list; zero for none.</para>
/// <para>MinimumReachPercent: The least share (0–100 %) of the jurisdiction's population that the project's districts must hold; zero for none.</para>
/// <para>LevelRule: A regional project must reach more than one province and a provincial one more than one district.</para>
/// </summary>
public sealed record ImpactRules(Money MinimumAmount, int MinimumReachPercent, bool LevelRule)
{
    public static ImpactRules Default { get; } = new(Money.Zero, MinimumReachPercent: 0, LevelRule: true);

    internal IEnumerable<string> Problems()
    {
        if (MinimumAmount.Centimos < 0)
        {
            yield return Messages.ImpactMinimumAmountNegative.Format();
        }

        if (MinimumReachPercent is < 0 or > 100)
        {
            yield return Messages.ImpactReachPercentOutOfRange.Format(0, 100);
        }
    }
}
