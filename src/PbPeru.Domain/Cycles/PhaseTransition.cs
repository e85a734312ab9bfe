namespace PbPeru.Domain.Cycles;

/// <summary>One recorded move of a cycle from a phase to the next: who, when, from, to.</summary>
public sealed class PhaseTransition
{
    private PhaseTransition()
    {
        ActorUserId = "";
        ActorName = "";
    }

    internal PhaseTransition(Phase from, Phase to, Actor actor, DateTimeOffset at)
    {
        From = from;
        To = to;
        ActorUserId = actor.UserId;
        ActorName = actor.DisplayName;
        At = at.ToUniversalTime();
    }

    public int Id { get; private set; }

    public Phase From { get; private set; }

    public Phase To { get; private set; }

    public string ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public DateTimeOffset At { get; private set; }
}
