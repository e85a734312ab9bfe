using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Concertation;

public enum ProposalStatus
{
    /// <summary>Being written by its proposer; not public, not evaluated.</summary>
    Draft = 0,

    /// <summary>Sent for the technical evaluation; public in the catalogue.</summary>
    Submitted = 1,

    /// <summary>Taken back by its proposer; out of the evaluation. Final.</summary>
    Withdrawn = 2,
}

/// <summary>
/// A project proposal (ficha de proyecto) of an organization in one cycle. Written, revised,
/// submitted and withdrawn only in Concertation, on the days of the calendar's proposal submission
/// step; a submitted proposal the technical team observed may still be revised after those days, to
/// answer the observation.
/// </summary>
/// <remarks>
/// Who may act on it is the web's resource check, with <see cref="IsEditableBy"/>: its proposer or
/// its organization's representative. Each rule on the fields is checked on every draft and
/// revision (nothing invalid is ever stored) and again on submission.
/// </remarks>
public sealed class Proposal
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int CuiLength = 7;
    public const int MaxDistricts = 50;
    public const int MaxCofinancingLines = 10;
    public const int MaxYears = 10;

    private readonly List<ProposalDistrict> _districts = [];
    private readonly List<CofinancingLine> _cofinancing = [];
    private readonly List<YearShare> _years = [];
    private readonly List<ProposalDocument> _documents = [];

    private Proposal()
    {
        Title = "";
        Description = "";
        ProposerUserId = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public int ThemeId { get; private set; }

    /// <summary>The whole project's cost, co-financing included. The cycle's cost bounds apply to it.</summary>
    public Money EstimatedCost { get; private set; }

    /// <summary>What the proposal asks from the participatory budget: the estimated cost less co-financing.</summary>
    public Money RequestedAmount { get; private set; }

    /// <summary>Population benefited.</summary>
    public int Beneficiaries { get; private set; }

    /// <summary>The Invierte.pe investment code (7 digits), when the project has one.</summary>
    public string? Cui { get; private set; }

    /// <summary>The account that drafted it.</summary>
    public string ProposerUserId { get; private set; }

    /// <summary>The accredited agent who drafted it; none when its organization's representative did.</summary>
    public int? AgentId { get; private set; }

    public int OrganizationId { get; private set; }

    public ProposalStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The districts it benefits, in code order (a navigation, so queries can filter on it).</summary>
    public IReadOnlyList<ProposalDistrict> Districts => _districts.OrderBy(d => d.Ubigeo, StringComparer.Ordinal).ToList();

    /// <summary>The districts' ubigeos, in code order.</summary>
    public IReadOnlyList<string> DistrictUbigeos => Districts.Select(d => d.Ubigeo).ToList();

    public IReadOnlyList<CofinancingLine> Cofinancing => _cofinancing.OrderBy(c => c.Position).ToList();

    public IReadOnlyList<YearShare> Years => _years.OrderBy(y => y.FiscalYear).ToList();

    public IReadOnlyList<ProposalDocument> Documents => _documents.OrderBy(d => d.UploadedAt).ToList();

    public Money CofinancingTotal => Sum(_cofinancing.Select(c => c.Amount));

    /// <summary>Whether <paramref name="userId"/> may act on it: its proposer, or the representative of its organization.</summary>
    public bool IsEditableBy(string userId, string representativeUserIdOfItsOrganization) =>
        userId == ProposerUserId || userId == representativeUserIdOfItsOrganization;

    /// <summary>
    /// Starts a proposal as a draft. <paramref name="populations"/> gives the population of (at least)
    /// the chosen districts, by ubigeo: the population benefited cannot exceed their sum.
    /// </summary>
    public static Proposal Draft(Cycle cycle, Proposer proposer, ProposalDetails details, IReadOnlyDictionary<string, long> populations, DateOnly today, DateTimeOffset now)
    {
        ConcertationWindow.Ensure(cycle, CalendarStep.ProposalSubmission, today);
        var proposal = new Proposal
        {
            CycleId = cycle.Id,
            ProposerUserId = proposer.UserId,
            AgentId = proposer.AgentId,
            OrganizationId = proposer.OrganizationId,
            Status = ProposalStatus.Draft,
            CreatedAt = now.ToUniversalTime(),
            UpdatedAt = now.ToUniversalTime(),
        };
        proposal.Apply(cycle, details, populations);
        return proposal;
    }

    /// <summary>
    /// Replaces the editable fields. A draft or submitted proposal may be revised on the days of the
    /// submission step; with <paramref name="answeringObservation"/> (the caller has checked that the
    /// technical team's observation on it is open) a submitted one may be revised after them, while
    /// the cycle is still in Concertation.
    /// </summary>
    public void Revise(Cycle cycle, ProposalDetails details, IReadOnlyDictionary<string, long> populations, DateOnly today, DateTimeOffset now, bool answeringObservation = false)
    {
        EnsureEditable(cycle, today, answeringObservation);
        Apply(cycle, details, populations);
        UpdatedAt = now.ToUniversalTime();
    }

    public ProposalDocument AddDocument(Cycle cycle, string fileName, string storageKey, string contentType, long sizeBytes, string sha256, DateOnly today, DateTimeOffset now, bool answeringObservation = false)
    {
        EnsureEditable(cycle, today, answeringObservation);
        if (_documents.Count >= ProposalDocument.MaxPerProposal)
        {
            throw new DomainException(Messages.TooManyProposalDocuments.Format(ProposalDocument.MaxPerProposal));
        }

        var document = new ProposalDocument(fileName, storageKey, contentType, sizeBytes, sha256, now);
        _documents.Add(document);
        UpdatedAt = now.ToUniversalTime();
        return document;
    }

    /// <summary>Removes a document's record; the caller deletes the stored file once this is saved.</summary>
    public ProposalDocument RemoveDocument(Cycle cycle, int documentId, DateOnly today, DateTimeOffset now, bool answeringObservation = false)
    {
        EnsureEditable(cycle, today, answeringObservation);
        var document = _documents.SingleOrDefault(d => d.Id == documentId) ?? throw new DomainException(Messages.ProposalDocumentNotFound.Format());
        _documents.Remove(document);
        UpdatedAt = now.ToUniversalTime();
        return document;
    }

    /// <summary>Sends the draft for the technical evaluation, checking the cycle's rules once more.</summary>
    public void Submit(Cycle cycle, DateOnly today, DateTimeOffset now)
    {
        EnsureSameCycle(cycle);
        switch (Status)
        {
            case ProposalStatus.Submitted:
                throw new DomainException(Messages.ProposalAlreadySubmitted.Format());
            case ProposalStatus.Withdrawn:
                throw new DomainException(Messages.ProposalWithdrawn.Format());
        }

        ConcertationWindow.Ensure(cycle, CalendarStep.ProposalSubmission, today);
        ThrowIfAny(RuleProblems(cycle, ThemeId, DistrictUbigeos, EstimatedCost, Beneficiaries));
        Status = ProposalStatus.Submitted;
        SubmittedAt = now.ToUniversalTime();
    }

    /// <summary>Takes the proposal (draft or submitted) out for good, on the days of the submission step.</summary>
    public void Withdraw(Cycle cycle, DateOnly today, DateTimeOffset now)
    {
        EnsureSameCycle(cycle);
        if (Status == ProposalStatus.Withdrawn)
        {
            throw new DomainException(Messages.ProposalWithdrawn.Format());
        }

        ConcertationWindow.Ensure(cycle, CalendarStep.ProposalSubmission, today);
        Status = ProposalStatus.Withdrawn;
        WithdrawnAt = now.ToUniversalTime();
    }

    /// <summary>Every problem with <paramref name="details"/> in <paramref name="cycle"/>; empty when it may be stored.</summary>
    public static IReadOnlyList<string> Problems(Cycle cycle, ProposalDetails details, IReadOnlyDictionary<string, long> populations)
    {
        var problems = new List<string>();
        var title = details.Title.Trim();
        if (title.Length == 0 || title.Length > MaxTitleLength)
        {
            problems.Add(Messages.ProposalTitleInvalid.Format(MaxTitleLength));
        }

        var description = details.Description.Trim();
        if (description.Length == 0 || description.Length > MaxDescriptionLength)
        {
            problems.Add(Messages.ProposalDescriptionInvalid.Format(MaxDescriptionLength));
        }

        var districts = NormalizeDistricts(details.Districts);
        problems.AddRange(RuleProblems(cycle, details.ThemeId, districts, details.EstimatedCost, details.Beneficiaries));

        var known = districts.Where(populations.ContainsKey).ToList();
        foreach (var unknown in districts.Where(d => IsInJurisdiction(cycle, d) && !populations.ContainsKey(d)))
        {
            problems.Add(Messages.ProposalDistrictUnknown.Format(unknown));
        }

        var population = known.Sum(d => populations[d]);
        if (known.Count == districts.Count && districts.Count > 0 && details.Beneficiaries > population)
        {
            problems.Add(Messages.BeneficiariesAbovePopulation.Format(details.Beneficiaries, population));
        }

        var cui = NormalizeCui(details.Cui);
        if (cui is not null && (cui.Length != CuiLength || !cui.All(char.IsAsciiDigit)))
        {
            problems.Add(Messages.CuiInvalid.Format(CuiLength));
        }

        problems.AddRange(CofinancingProblems(details.Cofinancing, details.EstimatedCost));
        problems.AddRange(YearProblems(cycle, details.Years, details.EstimatedCost));
        return problems;
    }

    // The rules of the cycle (theme, jurisdiction, cost bounds, reach): checked on every change and
    // again on submission.
    private static IEnumerable<string> RuleProblems(Cycle cycle, int themeId, IReadOnlyList<string> districts, Money estimatedCost, int beneficiaries)
    {
        var rules = cycle.ProposalRules;
        if (cycle.Themes.All(t => t.Id != themeId))
        {
            yield return Messages.ProposalThemeUnknown.Format();
        }

        if (districts.Count == 0)
        {
            yield return Messages.ProposalNoDistricts.Format();
        }
        else if (districts.Count > MaxDistricts)
        {
            yield return Messages.ProposalTooManyDistricts.Format(MaxDistricts);
        }

        foreach (var outside in districts.Where(d => !IsInJurisdiction(cycle, d)))
        {
            yield return Messages.ProposalDistrictOutsideJurisdiction.Format(outside);
        }

        if (!estimatedCost.IsPositive)
        {
            yield return Messages.ProposalCostNotPositive.Format();
        }
        else if (estimatedCost < rules.MinimumCost)
        {
            yield return Messages.ProposalCostBelowMinimum.Format(rules.MinimumCost);
        }
        else if (rules.MaximumCost is { } maximum && estimatedCost > maximum)
        {
            yield return Messages.ProposalCostAboveMaximum.Format(maximum);
        }

        if (beneficiaries < 1)
        {
            yield return Messages.BeneficiariesNotPositive.Format();
        }
        else if (beneficiaries < rules.MinimumBeneficiaries)
        {
            yield return Messages.BeneficiariesBelowMinimum.Format(rules.MinimumBeneficiaries);
        }
    }

    private static IEnumerable<string> CofinancingProblems(IReadOnlyList<CofinancingInput> lines, Money estimatedCost)
    {
        if (lines.Count > MaxCofinancingLines)
        {
            yield return Messages.TooManyCofinancingLines.Format(MaxCofinancingLines);
        }

        foreach (var line in lines)
        {
            var entity = line.Entity.Trim();
            if (entity.Length == 0 || entity.Length > CofinancingLine.MaxEntityLength)
            {
                yield return Messages.CofinancingEntityInvalid.Format(CofinancingLine.MaxEntityLength);
            }

            if (!line.Amount.IsPositive)
            {
                yield return Messages.CofinancingAmountNotPositive.Format(entity);
            }
        }

        var total = Sum(lines.Select(l => l.Amount));
        if (lines.Count > 0 && estimatedCost.IsPositive && total >= estimatedCost)
        {
            yield return Messages.CofinancingNotBelowCost.Format(total, estimatedCost);
        }
    }

    private static IEnumerable<string> YearProblems(Cycle cycle, IReadOnlyList<YearShareInput> years, Money estimatedCost)
    {
        if (years.Count == 0)
        {
            yield break;
        }

        if (years.Count > MaxYears)
        {
            yield return Messages.TooManyYears.Format(MaxYears);
        }

        foreach (var year in years.Where(y => y.FiscalYear < cycle.FiscalYear || y.FiscalYear > Cycle.MaxFiscalYear))
        {
            yield return Messages.YearOutOfRange.Format(year.FiscalYear, cycle.FiscalYear, Cycle.MaxFiscalYear);
        }

        foreach (var repeated in years.GroupBy(y => y.FiscalYear).Where(g => g.Count() > 1))
        {
            yield return Messages.YearRepeated.Format(repeated.Key);
        }

        foreach (var year in years.Where(y => !y.Amount.IsPositive))
        {
            yield return Messages.YearAmountNotPositive.Format(year.FiscalYear);
        }

        var total = Sum(years.Select(y => y.Amount));
        if (total != estimatedCost)
        {
            yield return Messages.YearsNotSummingToCost.Format(total, estimatedCost);
        }
    }

    private void Apply(Cycle cycle, ProposalDetails details, IReadOnlyDictionary<string, long> populations)
    {
        ThrowIfAny(Problems(cycle, details, populations));

        Title = details.Title.Trim();
        Description = details.Description.Trim();
        ThemeId = details.ThemeId;
        EstimatedCost = details.EstimatedCost;
        Beneficiaries = details.Beneficiaries;
        Cui = NormalizeCui(details.Cui);

        var districts = NormalizeDistricts(details.Districts);
        _districts.RemoveAll(d => !districts.Contains(d.Ubigeo));
        _districts.AddRange(districts.Where(d => _districts.All(x => x.Ubigeo != d)).Select(d => new ProposalDistrict(d)));

        _cofinancing.Clear();
        _cofinancing.AddRange(details.Cofinancing.Select((c, i) => new CofinancingLine(i + 1, c.Entity.Trim(), c.Amount)));
        _years.Clear();
        _years.AddRange(details.Years.Select(y => new YearShare(y.FiscalYear, y.Amount)));
        RequestedAmount = EstimatedCost - CofinancingTotal;
    }

    private void EnsureEditable(Cycle cycle, DateOnly today, bool answeringObservation)
    {
        EnsureSameCycle(cycle);
        if (Status == ProposalStatus.Withdrawn)
        {
            throw new DomainException(Messages.ProposalWithdrawn.Format());
        }

        if (!answeringObservation)
        {
            ConcertationWindow.Ensure(cycle, CalendarStep.ProposalSubmission, today);
            return;
        }

        // The technical team observes submitted proposals, mostly after the submission days: the
        // answer may come then, as long as the evaluation (Concertation) goes on.
        if (Status != ProposalStatus.Submitted)
        {
            throw new DomainException(Messages.ProposalNotSubmitted.Format());
        }

        ConcertationWindow.EnsureInConcertation(cycle);
    }

    // The rules checked are the given cycle's: it must be this proposal's.
    private void EnsureSameCycle(Cycle cycle)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }
    }

    /// <summary>
    /// A district inside the cycle's jurisdiction: a 6-digit ubigeo that starts with the
    /// jurisdiction's (for a district jurisdiction, the district itself).
    /// </summary>
    public static bool IsInJurisdiction(Cycle cycle, string ubigeo) =>
        ubigeo.Length == 6 && ubigeo.All(char.IsAsciiDigit) && ubigeo.StartsWith(cycle.JurisdictionUbigeo, StringComparison.Ordinal);

    private static List<string> NormalizeDistricts(IReadOnlyList<string> districts) =>
        districts.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string? NormalizeCui(string? cui) => string.IsNullOrWhiteSpace(cui) ? null : cui.Trim();

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (total, amount) => total + amount);

    private static void ThrowIfAny(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new DomainException(list);
        }
    }
}
