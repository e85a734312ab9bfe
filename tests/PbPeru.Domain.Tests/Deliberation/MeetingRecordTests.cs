using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Tests.Preparation;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Deliberation;

/// <summary>A meeting's record: agenda, minutes, agreements, guests, attachments and its counts by sex.</summary>
[Trait("Capability", "Deliberation")]
public class MeetingRecordTests
{
    private static readonly DateTimeOffset StartsAt = new(2025, 3, 8, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset Now = StartsAt.AddHours(3);
    private static readonly MeetingDetails Workshop = new(MeetingKind.PrioritizationWorkshop, "Taller de priorización", StartsAt, "Auditorio municipal", "Jorge Tito");

    [Fact]
    public void RecordMinutes_KeepsAgendaMinutesAndTheAgreementsInOrder_DroppingBlankLines()
    {
        var (cycle, meeting) = NewMeeting();

        meeting.RecordMinutes(cycle, TestCycles.Manager, "  1. Bienvenida\n2. Priorización ", " Se trató la priorización. ", ["Priorizar agua", " ", "", " Revisar vías "], Now);

        Assert.Equal("1. Bienvenida\n2. Priorización", meeting.Agenda);
        Assert.Equal("Se trató la priorización.", meeting.Minutes);
        Assert.Equal(Now.ToUniversalTime(), meeting.MinutesRecordedAt);
        Assert.Equal(["Priorizar agua", "Revisar vías"], meeting.Agreements.Select(a => a.Text));
        Assert.Equal([1, 2], meeting.Agreements.Select(a => a.Position));
    }

    [Fact]
    public void RecordMinutes_Again_ReplacesTheAgreements_AndEmptyMinutesClearTheDate()
    {
        var (cycle, meeting) = NewMeeting();
        meeting.RecordMinutes(cycle, TestCycles.Manager, null, "Acta", ["Uno", "Dos"], Now);

        meeting.RecordMinutes(cycle, TestCycles.Manager, "Agenda", "  ", ["Tres"], Now.AddHours(1));

        Assert.Null(meeting.Minutes);
        Assert.Null(meeting.MinutesRecordedAt);
        Assert.Equal("Agenda", meeting.Agenda);
        Assert.Equal("Tres", Assert.Single(meeting.Agreements).Text);
    }

    [Fact]
    public void RecordMinutes_TooLongOrByAnotherManager_IsRefusedAndChangesNothing()
    {
        var (cycle, meeting) = NewMeeting();

        var agenda = Assert.Throws<DomainException>(() => meeting.RecordMinutes(cycle, TestCycles.Manager, new string('a', Meeting.MaxAgendaLength + 1), null, [], Now));
        var minutes = Assert.Throws<DomainException>(() => meeting.RecordMinutes(cycle, TestCycles.Manager, null, new string('m', Meeting.MaxMinutesLength + 1), [], Now));
        var agreement = Assert.Throws<DomainException>(() => meeting.RecordMinutes(cycle, TestCycles.Manager, null, null, ["ok", new string('x', MeetingAgreement.MaxTextLength + 1)], Now));
        Assert.Throws<DomainException>(() => meeting.RecordMinutes(cycle, TestCycles.OtherManager, "Agenda", null, [], Now));

        Assert.Equal(Messages.MeetingAgendaTooLong.Format(Meeting.MaxAgendaLength), agenda.Message);
        Assert.Equal(Messages.MeetingMinutesTooLong.Format(Meeting.MaxMinutesLength), minutes.Message);
        Assert.Equal(Messages.MeetingAgreementTooLong.Format(2, MeetingAgreement.MaxTextLength), agreement.Message);
        Assert.Null(meeting.Agenda);
        Assert.Empty(meeting.Agreements);
    }

    [Fact]
    public void RecordMinutes_WithTheMeetingOfAnotherCycle_IsRefused()
    {
        var (_, meeting) = NewMeeting();

        Assert.Throws<DomainException>(() => meeting.RecordMinutes(OtherCycle(), TestCycles.OtherManager, "Agenda", null, [], Now));
    }

    [Fact]
    public void AddGuest_NumbersThemInOrder_AndRemoveGuestTakesOneOut()
    {
        var (cycle, meeting) = NewMeeting();

        var mayor = meeting.AddGuest(cycle, TestCycles.Manager, new GuestInput(" Rosa Huamán ", " Alcaldesa ", AttendeeCategory.Authority, Sex.Female, null));
        meeting.AddGuest(cycle, TestCycles.Manager, new GuestInput("Luis Quispe", "", AttendeeCategory.TechnicalTeam, Sex.Male, null));
        meeting.AddGuest(cycle, TestCycles.Manager, new GuestInput("Visitante", "", AttendeeCategory.Guest, null, null));
        meeting.RemoveGuest(cycle, TestCycles.Manager, 2);
        var fourth = meeting.AddGuest(cycle, TestCycles.Manager, new GuestInput("Eva Mamani", "ONG", AttendeeCategory.Guest, Sex.Female, null));

        Assert.Equal(("Rosa Huamán", "Alcaldesa", 1), (mayor.Name, mayor.Office, mayor.Position));
        Assert.Equal(4, fourth.Position);
        Assert.Equal(["Rosa Huamán", "Visitante", "Eva Mamani"], meeting.Guests.Select(g => g.Name));
        var unknown = Assert.Throws<DomainException>(() => meeting.RemoveGuest(cycle, TestCycles.Manager, 2));
        Assert.Equal(Messages.MeetingGuestUnknown.Format(), unknown.Message);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "Alcalde")]
    public void AddGuest_WithoutName_IsRefused(string name, string office)
    {
        var (cycle, meeting) = NewMeeting();

        var error = Assert.Throws<DomainException>(() => meeting.AddGuest(cycle, TestCycles.Manager, new GuestInput(name, office, AttendeeCategory.Guest, null, null)));

        Assert.Equal(Messages.MeetingGuestInvalid.Format(MeetingGuest.MaxNameLength, MeetingGuest.MaxOfficeLength), error.Message);
        Assert.Empty(meeting.Guests);
    }

