using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Registration;

public enum OrganizationType
{
    NeighbourhoodAssociation = 0,
    WomensOrganization = 1,
    Youth = 2,
    IndigenousOrPeasantCommunity = 3,
    Producers = 4,
    ProfessionalAssociation = 5,
    Ngo = 6,
    Other = 7,
}

/// <summary>Where the organization is registered: SUNARP, the municipal registry, or SUNAT (RUC).</summary>
public enum RegistryKind
{
    Sunarp = 0,
    MunicipalRegistry = 1,
    Ruc = 2,
}

public enum OrganizationStatus
{
    /// <summary>Being filled in by its representative; not yet sent for review.</summary>
    Draft = 0,

    /// <summary>Sent; waiting for the cycle manager.</summary>
    Submitted = 1,

    /// <summary>The manager asked for a fix; the representative corrects and resubmits.</summary>
    Observed = 2,

    Accepted = 3,
    Rejected = 4,
}

public sealed record OrganizationDetails(
    string Name,
    OrganizationType Type,
    RegistryKind RegistryKind,
    string RegistryNumber,
    string DistrictUbigeo,
    string Address,
    string LegalRepresentative);

/// <summary>
/// A civil-society organization registered in one cycle by its representative, with its agents,
/// its supporting documents and every review decision taken on it.
/// </summary>
public sealed class Organization
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 300;
    public const int MaxPersonNameLength = 200;
    public const int MaxRegistryNumberLength = 40;
    public const int MaxNoteLength = 2000;

    private readonly List<Agent> _agents = [];
    private readonly List<OrganizationDocument> _documents = [];
    private readonly List<ReviewDecision> _decisions = [];

    private Organization()
    {
        RepresentativeUserId = "";
        Name = "";
        RegistryNumber = "";
        DistrictUbigeo = "";
        Address = "";
        LegalRepresentative = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public string RepresentativeUserId { get; private set; }

    public string Name { get; private set; }

    public OrganizationType Type { get; private set; }

    public RegistryKind RegistryKind { get; private set; }

    public string RegistryNumber { get; private set; }

    public string DistrictUbigeo { get; private set; }

    public string Address { get; private set; }

    public string LegalRepresentative { get; private set; }

    public OrganizationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public IReadOnlyList<Agent> Agents => _agents.OrderBy(a => a.Role).ThenBy(a => a.Id).ToList();

    public IReadOnlyList<OrganizationDocument> Documents => _documents.OrderBy(d => d.UploadedAt).ToList();

    public IReadOnlyList<ReviewDecision> Decisions => _decisions.OrderBy(d => d.At).ToList();

    public bool IsEditable => Status is OrganizationStatus.Draft or OrganizationStatus.Observed;

    /// <summary>Registers an organization during the cycle's registration window.</summary>
    public static Organization Register(Cycle cycle, string representativeUserId, OrganizationDetails details, DateOnly today, DateTimeOffset now)
    {
        EnsureRegistrationOpen(cycle, today);
        var organization = new Organization
        {
            CycleId = cycle.Id,
            RepresentativeUserId = representativeUserId,
            Status = OrganizationStatus.Draft,
            CreatedAt = now.ToUniversalTime(),
        };
        organization.Apply(details);
        return organization;
    }

    public void UpdateDetails(Cycle cycle, OrganizationDetails details, DateOnly today)
    {
        EnsureEditable(cycle, today);
        Apply(details);
    }

    /// <summary>
    /// Adds a titular or suplente. The DNI must be unique in the cycle across organizations: the
    /// caller says whether another organization holds it (a unique index is the last line).
    /// </summary>
    public Agent AddAgent(Cycle cycle, AgentDetails details, AgentRole role, bool dniTakenElsewhere, DateOnly today)
    {
        EnsureEditable(cycle, today);
        details = details with { Dni = PeruvianIds.Normalize(details.Dni) ?? "" };
        var problems = details.Problems(today).ToList();
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        if (dniTakenElsewhere || _agents.Any(a => a.Dni == details.Dni))
        {
            throw new DomainException(Messages.DniAlreadyRegistered.Format(details.Dni));
        }

        var allowed = role == AgentRole.Titular
            ? cycle.AccreditationRules.TitularsPerOrganization
            : cycle.AccreditationRules.SuplentesPerOrganization;
        if (_agents.Count(a => a.Role == role) >= allowed)
        {
            throw new DomainException(role == AgentRole.Titular
                ? Messages.TooManyTitulars.Format(allowed)
                : Messages.TooManySuplentes.Format(allowed));
        }

        var agent = new Agent(cycle.Id, role, details);
        _agents.Add(agent);
        return agent;
    }

    public void RemoveAgent(Cycle cycle, int agentId, DateOnly today)
    {
        EnsureEditable(cycle, today);
        var agent = _agents.SingleOrDefault(a => a.Id == agentId) ?? throw new DomainException(Messages.AgentNotFound.Format());
        _agents.Remove(agent);
    }

    public OrganizationDocument AddDocument(Cycle cycle, string fileName, string storageKey, string contentType, long sizeBytes, string sha256, DateOnly today, DateTimeOffset now)
    {
        EnsureEditable(cycle, today);
        if (_documents.Count >= OrganizationDocument.MaxPerOrganization)
        {
            throw new DomainException(Messages.TooManyDocuments.Format(OrganizationDocument.MaxPerOrganization));
        }

        var document = new OrganizationDocument(fileName, storageKey, contentType, sizeBytes, sha256, now);
        _documents.Add(document);
        return document;
    }

    /// <summary>Removes a document's record; the caller deletes the stored file once this is saved.</summary>
    public OrganizationDocument RemoveDocument(Cycle cycle, int documentId, DateOnly today)
    {
        EnsureEditable(cycle, today);
        var document = _documents.SingleOrDefault(d => d.Id == documentId) ?? throw new DomainException(Messages.DocumentNotFound.Format());
        _documents.Remove(document);
        return document;
    }

    /// <summary>Sends the registration (or its correction) for review.</summary>
    public void Submit(Cycle cycle, DateOnly today, DateTimeOffset now)
    {
        EnsureEditable(cycle, today);
        var problems = new List<string>();
        if (_agents.All(a => a.Role != AgentRole.Titular))
        {
            problems.Add(Messages.NeedsTitular.Format());
        }

        if (_documents.Count == 0)
        {
            problems.Add(Messages.NeedsDocument.Format());
        }

        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        Status = OrganizationStatus.Submitted;
        SubmittedAt = now.ToUniversalTime();
    }

    public void Accept(Cycle cycle, Actor reviewer, DateTimeOffset now) => Decide(cycle, reviewer, ReviewOutcome.Accepted, "", now);

    public void Observe(Cycle cycle, Actor reviewer, string whatToFix, DateTimeOffset now) => Decide(cycle, reviewer, ReviewOutcome.Observed, whatToFix, now);

    public void Reject(Cycle cycle, Actor reviewer, string reason, DateTimeOffset now) => Decide(cycle, reviewer, ReviewOutcome.Rejected, reason, now);

    private void Decide(Cycle cycle, Actor reviewer, ReviewOutcome outcome, string note, DateTimeOffset now)
    {
        EnsureSameCycle(cycle);
        if (!reviewer.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Phase != Phase.Preparation)
        {
            throw new DomainException(Messages.NotInPreparation.Format());
        }

        if (Status != OrganizationStatus.Submitted)
        {
            throw new DomainException(Messages.NotAwaitingReview.Format());
        }

        var trimmed = note.Trim();
        if (outcome != ReviewOutcome.Accepted && trimmed.Length == 0)
        {
            throw new DomainException(outcome == ReviewOutcome.Observed ? Messages.ObservationNeedsText.Format() : Messages.RejectionNeedsReason.Format());
        }

        if (trimmed.Length > MaxNoteLength)
        {
            throw new DomainException(Messages.NoteTooLong.Format(MaxNoteLength));
        }

        _decisions.Add(new ReviewDecision(outcome, trimmed, reviewer, now));
        Status = outcome switch
        {
            ReviewOutcome.Accepted => OrganizationStatus.Accepted,
            ReviewOutcome.Observed => OrganizationStatus.Observed,
            _ => OrganizationStatus.Rejected,
        };
        if (outcome == ReviewOutcome.Accepted)
        {
            foreach (var agent in _agents)
            {
                agent.Accredit(cycle.AccreditationRules.TrainingRequiredToVote);
            }
        }
    }

    private void Apply(OrganizationDetails details)
    {
        var problems = DetailProblems(details).ToList();
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        Name = details.Name.Trim();
        Type = details.Type;
        RegistryKind = details.RegistryKind;
        RegistryNumber = PeruvianIds.Normalize(details.RegistryNumber) ?? "";
        DistrictUbigeo = details.DistrictUbigeo.Trim();
        Address = details.Address.Trim();
        LegalRepresentative = details.LegalRepresentative.Trim();
    }

    private static IEnumerable<string> DetailProblems(OrganizationDetails details)
    {
        if (details.RegistryKind == RegistryKind.Ruc && !PeruvianIds.IsValidRuc(PeruvianIds.Normalize(details.RegistryNumber) ?? ""))
        {
            yield return Messages.RucInvalid.Format();
        }

        if (details.DistrictUbigeo.Trim().Length != 6 || !details.DistrictUbigeo.Trim().All(char.IsAsciiDigit))
        {
            yield return Messages.DistrictUbigeoInvalid.Format();
        }
    }

    // The rules checked (manager, phase, window) are the given cycle's: it must be this organization's.
    private void EnsureSameCycle(Cycle cycle)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }
    }

    private void EnsureEditable(Cycle cycle, DateOnly today)
    {
        EnsureSameCycle(cycle);
        if (!IsEditable)
        {
            throw new DomainException(Messages.OrganizationNotEditable.Format());
        }

        // A new registration needs the registration window; correcting an observation may come
        // after it closes (the review often does), as long as the cycle is still in Preparation.
        if (Status == OrganizationStatus.Draft)
        {
            EnsureRegistrationOpen(cycle, today);
        }
        else if (cycle.Phase != Phase.Preparation)
        {
            throw new DomainException(Messages.NotInPreparation.Format());
        }
    }

    /// <summary>Registration happens in Preparation, within the calendar's registration dates.</summary>
    public static void EnsureRegistrationOpen(Cycle cycle, DateOnly today)
    {
        if (cycle.Phase != Phase.Preparation)
        {
            throw new DomainException(Messages.NotInPreparation.Format());
        }

        var window = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Registration);
        if (window is null)
        {
            throw new DomainException(Messages.RegistrationNotScheduled.Format());
        }

        if (today < window.Start || today > window.End)
        {
            throw new DomainException(Messages.RegistrationClosed.Format(window.Start.ToString("d", System.Globalization.CultureInfo.CurrentCulture), window.End.ToString("d", System.Globalization.CultureInfo.CurrentCulture)));
        }
    }
}
