using PbPeru.Domain.Common;

namespace PbPeru.Domain.Coordination;

/// <summary>
/// The current lists as a pure fold of the initial lists and the agreements, in ledger order.
/// Revocations and the agreements they revoke are skipped: a revocation is only accepted when no
/// later agreement in effect touches a project the revoked one touched, so skipping it gives the
/// state the ledger would have had without it. Each agreement is checked against the state before
/// it as it is applied; an entry that does not hold throws <see cref="DomainException"/> with the
/// reason, which is how a new agreement is validated before it is appended.
/// </summary>
public static class CoordinationLedger
{
    public static CoordinationState Fold(
        IReadOnlyList<CoordinatedCycle> cycles,
        IReadOnlyList<CoordinatedProject> projects,
        IReadOnlyList<CoordinationAgreement> agreements)
    {
        var revoked = agreements.Where(a => a.Kind == AgreementKind.Revoke).Select(a => a.RevokesAgreement!.Value).ToHashSet();
        var byNumber = projects.ToDictionary(p => p.Number);
        var standings = projects.ToDictionary(p => p.Number, p => new Standing(p.CreatedByAgreement is null, p.OriginCycleId));
        var inEffect = new List<CoordinationAgreement>();
        foreach (var agreement in agreements.OrderBy(a => a.Number))
        {
            if (agreement.Kind == AgreementKind.Revoke || revoked.Contains(agreement.Number))
            {
                continue;
            }

            Apply(agreement, cycles, byNumber, standings);
            inEffect.Add(agreement);
        }

        return new CoordinationState(
            cycles,
            projects.OrderBy(p => p.Number).Select(p => standings[p.Number].ToStanding(p)).ToList(),
            inEffect);
    }

    private static void Apply(
        CoordinationAgreement agreement,
        IReadOnlyList<CoordinatedCycle> cycles,
        Dictionary<int, CoordinatedProject> projects,
        Dictionary<int, Standing> standings)
    {
        var subjects = agreement.ProjectNumbers;
        if (subjects.Distinct().Count() != subjects.Count)
        {
            throw new DomainException(Messages.AgreementProjectTwice.Format());
        }

        foreach (var number in subjects)
        {
            if (!projects.TryGetValue(number, out var project))
            {
                throw new DomainException(Messages.CoordinationProjectUnknown.Format(number));
            }

            if (!standings[number].Active)
            {
                throw new DomainException(Messages.CoordinationProjectNotActive.Format(project.Title));
            }
        }

        switch (agreement.Kind)
        {
            case AgreementKind.Cofinancing:
                ApplyCofinancing(agreement, cycles, projects[subjects.Single()], standings[subjects.Single()]);
                break;
            case AgreementKind.Transfer:
                ApplyTransfer(agreement, cycles, standings[subjects.Single()]);
                break;
            case AgreementKind.Merge:
                ApplyMerge(agreement, cycles, projects, standings);
                break;
            case AgreementKind.RejectForReach:
                RequireReason(agreement);
                standings[subjects.Single()].End(agreement.Number);
                break;
            case AgreementKind.KeepSeparate:
                if (subjects.Count != 2)
                {
                    throw new DomainException(Messages.KeepSeparateNeedsTwo.Format());
                }

                if (OverlapDetection.Between(projects[subjects[0]], projects[subjects[1]]) == OverlapReason.None)
                {
                    throw new DomainException(Messages.KeepSeparateNotAnOverlap.Format(projects[subjects[0]].Title, projects[subjects[1]].Title));
                }

                break;
            default:
                throw new InvalidOperationException($"Agreement {agreement.Number} of kind {agreement.Kind} cannot be applied.");
        }
    }

    private static void ApplyCofinancing(CoordinationAgreement agreement, IReadOnlyList<CoordinatedCycle> cycles, CoordinatedProject project, Standing standing)
    {
        var shares = agreement.Shares;
        if (shares.Count < 2)
        {
            throw new DomainException(Messages.CofinancingNeedsTwoGovernments.Format());
        }

        if (shares.Select(s => s.CycleId).Distinct().Count() != shares.Count)
        {
            throw new DomainException(Messages.CofinancingGovernmentTwice.Format());
        }

        var owner = CycleOf(cycles, standing.Owner);
        foreach (var share in shares)
        {
            var payer = cycles.FirstOrDefault(c => c.CycleId == share.CycleId);
            if (payer is null || (payer.CycleId != owner.CycleId && !CoordinationScope.AreLinked(payer.JurisdictionUbigeo, owner.JurisdictionUbigeo)))
            {
                throw new DomainException(Messages.CofinancingOutsideHierarchy.Format(owner.GovernmentName));
            }

            if (!share.Amount.IsPositive)
            {
                throw new DomainException(Messages.CofinancingShareNotPositive.Format(payer.GovernmentName));
            }
        }

        var total = shares.Aggregate(Money.Zero, (sum, s) => sum + s.Amount);
        if (total != project.Cost)
        {
            throw new DomainException(Messages.CofinancingSharesDoNotAddUp.Format(total, project.Cost));
        }

        standing.Shares = shares.Select(s => new ProjectShare(s.CycleId, s.Amount)).ToList();
        standing.CofinancedBy = agreement.Number;
    }

