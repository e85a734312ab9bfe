using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Coordination;

public enum AgreementKind
{
    /// <summary>The project's cost is split among governments; each share counts against that government's ceiling.</summary>
    Cofinancing = 0,

    /// <summary>The project moves to a linked government's list.</summary>
    Transfer = 1,

    /// <summary>Two or more projects become one, with its own title, cost and list.</summary>
    Merge = 2,

    /// <summary>The project leaves its list for want of reach.</summary>
    RejectForReach = 3,

    /// <summary>Two overlapping projects are judged not duplicates.</summary>
    KeepSeparate = 4,

    /// <summary>An earlier agreement is undone.</summary>
    Revoke = 5,
}

/// <summary>A government's part of a co-financing, as agreed.</summary>
public sealed record ShareInput(int CycleId, Money Amount);

/// <summary>
/// One entry of a coordination space's ledger of agreements, taken at a meeting. Entries are only
/// ever appended: an agreement is undone by a later <see cref="AgreementKind.Revoke"/>, never edited.
/// Which fields matter depends on <see cref="Kind"/>:
/// <list type="bullet">
/// <item>Cofinancing: one project, the <see cref="Shares"/>.</item>
/// <item>Transfer: one project, <see cref="TargetCycleId"/> the list it moves to.</item>
/// <item>Merge: two or more projects, <see cref="Title"/>, <see cref="Cost"/>, <see cref="TargetCycleId"/> the owner, <see cref="ResultProject"/> the new project.</item>
/// <item>RejectForReach: one project, <see cref="Reason"/>.</item>
/// <item>KeepSeparate: two projects, <see cref="Reason"/> (optional).</item>
/// <item>Revoke: <see cref="RevokesAgreement"/>, <see cref="Reason"/>.</item>
/// </list>
/// </summary>
public sealed class CoordinationAgreement
{
    public const int MaxReasonLength = 2000;

    private readonly List<AgreementProject> _projects = [];
    private readonly List<AgreementShare> _shares = [];

    private CoordinationAgreement()
    {
        Reason = "";
        RecordedByUserId = "";
        RecordedBy = "";
    }

    public int Id { get; private set; }

    /// <summary>1, 2, … within the coordination space: the ledger's order.</summary>
    public int Number { get; private set; }

    public AgreementKind Kind { get; private set; }

    /// <summary>The meeting (by its number) where it was agreed.</summary>
    public int MeetingNumber { get; private set; }

    /// <summary>The cycle a transfer moves the project to, or that owns a merge's project.</summary>
    public int? TargetCycleId { get; private set; }

    public string? Title { get; private set; }

    public Money? Cost { get; private set; }

    public string Reason { get; private set; }

    public int? RevokesAgreement { get; private set; }

    /// <summary>The project a merge made (its number).</summary>
    public int? ResultProject { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The projects (by number) it is about, in the order given.</summary>
    public IReadOnlyList<int> ProjectNumbers => _projects.OrderBy(p => p.Position).Select(p => p.ProjectNumber).ToList();

    public IReadOnlyList<ShareInput> Shares => _shares.OrderBy(s => s.Position).Select(s => new ShareInput(s.CycleId, s.Amount)).ToList();

    /// <summary>Every project it touches: those it is about and the one it made.</summary>
    public IEnumerable<int> TouchedProjects => ResultProject is { } result ? ProjectNumbers.Append(result) : ProjectNumbers;

    internal static CoordinationAgreement New(
        int number,
        AgreementKind kind,
        int meetingNumber,
        IEnumerable<int> projects,
        Actor actor,
        DateTimeOffset now,
        IEnumerable<ShareInput>? shares = null,
        int? targetCycleId = null,
        string? title = null,
        Money? cost = null,
        string reason = "",
        int? revokes = null,
        int? resultProject = null)
    {
        var agreement = new CoordinationAgreement
        {
            Number = number,
            Kind = kind,
            MeetingNumber = meetingNumber,
            TargetCycleId = targetCycleId,
            Title = title?.Trim(),
            Cost = cost,
            Reason = reason.Trim(),
            RevokesAgreement = revokes,
            ResultProject = resultProject,
            RecordedByUserId = actor.UserId,
            RecordedBy = actor.DisplayName,
            RecordedAt = now.ToUniversalTime(),
        };
        agreement._projects.AddRange(projects.Select((p, i) => new AgreementProject(i + 1, p)));
        agreement._shares.AddRange((shares ?? []).Select((s, i) => new AgreementShare(i + 1, s.CycleId, s.Amount)));
        return agreement;
    }
}

public sealed class AgreementProject
{
    private AgreementProject()
    {
    }

    internal AgreementProject(int position, int projectNumber)
    {
        Position = position;
        ProjectNumber = projectNumber;
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    public int ProjectNumber { get; private set; }
}

public sealed class AgreementShare
{
    private AgreementShare()
    {
    }

    internal AgreementShare(int position, int cycleId, Money amount)
    {
        Position = position;
        CycleId = cycleId;
        Amount = amount;
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    public int CycleId { get; private set; }

    public Money Amount { get; private set; }
}
