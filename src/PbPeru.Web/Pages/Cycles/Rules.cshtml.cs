using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>Accreditation rules (frozen from Preparation), proposal rules (frozen from Concertation) and voting rules (frozen from Formalization).</summary>
public sealed class RulesModel(
    AppDbContext db,
    CurrentActor currentActor,
    IValidator<RulesModel.AccreditationInput> accreditationValidator,
    IValidator<RulesModel.VotingInput> votingValidator) : CyclePageModel(db, currentActor)
{
    public sealed class AccreditationInput
    {
        public int? TitularsPerOrganization { get; set; }

        public int? SuplentesPerOrganization { get; set; }

        public bool TrainingRequiredToVote { get; set; }

        public int? MinimumAccreditedAgents { get; set; }

        public bool WomenQuotaEnabled { get; set; }

        public int? WomenMinimumSharePercent { get; set; }

        public bool WomenQuotaIsHard { get; set; }
    }

    public sealed class AccreditationInputValidator : AbstractValidator<AccreditationInput>
    {
        public AccreditationInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.TitularsPerOrganization).NotNull().WithMessage(_ => t["Indique cuántos titulares acredita cada organización."]);
            RuleFor(x => x.SuplentesPerOrganization).NotNull().WithMessage(_ => t["Indique cuántos suplentes acredita cada organización."]);
            RuleFor(x => x.MinimumAccreditedAgents).NotNull().WithMessage(_ => t["Indique el mínimo de agentes acreditados."]);
            RuleFor(x => x.WomenMinimumSharePercent).NotNull().When(x => x.WomenQuotaEnabled)
                .WithMessage(_ => t["Indique el porcentaje mínimo de mujeres entre los titulares."]);
        }
    }

    public sealed class VotingInput
    {
        public BallotType BallotType { get; set; }

        public int? MaxApprovals { get; set; }

        public int? TotalPoints { get; set; }

        public int? MaxPointsPerProject { get; set; }

        public int? RankingLength { get; set; }

        public CountingRule CountingRule { get; set; }

        public int? SupportThreshold { get; set; }

        public bool RunningCountsVisible { get; set; }
    }

    public sealed class VotingInputValidator : AbstractValidator<VotingInput>
    {
        public VotingInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.BallotType).IsInEnum().WithMessage(_ => t["Elija un tipo de cédula."]);
            RuleFor(x => x.CountingRule).IsInEnum().WithMessage(_ => t["Elija una regla de conteo."]);
        }
    }

    /// <summary>The proposal rules besides the cost bounds (those are on the settings page).</summary>
    public sealed class ProposalInput
    {
        public int? MinimumBeneficiaries { get; set; }

        public ThemeVoteMethod ThemeVoting { get; set; }

        public int? ThemePointsPerAgent { get; set; }

        public ThemePriorityUse ThemePriorityUse { get; set; }

        public int? ThemeBonusPercent { get; set; }

        public int? DisagreementLevels { get; set; }

        public int? ObservationAnswerDays { get; set; }
    }

    /// <summary>The reach a project must have in Coordination (minimum amount in soles as typed).</summary>
    public sealed class ImpactInput
    {
        public string? MinimumAmount { get; set; }

        public int? MinimumReachPercent { get; set; }

        public bool LevelRule { get; set; }
    }

    [BindProperty]
    public AccreditationInput Accreditation { get; set; } = new();

    [BindProperty]
    public ImpactInput Impact { get; set; } = new();

    [BindProperty]
    public ProposalInput Proposals { get; set; } = new();

    [BindProperty]
    public VotingInput Voting { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        FillFromCycle();
        return Page();
    }

    public async Task<IActionResult> OnPostAccreditationAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        ModelState.ClearValidationState(nameof(Voting));
        Voting = VotingFrom(Cycle.VotingRules);
        ModelState.ClearValidationState(nameof(Proposals));
        Proposals = ProposalsFrom(Cycle.ProposalRules);
        ModelState.ClearValidationState(nameof(Impact));
        Impact = ImpactFrom(Cycle.ImpactRules);
        if (!ModelState.AddValidation(await accreditationValidator.ValidateAsync(Accreditation, cancellationToken), nameof(Accreditation)))
        {
            return Page();
        }

        var a = Accreditation;
        var rules = new AccreditationRules(
            a.TitularsPerOrganization!.Value,
            a.SuplentesPerOrganization!.Value,
            a.TrainingRequiredToVote,
            a.MinimumAccreditedAgents!.Value,
            a.WomenQuotaEnabled ? a.WomenMinimumSharePercent : null,
            a.WomenQuotaEnabled && a.WomenQuotaIsHard);
        return await TrySaveAsync(() => Cycle.SetAccreditationRules(rules, Actor), cancellationToken)
            ? RedirectToDashboard(Localizer["Reglas de acreditación guardadas."])
            : Page();
    }

    public async Task<IActionResult> OnPostVotingAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        ModelState.ClearValidationState(nameof(Accreditation));
        Accreditation = AccreditationFrom(Cycle.AccreditationRules);
        ModelState.ClearValidationState(nameof(Proposals));
        Proposals = ProposalsFrom(Cycle.ProposalRules);
        ModelState.ClearValidationState(nameof(Impact));
        Impact = ImpactFrom(Cycle.ImpactRules);
        if (!ModelState.AddValidation(await votingValidator.ValidateAsync(Voting, cancellationToken), nameof(Voting)))
        {
            return Page();
        }

        // Only the parameters of the chosen ballot are kept, so a stale hidden value means nothing.
        var v = Voting;
        var rules = new VotingRules(
            v.BallotType,
            v.BallotType == BallotType.Approval ? v.MaxApprovals : null,
            v.BallotType == BallotType.Cumulative ? v.TotalPoints : null,
            v.BallotType == BallotType.Cumulative ? v.MaxPointsPerProject : null,
            v.BallotType == BallotType.Ranking ? v.RankingLength : null,
            v.CountingRule,
            v.CountingRule == CountingRule.GreedyThreshold ? v.SupportThreshold : null,
            v.RunningCountsVisible);
        return await TrySaveAsync(() => Cycle.SetVotingRules(rules, Actor), cancellationToken)
            ? RedirectToDashboard(Localizer["Reglas de votación guardadas."])
            : Page();
    }

    public async Task<IActionResult> OnPostProposalsAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        ModelState.ClearValidationState(nameof(Accreditation));
        ModelState.ClearValidationState(nameof(Voting));
        Accreditation = AccreditationFrom(Cycle.AccreditationRules);
        Voting = VotingFrom(Cycle.VotingRules);
        ModelState.ClearValidationState(nameof(Impact));
        Impact = ImpactFrom(Cycle.ImpactRules);
        var p = Proposals;
        var missing = new (int? Value, string Field)[]
        {
            (p.MinimumBeneficiaries, nameof(p.MinimumBeneficiaries)),
            (p.ThemePointsPerAgent, nameof(p.ThemePointsPerAgent)),
            (p.ThemeBonusPercent, nameof(p.ThemeBonusPercent)),
            (p.DisagreementLevels, nameof(p.DisagreementLevels)),
            (p.ObservationAnswerDays, nameof(p.ObservationAnswerDays)),
        };
        foreach (var (_, field) in missing.Where(m => m.Value is null))
        {
            ModelState.AddModelError($"{nameof(Proposals)}.{field}", Localizer["Escriba un número entero."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rules = Cycle.ProposalRules with
        {
            MinimumBeneficiaries = p.MinimumBeneficiaries!.Value,
            ThemeVoting = p.ThemeVoting,
            ThemePointsPerAgent = p.ThemePointsPerAgent!.Value,
            ThemePriorityUse = p.ThemePriorityUse,
            ThemeBonusPercent = p.ThemeBonusPercent!.Value,
            DisagreementLevels = p.DisagreementLevels!.Value,
            ObservationAnswerDays = p.ObservationAnswerDays!.Value,
        };
        return await TrySaveAsync(() => Cycle.SetProposalRules(rules, Actor), cancellationToken)
            ? RedirectToDashboard(Localizer["Reglas de propuestas guardadas."])
            : Page();
    }

    public async Task<IActionResult> OnPostImpactAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        ModelState.ClearValidationState(nameof(Accreditation));
        ModelState.ClearValidationState(nameof(Voting));
        ModelState.ClearValidationState(nameof(Proposals));
        Accreditation = AccreditationFrom(Cycle.AccreditationRules);
        Voting = VotingFrom(Cycle.VotingRules);
        Proposals = ProposalsFrom(Cycle.ProposalRules);
        if (!Amount.TryParse(Impact.MinimumAmount, out var minimum))
        {
            ModelState.AddModelError($"{nameof(Impact)}.{nameof(ImpactInput.MinimumAmount)}", Localizer["Escriba un monto en soles, por ejemplo 500,000.00."]);
        }

        if (Impact.MinimumReachPercent is null)
        {
            ModelState.AddModelError($"{nameof(Impact)}.{nameof(ImpactInput.MinimumReachPercent)}", Localizer["Escriba un número entero."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rules = new ImpactRules(minimum, Impact.MinimumReachPercent!.Value, Impact.LevelRule);
        return await TrySaveAsync(() => Cycle.SetImpactRules(rules, Actor), cancellationToken)
            ? RedirectToDashboard(Localizer["Reglas de alcance guardadas."])
            : Page();
    }

    private void FillFromCycle()
    {
        Accreditation = AccreditationFrom(Cycle.AccreditationRules);
        Voting = VotingFrom(Cycle.VotingRules);
        Proposals = ProposalsFrom(Cycle.ProposalRules);
        Impact = ImpactFrom(Cycle.ImpactRules);
    }

    private static ImpactInput ImpactFrom(ImpactRules r) => new()
    {
        MinimumAmount = Amount.ForInput(r.MinimumAmount),
        MinimumReachPercent = r.MinimumReachPercent,
        LevelRule = r.LevelRule,
    };

    private static ProposalInput ProposalsFrom(ProposalRules r) => new()
    {
        MinimumBeneficiaries = r.MinimumBeneficiaries,
        ThemeVoting = r.ThemeVoting,
        ThemePointsPerAgent = r.ThemePointsPerAgent,
        ThemePriorityUse = r.ThemePriorityUse,
        ThemeBonusPercent = r.ThemeBonusPercent,
        DisagreementLevels = r.DisagreementLevels,
        ObservationAnswerDays = r.ObservationAnswerDays,
    };

    private static AccreditationInput AccreditationFrom(AccreditationRules r) => new()
    {
        TitularsPerOrganization = r.TitularsPerOrganization,
        SuplentesPerOrganization = r.SuplentesPerOrganization,
        TrainingRequiredToVote = r.TrainingRequiredToVote,
        MinimumAccreditedAgents = r.MinimumAccreditedAgents,
        WomenQuotaEnabled = r.WomenMinimumSharePercent is not null,
        WomenMinimumSharePercent = r.WomenMinimumSharePercent,
        WomenQuotaIsHard = r.WomenQuotaIsHard,
    };

    private static VotingInput VotingFrom(VotingRules r) => new()
    {
        BallotType = r.BallotType,
        MaxApprovals = r.MaxApprovals,
        TotalPoints = r.TotalPoints,
        MaxPointsPerProject = r.MaxPointsPerProject,
        RankingLength = r.RankingLength,
        CountingRule = r.CountingRule,
        SupportThreshold = r.SupportThreshold,
        RunningCountsVisible = r.RunningCountsVisible,
    };
}
