using PbPeru.Domain.Common;

namespace PbPeru.Domain.Coordination;

/// <summary>A government's part of a project's cost, counted against that government's ceiling.</summary>
public sealed record ProjectShare(int CycleId, Money Amount);

/// <summary>
/// Where a project stands after the agreements: whether it is on a list, whose, and who pays.
/// <para>Shares: Who pays what; the owner alone, for the whole cost, unless a co-financing is in effect. Empty when not active.</para>
/// <para>CofinancedBy, TransferredBy, EndedBy: The agreements (numbers) behind its split, its owner and its leaving the lists.</para>
/// </summary>
public sealed record ProjectStanding(
    CoordinatedProject Project,
    bool IsActive,
    int OwnerCycleId,
    IReadOnlyList<ProjectShare> Shares,
    int? CofinancedBy,
    int? TransferredBy,
    int? EndedBy)
{
    public int Number => Project.Number;

    public bool IsCofinanced => CofinancedBy is not null;
}

[Flags]
public enum OverlapReason
{
    None = 0,

    /// <summary>Both have the same Invierte.pe code.</summary>
    SameCui = 1,

    /// <summary>They share a district and a theme (by name) and their titles are similar.</summary>
    SameDistrictThemeAndTitle = 2,
}

/// <summary>
/// Two active projects that may be the same work. It is resolved by a keep-separate agreement on the
/// pair, or a transfer of either project recorded once both existed (the governments judged where
/// it belongs); a merge or a rejection resolves it by taking a side off the lists, so the pair is
/// no longer reported at all.
/// </summary>
public sealed record Overlap(int First, int Second, OverlapReason Reason, int? ResolvedBy)
{
    public bool IsResolved => ResolvedBy is not null;

    public bool Involves(int projectNumber) => First == projectNumber || Second == projectNumber;
}

/// <summary>The lists as the agreements in effect leave them: the result of <see cref="CoordinationLedger.Fold"/>.</summary>
public sealed class CoordinationState
{
    private readonly Dictionary<int, ProjectStanding> _byNumber;

    internal CoordinationState(IReadOnlyList<CoordinatedCycle> cycles, IReadOnlyList<ProjectStanding> projects, IReadOnlyList<CoordinationAgreement> inEffect)
    {
        Cycles = cycles;
        Projects = projects;
        InEffect = inEffect;
        _byNumber = projects.ToDictionary(p => p.Number);
        Overlaps = FindOverlaps();
    }

    public IReadOnlyList<CoordinatedCycle> Cycles { get; }

    /// <summary>Every project ever on the lists, active or not, by number.</summary>
    public IReadOnlyList<ProjectStanding> Projects { get; }

    /// <summary>The agreements that shape this state: neither revocations nor revoked ones.</summary>
    public IReadOnlyList<CoordinationAgreement> InEffect { get; }

    public IReadOnlyList<ProjectStanding> Active => Projects.Where(p => p.IsActive).ToList();

    /// <summary>Every overlap among the active projects, resolved or not.</summary>
    public IReadOnlyList<Overlap> Overlaps { get; }

    public IReadOnlyList<Overlap> UnresolvedOverlaps => Overlaps.Where(o => !o.IsResolved).ToList();

    public ProjectStanding? Project(int number) => _byNumber.GetValueOrDefault(number);

    /// <summary>A cycle's list: the active projects it owns, by number.</summary>
    public IReadOnlyList<ProjectStanding> ListOf(int cycleId) => Projects.Where(p => p.IsActive && p.OwnerCycleId == cycleId).ToList();

    /// <summary>The active projects a cycle pays a share of, on its own list or another's.</summary>
    public IReadOnlyList<ProjectStanding> PaidBy(int cycleId) => Projects.Where(p => p.IsActive && p.Shares.Any(s => s.CycleId == cycleId)).ToList();

    /// <summary>What a cycle's ceiling carries: its shares of every active project, each counted once.</summary>
    public Money Committed(int cycleId) => Projects
        .Where(p => p.IsActive)
        .SelectMany(p => p.Shares)
        .Where(s => s.CycleId == cycleId)
        .Aggregate(Money.Zero, (sum, s) => sum + s.Amount);

    /// <summary>The unresolved overlaps involving a project on the cycle's list.</summary>
    public int UnresolvedOverlapsOf(int cycleId) =>
        UnresolvedOverlaps.Count(o => _byNumber[o.First].OwnerCycleId == cycleId || _byNumber[o.Second].OwnerCycleId == cycleId);

    private List<Overlap> FindOverlaps()
    {
        var active = Active;
        var overlaps = new List<Overlap>();
        for (var i = 0; i < active.Count; i++)
        {
            for (var j = i + 1; j < active.Count; j++)
            {
                var reason = OverlapDetection.Between(active[i].Project, active[j].Project);
                if (reason != OverlapReason.None)
                {
                    overlaps.Add(new Overlap(active[i].Number, active[j].Number, reason, ResolutionOf(active[i].Project, active[j].Project)));
                }
            }
        }

        return overlaps;
    }

    private int? ResolutionOf(CoordinatedProject a, CoordinatedProject b)
    {
        var bothExisted = Math.Max(a.CreatedByAgreement ?? 0, b.CreatedByAgreement ?? 0);
        return InEffect
            .Where(x => x.Kind switch
            {
                AgreementKind.KeepSeparate => x.ProjectNumbers.Contains(a.Number) && x.ProjectNumbers.Contains(b.Number),
                AgreementKind.Transfer => x.Number > bothExisted && (x.ProjectNumbers[0] == a.Number || x.ProjectNumbers[0] == b.Number),
                _ => false,
            })
            .Select(x => (int?)x.Number)
            .LastOrDefault();
    }
}

/// <summary>Which pairs of projects may be the same work. Pure.</summary>
public static class OverlapDetection
{
    /// <summary>
    /// Why two projects overlap: the same CUI, or a shared district with the same theme name
    /// (compared without case or accents) and similar titles (<see cref="TitleSimilarity"/>).
    /// </summary>
    public static OverlapReason Between(CoordinatedProject a, CoordinatedProject b)
    {
        var reason = OverlapReason.None;
        if (a.Cui is { Length: > 0 } cui && string.Equals(cui, b.Cui, StringComparison.Ordinal))
        {
            reason |= OverlapReason.SameCui;
        }

        if (a.Districts.Intersect(b.Districts, StringComparer.Ordinal).Any()
            && TitleSimilarity.SameName(a.ThemeName, b.ThemeName)
            && TitleSimilarity.AreSimilar(a.Title, b.Title))
        {
            reason |= OverlapReason.SameDistrictThemeAndTitle;
        }

        return reason;
    }
}