    [Fact]
    public void AddGuest_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var (cycle, meeting) = NewMeeting();

        Assert.Throws<DomainException>(() => meeting.AddGuest(cycle, TestCycles.OtherManager, new GuestInput("Rosa", "", AttendeeCategory.Guest, null, null)));
    }

    [Fact]
    public void AddGuestUnchecked_KeepsTheGovernment_AndRefusesABadUbigeo()
    {
        var (_, meeting) = NewMeeting();

        var guest = meeting.AddGuestUnchecked(new GuestInput("Rosa", "Gerente", AttendeeCategory.Authority, null, "080101"));

        Assert.Equal("080101", guest.GovernmentUbigeo);
        Assert.Throws<DomainException>(() => meeting.AddGuestUnchecked(new GuestInput("Luis", "", AttendeeCategory.Authority, null, "08A")));
    }

    [Fact]
    public void Attach_KeepsTheFile_UpToTheMaximum()
    {
        var (cycle, meeting) = NewMeeting();

        var document = meeting.Attach(cycle, TestCycles.Manager, "acta firmada.pdf", "key-1", "application/pdf", 1234, new string('a', 64), Now);
        for (var i = 2; i <= Meeting.MaxDocuments; i++)
        {
            meeting.Attach(cycle, TestCycles.Manager, $"foto{i}.jpg", $"key-{i}", "image/jpeg", 10, new string('b', 64), Now);
        }

        Assert.Equal(("acta firmada.pdf", "key-1", 1234L), (document.FileName, document.StorageKey, document.SizeBytes));
        var error = Assert.Throws<DomainException>(() => meeting.Attach(cycle, TestCycles.Manager, "otra.pdf", "key-x", "application/pdf", 10, new string('c', 64), Now));
        Assert.Equal(Messages.MeetingTooManyDocuments.Format(Meeting.MaxDocuments), error.Message);
        Assert.Equal(Meeting.MaxDocuments, meeting.Documents.Count);
    }

    [Fact]
    public void Counts_SplitAgentsAndGuestsBySex()
    {
        var (cycle, meeting) = NewMeeting();
        var women = Complete(cycle, Sex.Female);
        women.Submit(cycle, InRegistration, Registrations.Now);
        women.Accept(cycle, TestCycles.Manager, Registrations.Now.AddDays(1));
        var men = Complete(cycle, Sex.Male);
        men.Submit(cycle, InRegistration, Registrations.Now);
        men.Accept(cycle, TestCycles.Manager, Registrations.Now.AddDays(1));
        var agents = women.Agents.Concat(men.Agents).ToList();
        foreach (var agent in agents)
        {
            meeting.MarkPresent(agent, TestCycles.Manager, Now);
        }

        meeting.MarkPresent(agents[0], TestCycles.Manager, Now); // twice counts once
        meeting.AddGuest(cycle, TestCycles.Manager, new GuestInput("Rosa", "", AttendeeCategory.Authority, Sex.Female, null));
        meeting.AddGuest(cycle, TestCycles.Manager, new GuestInput("Luis", "", AttendeeCategory.Staff, Sex.Male, null));
        meeting.AddGuest(cycle, TestCycles.Manager, new GuestInput("Alguien", "", AttendeeCategory.Guest, null, null));

        var counts = meeting.Counts(agents.ToDictionary(a => a.Id, a => a.Sex));

        // Female titular + male suplente, then male titular + male suplente.
        Assert.Equal(new MeetingCounts(4, 1, 3, 3, 1, 1, 1), counts);
    }

    private static (Cycle Cycle, Meeting Meeting) NewMeeting()
    {
        var cycle = NewCycle();
        return (cycle, Meeting.Schedule(cycle, TestCycles.Manager, Workshop));
    }
}
