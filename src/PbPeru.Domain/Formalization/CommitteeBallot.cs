using System.Globalization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;

namespace PbPeru.Domain.Formalization;

/// <summary>
/// An agent's ballot in the committee election: the candidates it approves (up to the seats). One
/// row per agent and election (a unique index holds it), replaced whole when the agent changes it
/// until the close, so only the last one exists to count. It keeps a hash of the submission that
/// produced it, to recognise a retry of the same submission.
/// </summary>
public sealed class CommitteeBallot
{
    private CommitteeBallot()
    {
        Choices = "";
        SubmissionHash = "";
    }

    public int Id { get; private set; }

    public int CommitteeElectionId { get; private set; }

    public int AgentId { get; private set; }

    /// <summary>The approved candidates' agent ids, ascending, separated by ";": stored whole in one row.</summary>
    public string Choices { get; private set; }

    /// <summary>1 for the first ballot, +1 at each change; also the row's concurrency token.</summary>
    public int Revision { get; private set; }

    public DateTimeOffset FirstCastAt { get; private set; }

    public DateTimeOffset CastAt { get; private set; }

    public string SubmissionHash { get; private set; }

    public IReadOnlyList<int> Approvals => Parse(Choices);

    /// <summary>Casts the agent's first ballot, if the agent may vote (see <see cref="CommitteeElection.WhyCannotVote"/>) and the choices are valid.</summary>
    public static CommitteeBallot Cast(CommitteeElection election, Agent agent, CommitteeVoterFacts facts, IReadOnlyList<int> approvals, string submissionKey, DateTimeOffset now)
    {
        var ballot = new CommitteeBallot { CommitteeElectionId = election.Id, AgentId = agent.Id, FirstCastAt = now.ToUniversalTime() };
        ballot.Apply(election, agent, facts, approvals, submissionKey, now);
        return ballot;
    }

    /// <summary>Replaces the ballot with new choices until the election closes.</summary>
    public void Change(CommitteeElection election, Agent agent, CommitteeVoterFacts facts, IReadOnlyList<int> approvals, string submissionKey, DateTimeOffset now)
    {
        if (agent.Id != AgentId || election.Id != CommitteeElectionId)
        {
            throw new DomainException(Messages.CommitteeVoterNotOfCycle.Format());
        }

        Apply(election, agent, facts, approvals, submissionKey, now);
    }

    /// <summary>Was this ballot made by that submission (a double click or a retry of it)?</summary>
    public bool CameFrom(string submissionKey) => SubmissionHash == ReceiptCodes.HashOfSubmission(submissionKey);

    private void Apply(CommitteeElection election, Agent agent, CommitteeVoterFacts facts, IReadOnlyList<int> approvals, string submissionKey, DateTimeOffset now)
    {
        if (election.StateAt(now) != CommitteeElectionState.Open)
        {
            throw new DomainException(Messages.CommitteeBallotNotOpen.Format());
        }

        if (election.WhyCannotVote(agent, facts) is { } whyCannotVote)
        {
            throw new DomainException(whyCannotVote);
        }

        var problems = election.ProblemsOf(approvals);
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        if (string.IsNullOrWhiteSpace(submissionKey))
        {
            throw new ArgumentException("A submission needs its key.", nameof(submissionKey));
        }

        Choices = string.Join(";", approvals.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        Revision++;
        CastAt = now.ToUniversalTime();
        SubmissionHash = ReceiptCodes.HashOfSubmission(submissionKey);
    }

    public static IReadOnlyList<int> Parse(string choices) =>
        choices.Length == 0 ? [] : [.. choices.Split(';').Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
}
