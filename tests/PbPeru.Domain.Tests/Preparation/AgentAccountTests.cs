using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Preparation;

[Trait("Capability", "Preparation")]
public class AgentInvitationTests
{
    private static readonly DateTimeOffset IssuedAt = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void Issue_ToAnAccreditedAgent_ExpiresAfterItsLifetimeInUtc()
    {
        var agent = AccreditedAgent(NewCycle());

        var invitation = AgentInvitation.Issue(agent, "hash-1", IssuedAt, AgentInvitation.DefaultLifetime);

        Assert.Equal(agent.Id, invitation.AgentId);
        Assert.Equal("hash-1", invitation.TokenHash);
        Assert.Equal(IssuedAt, invitation.CreatedAt);
        Assert.Equal(IssuedAt.AddDays(7), invitation.ExpiresAt);
        Assert.Equal(TimeSpan.Zero, invitation.CreatedAt.Offset);
        Assert.Equal(TimeSpan.Zero, invitation.ExpiresAt.Offset);
        Assert.Null(invitation.UsedAt);
    }

    [Fact]
    public void Issue_ToAnAgentNotAccredited_IsRefused()
    {
        var agent = Submitted(NewCycle()).Agents[0];

        var error = Assert.Throws<DomainException>(() => AgentInvitation.Issue(agent, "hash-1", IssuedAt, AgentInvitation.DefaultLifetime));

        Assert.Equal(Messages.AgentNotAccredited.Format(), error.Message);
    }

    [Fact]
    public void Issue_ToAnAgentExcludedByAChallenge_IsRefused()
    {
        var agent = ExcludedAgent();

        var error = Assert.Throws<DomainException>(() => AgentInvitation.Issue(agent, "hash-1", IssuedAt, AgentInvitation.DefaultLifetime));

        Assert.Equal(Messages.AgentNotAccredited.Format(), error.Message);
    }

    [Fact]
    public void Redeem_OneTickBeforeItExpires_MarksItUsed()
    {
        var invitation = AgentInvitation.Issue(AccreditedAgent(NewCycle()), "hash-1", IssuedAt, TimeSpan.FromDays(7));
        var lastMoment = invitation.ExpiresAt.AddTicks(-1).ToOffset(TimeSpan.FromHours(-5));

        invitation.Redeem(lastMoment);

        Assert.Equal(lastMoment, invitation.UsedAt);
        Assert.Equal(TimeSpan.Zero, invitation.UsedAt!.Value.Offset);
    }

    [Fact]
    public void Redeem_ExactlyWhenItExpires_IsRefusedAndLeavesItUnused()
    {
        using var culture = CultureScope.Spanish();
        var invitation = AgentInvitation.Issue(AccreditedAgent(NewCycle()), "hash-1", IssuedAt, TimeSpan.FromDays(7));

        var error = Assert.Throws<DomainException>(() => invitation.Redeem(invitation.ExpiresAt));

        Assert.Equal("Este enlace de invitación venció. Pida uno nuevo al equipo de conducción.", error.Message);
        Assert.Null(invitation.UsedAt);
    }

    [Fact]
    public void Redeem_Twice_IsRefusedTheSecondTime()
    {
        using var culture = CultureScope.Spanish();
        var invitation = AgentInvitation.Issue(AccreditedAgent(NewCycle()), "hash-1", IssuedAt, TimeSpan.FromDays(7));
        invitation.Redeem(IssuedAt.AddHours(1));

        var error = Assert.Throws<DomainException>(() => invitation.Redeem(IssuedAt.AddHours(2)));

        Assert.Equal("Este enlace de invitación ya fue usado.", error.Message);
        Assert.Equal(IssuedAt.AddHours(1), invitation.UsedAt);
    }

    [Fact]
    public void Redeem_WhenUsedAndExpired_SaysItWasUsed()
    {
        var invitation = AgentInvitation.Issue(AccreditedAgent(NewCycle()), "hash-1", IssuedAt, TimeSpan.FromDays(7));
        invitation.Redeem(IssuedAt.AddHours(1));

        var error = Assert.Throws<DomainException>(() => invitation.Redeem(IssuedAt.AddDays(30)));

        Assert.Equal(Messages.InvitationUsed.Format(), error.Message);
    }

    internal static Agent ExcludedAgent()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        FileChallenge(cycle, list, agent).Rule(cycle, list, TestCycles.Manager, agent, upheld: true, "No reside en el distrito.", IssuedAt);
        return agent;
    }
}

[Trait("Capability", "Preparation")]
public class LinkAccountTests
{
    [Fact]
    public void LinkAccount_OfAnAccreditedAgent_KeepsTheUser()
    {
        var agent = AccreditedAgent(NewCycle());

        agent.LinkAccount("user-7");

        Assert.Equal("user-7", agent.UserId);
    }

    [Fact]
    public void LinkAccount_AgainWithTheSameUser_IsHarmless()
    {
        var agent = AccreditedAgent(NewCycle());
        agent.LinkAccount("user-7");

        agent.LinkAccount("user-7");

        Assert.Equal("user-7", agent.UserId);
    }

    [Fact]
    public void LinkAccount_ToASecondUser_IsRefusedAndKeepsTheFirst()
    {
        var agent = AccreditedAgent(NewCycle());
        agent.LinkAccount("user-7");

        var error = Assert.Throws<DomainException>(() => agent.LinkAccount("user-8"));

        Assert.Equal(Messages.AgentAlreadyHasAccount.Format(), error.Message);
        Assert.Equal("user-7", agent.UserId);
    }

    [Fact]
    public void LinkAccount_OfAnAgentNotAccredited_IsRefused()
    {
        var agent = Submitted(NewCycle()).Agents[0];

        var error = Assert.Throws<DomainException>(() => agent.LinkAccount("user-7"));

        Assert.Equal(Messages.AgentNotAccredited.Format(), error.Message);
        Assert.Null(agent.UserId);
    }

    [Fact]
    public void LinkAccount_OfAnAgentExcludedByAChallenge_IsRefused()
    {
        var agent = AgentInvitationTests.ExcludedAgent();

        Assert.Throws<DomainException>(() => agent.LinkAccount("user-7"));

        Assert.Null(agent.UserId);
    }
}
