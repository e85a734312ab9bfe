using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Registration;

/// <summary>The counts a quota is checked against: accredited titular agents, and the women among them.</summary>
public sealed record QuotaCount(int Titulars, int WomenTitulars)
{
    public bool Meets(int quotaPercent) => Titulars > 0 && WomenTitulars * 100L >= quotaPercent * (long)Titulars;

    /// <summary>
    /// How many more women titulars the quota needs with the list as large as it is. A list with no
    /// titular meets no quota (see <see cref="Meets"/>): it needs at least one woman titular.
    /// </summary>
    public int WomenShort(int quotaPercent)
    {
        if (Titulars == 0)
        {
            return 1;
        }

        var needed = (int)Math.Ceiling(quotaPercent * (decimal)Titulars / 100m);
        return Math.Max(0, needed - WomenTitulars);
    }

    /// <summary>Rounded half up, as the phase gate shows it ("0.#"): 6.25 is 6.3.</summary>
    public decimal WomenSharePercent => Titulars == 0 ? 0 : Math.Round(100m * WomenTitulars / Titulars, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The cycle's list of accredited agents: published first as preliminary (open to challenges),
/// then as final once every challenge is ruled on and the quotas are met or justified.
/// </summary>
public sealed class AccreditationList
{
    public const int MaxJustificationLength = 2000;

    private AccreditationList()
    {
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public DateTimeOffset? PreliminaryPublishedAt { get; private set; }

    public string? PreliminaryPublishedBy { get; private set; }

    public DateTimeOffset? FinalPublishedAt { get; private set; }

    public string? FinalPublishedBy { get; private set; }

    /// <summary>Why a soft quota is not met, recorded by the manager when publishing the final list.</summary>
    public string? QuotaJustification { get; private set; }

    public bool IsPreliminaryPublished => PreliminaryPublishedAt is not null;

    public bool IsFinalPublished => FinalPublishedAt is not null;

    public static AccreditationList For(Cycle cycle) => new() { CycleId = cycle.Id };

    public void PublishPreliminary(Cycle cycle, Actor actor, int organizationsAwaitingReview, DateTimeOffset now)
    {
        EnsureManager(cycle, actor);
        if (IsPreliminaryPublished)
        {
            throw new DomainException(Messages.PreliminaryAlreadyPublished.Format());
        }

        if (organizationsAwaitingReview > 0)
        {
            throw new DomainException(organizationsAwaitingReview == 1
                ? Messages.ReviewPendingOne.Format()
                : Messages.ReviewsPending.Format(organizationsAwaitingReview));
        }

        PreliminaryPublishedAt = now.ToUniversalTime();
        PreliminaryPublishedBy = actor.DisplayName;
    }

    /// <summary>Challenges are filed while the preliminary list stands and the calendar's challenge window is open.</summary>
    public void EnsureChallengesOpen(Cycle cycle, DateOnly today)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        if (!IsPreliminaryPublished || IsFinalPublished || cycle.Phase != Phase.Preparation)
        {
            throw new DomainException(Messages.ChallengesNotOpen.Format());
        }

        var window = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Challenges);
        if (window is not null && (today < window.Start || today > window.End))
        {
            throw new DomainException(Messages.ChallengeWindowClosed.Format(
                window.Start.ToString("d", System.Globalization.CultureInfo.CurrentCulture),
                window.End.ToString("d", System.Globalization.CultureInfo.CurrentCulture)));
        }
    }

    /// <summary>
    /// Publishes the final list. Not before the calendar's challenge window has ended: until its last
    /// day anyone may still challenge an entry, and a final list would cut that right short.
    /// </summary>
    public void PublishFinal(Cycle cycle, Actor actor, int pendingChallenges, QuotaCount count, string? justification, DateOnly today, DateTimeOffset now)
    {
        EnsureManager(cycle, actor);
        if (!IsPreliminaryPublished)
        {
            throw new DomainException(Messages.PreliminaryNotPublished.Format());
        }

        if (IsFinalPublished)
        {
            throw new DomainException(Messages.FinalAlreadyPublished.Format());
        }

        var window = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Challenges);
        if (window is not null && today <= window.End)
        {
            throw new DomainException(Messages.ChallengeWindowStillOpen.Format(
                window.End.ToString("d", System.Globalization.CultureInfo.CurrentCulture)));
        }

        if (pendingChallenges > 0)
        {
            throw new DomainException(pendingChallenges == 1
                ? Messages.ChallengePendingOne.Format()
                : Messages.ChallengesPending.Format(pendingChallenges));
        }

        var rules = cycle.AccreditationRules;
        var text = justification?.Trim() ?? "";
        if (rules.WomenMinimumSharePercent is { } quota && !count.Meets(quota))
        {
            if (rules.WomenQuotaIsHard)
            {
                throw new DomainException(Messages.HardQuotaShort.Format(count.WomenSharePercent, count.WomenTitulars, count.Titulars, quota, count.WomenShort(quota)));
            }

            if (text.Length == 0)
            {
                throw new DomainException(Messages.SoftQuotaNeedsJustification.Format(count.WomenSharePercent, quota));
            }

            if (text.Length > MaxJustificationLength)
            {
                throw new DomainException(Messages.NoteTooLong.Format(MaxJustificationLength));
            }

            QuotaJustification = text;
        }

        FinalPublishedAt = now.ToUniversalTime();
        FinalPublishedBy = actor.DisplayName;
    }

    private void EnsureManager(Cycle cycle, Actor actor)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Phase != Phase.Preparation)
        {
            throw new DomainException(Messages.NotInPreparation.Format());
        }
    }
}
