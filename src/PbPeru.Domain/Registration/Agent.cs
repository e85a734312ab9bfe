using PbPeru.Domain.Common;

namespace PbPeru.Domain.Registration;

public enum AgentRole
{
    Titular = 0,
    Suplente = 1,
}

public enum Sex
{
    Female = 0,
    Male = 1,
}

/// <summary>Age bands for participation statistics, from the birth date.</summary>
public enum AgeBand
{
    Under18 = 0,
    From18To29 = 1,
    From30To44 = 2,
    From45To59 = 3,
    From60 = 4,
}

public sealed record AgentDetails(
    string Dni,
    string GivenNames,
    string Surnames,
    Sex Sex,
    DateOnly BirthDate,
    string? Phone,
    string? Email)
{
    public const int MinimumAge = 18;

    internal IEnumerable<string> Problems(DateOnly today)
    {
        if (!PeruvianIds.IsValidDni(Dni))
        {
            yield return Messages.DniInvalid.Format();
        }

        if (string.IsNullOrWhiteSpace(GivenNames) || string.IsNullOrWhiteSpace(Surnames))
        {
            yield return Messages.AgentNamesRequired.Format();
        }

        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email))
        {
            yield return Messages.AgentContactRequired.Format();
        }

        if (Agent.AgeOn(BirthDate, today) < MinimumAge)
        {
            yield return Messages.AgentTooYoung.Format(MinimumAge);
        }
    }
}

/// <summary>
/// A participatory agent: a titular or suplente delegate of an organization. Accredited when its
/// organization is accepted, unless a challenge against it is upheld.
/// </summary>
public sealed class Agent
{
    private Agent()
    {
        Dni = "";
        GivenNames = "";
        Surnames = "";
    }

    internal Agent(int cycleId, AgentRole role, AgentDetails details)
    {
        CycleId = cycleId;
        Role = role;
        Dni = details.Dni.Trim();
        GivenNames = details.GivenNames.Trim();
        Surnames = details.Surnames.Trim();
        Sex = details.Sex;
        BirthDate = details.BirthDate;
        Phone = string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone.Trim();
        Email = string.IsNullOrWhiteSpace(details.Email) ? null : details.Email.Trim();
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    /// <summary>Held here too so the database can keep a DNI unique within the cycle.</summary>
    public int CycleId { get; private set; }

    public AgentRole Role { get; private set; }

    /// <summary>Never shown on a public page.</summary>
    public string Dni { get; private set; }

    public string GivenNames { get; private set; }

    public string Surnames { get; private set; }

    public string FullName => $"{GivenNames} {Surnames}";

    public Sex Sex { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public bool IsAccredited { get; private set; }

    /// <summary>The cycle's "training required to vote" rule, kept with the agent when accredited for the final vote to use.</summary>
    public bool MustAttendTrainingToVote { get; private set; }

    /// <summary>The upheld challenge that took the agent off the list, if any.</summary>
    public int? ExcludedByChallengeId { get; private set; }

    /// <summary>The person's account, once the agent has accepted its invitation.</summary>
    public string? UserId { get; private set; }

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }

    public static AgeBand BandOf(DateOnly birthDate, DateOnly day) => AgeOn(birthDate, day) switch
    {
        < 18 => AgeBand.Under18,
        < 30 => AgeBand.From18To29,
        < 45 => AgeBand.From30To44,
        < 60 => AgeBand.From45To59,
        _ => AgeBand.From60,
    };

    internal void Accredit(bool mustAttendTrainingToVote)
    {
        IsAccredited = true;
        MustAttendTrainingToVote = mustAttendTrainingToVote;
    }

    internal void Exclude(int challengeId)
    {
        IsAccredited = false;
        ExcludedByChallengeId = challengeId;
    }

    /// <summary>Links the agent to the account it created from its invitation.</summary>
    public void LinkAccount(string userId)
    {
        if (!IsAccredited)
        {
            throw new DomainException(Messages.AgentNotAccredited.Format());
        }

        if (UserId is not null && UserId != userId)
        {
            throw new DomainException(Messages.AgentAlreadyHasAccount.Format());
        }

        UserId = userId;
    }
}
