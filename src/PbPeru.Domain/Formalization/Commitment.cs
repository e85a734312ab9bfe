using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Formalization;

/// <summary>Who makes a commitment in the acta.</summary>
public enum CommitmentParty
{
    Government = 0,
    CivilSociety = 1,
}

/// <summary>What the manager writes for a commitment.</summary>
public sealed record CommitmentInput(CommitmentParty Party, string Text, string Responsible, DateOnly? DueDate);

/// <summary>
/// A commitment of the government or of civil society, recorded by the manager in Formalization for
/// the <i>Acta de Acuerdos y Compromisos</i>. It may change until the phase ends; an acta already
/// issued keeps what it printed, and a change reaches the acta only through a new version.
/// </summary>
public sealed class Commitment
{
    public const int MaxTextLength = 500;
    public const int MaxResponsibleLength = 200;
    public const int CreationKeyLength = 32;

    private Commitment()
    {
        Text = "";
        Responsible = "";
        CreationKey = "";
        RecordedByUserId = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public CommitmentParty Party { get; private set; }

    public string Text { get; private set; }

    /// <summary>The person, office or organization that answers for it.</summary>
    public string Responsible { get; private set; }

    public DateOnly? DueDate { get; private set; }

    /// <summary>The random key of the form that created it: a second submit of the same form finds this one instead of adding another.</summary>
    public string CreationKey { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Commitment Record(Cycle cycle, Actor actor, CommitmentInput input, string creationKey, DateTimeOffset now)
    {
        EnsureManager(cycle, actor);
        var commitment = new Commitment
        {
            CycleId = cycle.Id,
            CreationKey = creationKey,
            RecordedByUserId = actor.UserId,
            RecordedAt = now.ToUniversalTime(),
        };
        commitment.Apply(input);
        return commitment;
    }

    public void Edit(Cycle cycle, Actor actor, CommitmentInput input)
    {
        EnsureOfCycle(cycle);
        EnsureManager(cycle, actor);
        Apply(input);
    }

    /// <summary>Checks that the manager may remove it now; the caller then deletes the row.</summary>
    public void EnsureRemovable(Cycle cycle, Actor actor)
    {
        EnsureOfCycle(cycle);
        EnsureManager(cycle, actor);
    }

    private void Apply(CommitmentInput input)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(input.Party))
        {
            problems.Add(Messages.CommitmentPartyInvalid.Format());
        }

        var text = (input.Text ?? "").Trim();
        if (text.Length is 0 or > MaxTextLength)
        {
            problems.Add(Messages.CommitmentTextRequired.Format(MaxTextLength));
        }

        var responsible = (input.Responsible ?? "").Trim();
        if (responsible.Length is 0 or > MaxResponsibleLength)
        {
            problems.Add(Messages.CommitmentResponsibleRequired.Format(MaxResponsibleLength));
        }

        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        Party = input.Party;
        Text = text;
        Responsible = responsible;
        DueDate = input.DueDate;
    }

    private void EnsureOfCycle(Cycle cycle)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.CommitmentNotOfCycle.Format());
        }
    }

    private static void EnsureManager(Cycle cycle, Actor actor)
    {
        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Phase != Phase.Formalization)
        {
            throw new DomainException(Messages.CommitmentOnlyInFormalization.Format());
        }
    }
}
