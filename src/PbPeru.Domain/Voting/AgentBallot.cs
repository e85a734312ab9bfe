using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Voting;

/// <summary>
/// One mark on a ballot: the item's position and its value — 1 on approval and knapsack ballots,
/// the points on a cumulative ballot, the place (1 = first) on a ranking ballot.
/// </summary>
public readonly record struct BallotChoice(int Position, int Value);

/// <summary>
/// An agent's ballot: one row per agent and vote (the database holds it to that), replaced whole
/// when the agent changes its vote, so only the last one exists to count. It keeps hashes of the
/// submission that produced it (to recognise a retry) and of the receipt code (to verify it), never
/// the receipt itself.
/// </summary>
public sealed class AgentBallot
{
    private AgentBallot()
    {
        Choices = "";
        ReceiptHash = "";
        SubmissionHash = "";
    }

    public int Id { get; private set; }

    public int FinalVoteId { get; private set; }

    public int AgentId { get; private set; }

    /// <summary>The choices as "position:value" separated by ";", in position order: stored whole in one row.</summary>
    public string Choices { get; private set; }

    /// <summary>1 for the first ballot, +1 at each change; also the row's concurrency token.</summary>
    public int Revision { get; private set; }

    public DateTimeOffset FirstCastAt { get; private set; }

    public DateTimeOffset CastAt { get; private set; }

    public string ReceiptHash { get; private set; }

    public string SubmissionHash { get; private set; }

    public IReadOnlyList<BallotChoice> Selections => Parse(Choices);

    /// <summary>Casts the agent's first ballot. Returns the receipt code, to be shown once.</summary>
    public static AgentBallot Cast(FinalVote vote, Agent agent, bool attendedTraining, IReadOnlyList<BallotChoice> choices, string submissionKey, DateTimeOffset now, out string receipt)
    {
        var ballot = new AgentBallot { FinalVoteId = vote.Id, AgentId = agent.Id, FirstCastAt = now.ToUniversalTime() };
        receipt = ballot.Apply(vote, agent, attendedTraining, choices, submissionKey, now);
        return ballot;
    }

    /// <summary>Replaces the ballot with new choices until the vote closes. Returns the new receipt code.</summary>
    public string Change(FinalVote vote, Agent agent, bool attendedTraining, IReadOnlyList<BallotChoice> choices, string submissionKey, DateTimeOffset now)
    {
        if (agent.Id != AgentId || vote.Id != FinalVoteId)
        {
            throw new DomainException(Messages.VoterNotOfCycle.Format());
        }

        return Apply(vote, agent, attendedTraining, choices, submissionKey, now);
    }

    /// <summary>Was this ballot made by that submission (a double click or a retry of it)?</summary>
    public bool CameFrom(string submissionKey) => SubmissionHash == ReceiptCodes.HashOfSubmission(submissionKey);

    public bool HasReceipt(string code) => ReceiptHash == ReceiptCodes.HashOfReceipt(code);

    private string Apply(FinalVote vote, Agent agent, bool attendedTraining, IReadOnlyList<BallotChoice> choices, string submissionKey, DateTimeOffset now)
    {
        vote.EnsureOnline();

        if (vote.StateAt(now) != VoteState.Open)
        {
            throw new DomainException(Messages.BallotNotOpen.Format());
        }

        if (vote.WhyCannotVote(agent, attendedTraining) is { } why)
        {
            throw new DomainException(why);
        }

        var problems = vote.ProblemsOf(choices);
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join(" ", problems));
        }

        if (string.IsNullOrWhiteSpace(submissionKey))
        {
            throw new ArgumentException("A submission needs its key.", nameof(submissionKey));
        }

        // Approval and knapsack marks are all worth 1, whatever the form sent.
        var values = vote.Rules.BallotType is Cycles.BallotType.Approval or Cycles.BallotType.Knapsack
            ? choices.Select(c => c with { Value = 1 })
            : choices;
        Choices = Format(values);
        Revision++;
        CastAt = now.ToUniversalTime();
        var receipt = ReceiptCodes.For(submissionKey);
        ReceiptHash = ReceiptCodes.HashOfReceipt(receipt);
        SubmissionHash = ReceiptCodes.HashOfSubmission(submissionKey);
        return receipt;
    }

    public static string Format(IEnumerable<BallotChoice> choices) =>
        string.Join(";", choices.OrderBy(c => c.Position).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Position}:{c.Value}")));

    public static IReadOnlyList<BallotChoice> Parse(string choices) =>
        choices.Length == 0
            ? []
            : [.. choices.Split(';').Select(part => part.Split(':')).Select(p => new BallotChoice(
                int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))];
}

/// <summary>
/// Receipt codes. The voting form carries a fresh random submission key; the receipt is derived from
/// it, so a retry of the same submission shows the same receipt, while the database keeps only
/// hashes of the key and of the receipt: neither can be read back from the data.
/// </summary>
public static class ReceiptCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A new submission key for a voting form: 128 random bits.</summary>
    public static string NewSubmissionKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The receipt of a submission: 12 characters in three groups, without look-alike letters.</summary>
    public static string For(string submissionKey)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("pbperu-receipt:" + submissionKey));
        var code = new StringBuilder(14);
        for (var i = 0; i < 12; i++)
        {
            if (i is 4 or 8)
            {
                code.Append('-');
            }

            code.Append(Alphabet[bytes[i] % Alphabet.Length]);
        }

        return code.ToString();
    }

    public static string HashOfReceipt(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("pbperu-receipt-hash:" + Normalize(code))));

    public static string HashOfSubmission(string submissionKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("pbperu-submission:" + submissionKey)));

    /// <summary>As typed: any case, with or without dashes or spaces.</summary>
    public static string Normalize(string code)
    {
        var letters = new string([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
        return letters.Length == 12 ? $"{letters[..4]}-{letters[4..8]}-{letters[8..]}" : letters;
    }
}
