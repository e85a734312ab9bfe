namespace PbPeru.Domain.Concertation;

/// <summary>
/// A question the technical team sends back to the proposer when an evaluator observes a proposal.
/// It stays open until answered or until its deadline (the last day to answer) has passed.
/// </summary>
public sealed class Observation
{
    private Observation()
    {
        AskedByUserId = "";
        AskedByName = "";
        Question = "";
    }

    internal Observation(string askedByUserId, string askedByName, string question, DateOnly today, int answerDays, DateTimeOffset now)
    {
        AskedByUserId = askedByUserId;
        AskedByName = askedByName;
        Question = question;
        AskedAt = now.ToUniversalTime();
        Deadline = today.AddDays(answerDays);
    }

    public int Id { get; private set; }

    public string AskedByUserId { get; private set; }

    public string AskedByName { get; private set; }

    public string Question { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>The last Lima day on which the proposer may answer.</summary>
    public DateOnly Deadline { get; private set; }

    public string? Answer { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    public bool IsOpen(DateOnly today) => !IsAnswered && today <= Deadline;

    /// <summary>Unanswered with its deadline passed: the evaluators go on without the answer.</summary>
    public bool HasLapsed(DateOnly today) => !IsAnswered && today > Deadline;

    internal void Rephrase(string question) => Question = question;

    internal void Close(string userId, string answer, DateTimeOffset now)
    {
        Answer = answer;
        AnsweredByUserId = userId;
        AnsweredAt = now.ToUniversalTime();
    }
}
