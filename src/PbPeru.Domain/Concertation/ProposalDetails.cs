using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Concertation;

/// <summary>
/// The fields of a proposal its proposer writes and revises. Districts are 6-digit ubigeos (one or
/// more); the estimated cost is the whole project's, co-financing included; the CUI (Invierte.pe
/// investment code) is optional; the years are the multi-year split, empty for a one-year project.
/// </summary>
public sealed record ProposalDetails(
    string Title,
    string Description,
    int ThemeId,
    IReadOnlyList<string> Districts,
    Money EstimatedCost,
    int Beneficiaries,
    string? Cui,
    IReadOnlyList<CofinancingInput> Cofinancing,
    IReadOnlyList<YearShareInput> Years);

/// <summary>Who else pays part of the project, and how much.</summary>
public sealed record CofinancingInput(string Entity, Money Amount);

/// <summary>The part of the cost to be spent in one fiscal year.</summary>
public sealed record YearShareInput(int FiscalYear, Money Amount);

/// <summary>
/// Who writes a proposal: a user of an organization accepted in the cycle, either its representative
/// or one of its accredited agents (then <see cref="AgentId"/> says which). Built only by
/// <see cref="Of"/>, which checks exactly that.
/// </summary>
public sealed class Proposer
{
    private Proposer(string userId, int? agentId, int organizationId)
    {
        UserId = userId;
        AgentId = agentId;
        OrganizationId = organizationId;
    }

    public string UserId { get; }

    public int? AgentId { get; }

    public int OrganizationId { get; }

    /// <summary>
    /// The user as proposer for <paramref name="organization"/>: refused unless the organization is
    /// accepted in <paramref name="cycle"/> and the user is its representative or an accredited agent
    /// of it linked to that account. A representative who is also an accredited agent proposes as the agent.
    /// </summary>
    public static Proposer Of(Cycle cycle, Organization organization, string userId)
    {
        if (organization.CycleId != cycle.Id)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        if (organization.Status != OrganizationStatus.Accepted)
        {
            throw new DomainException(Messages.ProposerOrganizationNotAccepted.Format());
        }

        var agent = organization.Agents.FirstOrDefault(a => a.IsAccredited && a.UserId == userId);
        if (agent is null && organization.RepresentativeUserId != userId)
        {
            throw new DomainException(Messages.ProposerNotOfOrganization.Format());
        }

        return new Proposer(userId, agent?.Id, organization.Id);
    }
}
