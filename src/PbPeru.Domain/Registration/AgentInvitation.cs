using PbPeru.Domain.Common;

namespace PbPeru.Domain.Registration;

/// <summary>
/// A single-use, expiring link for an accredited agent to set the password of its account. Only
/// the hash of the link's secret is kept.
/// </summary>
public sealed class AgentInvitation
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private AgentInvitation()
    {
        TokenHash = "";
    }

    public int Id { get; private set; }

    public int AgentId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static AgentInvitation Issue(Agent agent, string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!agent.IsAccredited)
        {
            throw new DomainException(Messages.AgentNotAccredited.Format());
        }

        return new AgentInvitation
        {
            AgentId = agent.Id,
            TokenHash = tokenHash,
            CreatedAt = now.ToUniversalTime(),
            ExpiresAt = (now + lifetime).ToUniversalTime(),
        };
    }

    /// <summary>Uses the invitation once; a used or expired one is refused.</summary>
    public void Redeem(DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            throw new DomainException(Messages.InvitationUsed.Format());
        }

        if (now >= ExpiresAt)
        {
            throw new DomainException(Messages.InvitationExpired.Format());
        }

        UsedAt = now.ToUniversalTime();
    }
}