    private static void ApplyTransfer(CoordinationAgreement agreement, IReadOnlyList<CoordinatedCycle> cycles, Standing standing)
    {
        var owner = CycleOf(cycles, standing.Owner);
        if (agreement.TargetCycleId == owner.CycleId)
        {
            throw new DomainException(Messages.TransferToSameList.Format(owner.GovernmentName));
        }

        var target = cycles.FirstOrDefault(c => c.CycleId == agreement.TargetCycleId);
        if (target is null || !CoordinationScope.AreLinked(target.JurisdictionUbigeo, owner.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.TransferOutsideHierarchy.Format(owner.GovernmentName));
        }

        // An agreed co-financing is a split among governments, whichever list carries the project: it stays.
        standing.Owner = target.CycleId;
        standing.TransferredBy = agreement.Number;
    }

    private static void ApplyMerge(
        CoordinationAgreement agreement,
        IReadOnlyList<CoordinatedCycle> cycles,
        Dictionary<int, CoordinatedProject> projects,
        Dictionary<int, Standing> standings)
    {
        var sources = agreement.ProjectNumbers;
        if (sources.Count < 2)
        {
            throw new DomainException(Messages.MergeNeedsTwo.Format());
        }

        var owner = cycles.FirstOrDefault(c => c.CycleId == agreement.TargetCycleId);
        if (owner is null || sources.Any(s =>
            {
                var sourceOwner = CycleOf(cycles, standings[s].Owner);
                return sourceOwner.CycleId != owner.CycleId && !CoordinationScope.AreLinked(sourceOwner.JurisdictionUbigeo, owner.JurisdictionUbigeo);
            }))
        {
            throw new DomainException(Messages.MergeOwnerOutsideHierarchy.Format());
        }

        if (agreement.Title is not { Length: > 0 and <= CoordinatedProject.MaxTitleLength })
        {
            throw new DomainException(Messages.MergeTitleInvalid.Format(CoordinatedProject.MaxTitleLength));
        }

        if (agreement.Cost is not { IsPositive: true })
        {
            throw new DomainException(Messages.MergeCostNotPositive.Format());
        }

        if (agreement.ResultProject is not { } result || !projects.TryGetValue(result, out var merged) || merged.CreatedByAgreement != agreement.Number)
        {
            throw new InvalidOperationException($"Merge {agreement.Number} has no project of its own.");
        }

        foreach (var source in sources)
        {
            standings[source].End(agreement.Number);
        }

        var standing = standings[result];
        standing.Active = true;
        standing.Owner = owner.CycleId;
    }

    private static void RequireReason(CoordinationAgreement agreement)
    {
        if (agreement.Reason.Length is 0 or > CoordinationAgreement.MaxReasonLength)
        {
            throw new DomainException(Messages.AgreementReasonRequired.Format(CoordinationAgreement.MaxReasonLength));
        }
    }

    private static CoordinatedCycle CycleOf(IReadOnlyList<CoordinatedCycle> cycles, int cycleId) =>
        cycles.FirstOrDefault(c => c.CycleId == cycleId) ?? throw new InvalidOperationException($"Cycle {cycleId} is not in the coordination space.");

    private sealed class Standing(bool active, int owner)
    {
        public bool Active { get; set; } = active;

        public int Owner { get; set; } = owner;

        public List<ProjectShare>? Shares { get; set; }

        public int? CofinancedBy { get; set; }

        public int? TransferredBy { get; set; }

        public int? EndedBy { get; private set; }

        public void End(int agreement)
        {
            Active = false;
            EndedBy = agreement;
        }

        public ProjectStanding ToStanding(CoordinatedProject project) => new(
            project,
            Active,
            Owner,
            !Active ? [] : Shares ?? [new ProjectShare(Owner, project.Cost)],
            CofinancedBy,
            TransferredBy,
            EndedBy);
    }
}
