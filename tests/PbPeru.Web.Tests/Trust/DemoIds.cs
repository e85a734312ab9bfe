using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>The ids of the demo that fill the pages' route values (read from the database, never guessed).</summary>
public sealed record DemoIds
{
    /// <summary>Cusco region 2027, in Preparation: registration and review.</summary>
    public int Registration { get; init; }

    /// <summary>Cusco province 2027, in Concertation: proposals, evaluation, workshop, questions.</summary>
    public int Concertation { get; init; }

    /// <summary>Cusco region 2026, in Coordination.</summary>
    public int Coordination { get; init; }

    public int CoordinationSpace { get; init; }

    /// <summary>Cusco region 2025, at the final vote.</summary>
    public int Voting { get; init; }

    /// <summary>Cusco region 2024, published: acta, committee, approvals, execution, survey.</summary>
    public int Published { get; init; }

    /// <summary>An organization of the demo representative (2027).</summary>
    public int OwnOrganization { get; init; }

    public int OwnOrganizationDocument { get; init; }

    /// <summary>An organization of another representative (2027).</summary>
    public int OtherOrganization { get; init; }

    public int OtherOrganizationDocument { get; init; }

    /// <summary>An organization of another representative waiting for review (2027).</summary>
    public int SubmittedOrganization { get; init; }

    /// <summary>A proposal of the concertation cycle (the one with the demo question).</summary>
    public int Proposal { get; init; }

    public int ProposalDocument { get; init; }

    public int Question { get; init; }

    /// <summary>The prioritization workshop of the concertation cycle.</summary>
    public int Workshop { get; init; }

    /// <summary>A training session of the 2025 cycle.</summary>
    public int Training { get; init; }

    /// <summary>An issued acta version of the published cycle.</summary>
    public int ActaVersion { get; init; }

    public string AgentUserId { get; init; } = "";

    public static async Task<DemoIds> ReadAsync(AppDbContext db)
    {
        async Task<int> CycleAsync(string ubigeo, int year) =>
            await db.Cycles.Where(c => c.JurisdictionUbigeo == ubigeo && c.FiscalYear == year).Select(c => c.Id).SingleAsync();

        var registration = await CycleAsync(DemoSeeder.Region, DemoSeeder.FiscalYear);
        var concertation = await CycleAsync(DemoConcertation.Province, DemoSeeder.FiscalYear);
        var representative = await db.Users.Where(u => u.Email == DemoAccounts.OrganizationRepresentative).Select(u => u.Id).SingleAsync();
        var organizations = await db.Organizations.Where(o => o.CycleId == registration).Include(o => o.Documents).OrderBy(o => o.Id).ToListAsync();
        var own = organizations.First(o => o.RepresentativeUserId == representative);
        var other = organizations.First(o => o.RepresentativeUserId != representative);
        var question = await db.ProposalQuestions.Where(q => q.CycleId == concertation).OrderBy(q => q.Id).FirstAsync();
        var proposal = await db.Proposals.Include(p => p.Documents).SingleAsync(p => p.Id == question.ProposalId);
        return new DemoIds
        {
            Registration = registration,
            Concertation = concertation,
            Coordination = await CycleAsync(DemoSeeder.Region, DemoCoordination.FiscalYear),
            CoordinationSpace = await db.CoordinationSpaces.Where(s => s.FiscalYear == DemoCoordination.FiscalYear).Select(s => s.Id).SingleAsync(),
            Voting = await CycleAsync(DemoVoting.Jurisdiction, DemoVoting.FiscalYear),
            Published = await CycleAsync(DemoSeeder.Region, DemoPublished.FiscalYear),
            OwnOrganization = own.Id,
            OwnOrganizationDocument = own.Documents.First().Id,
            OtherOrganization = other.Id,
            OtherOrganizationDocument = other.Documents.First().Id,
            SubmittedOrganization = organizations.First(o => o.Status == OrganizationStatus.Submitted).Id,
            Proposal = proposal.Id,
            ProposalDocument = proposal.Documents.Select(d => d.Id).FirstOrDefault(),
            Question = question.Id,
            Workshop = await db.Meetings.Where(m => m.CycleId == concertation && m.Kind == MeetingKind.PrioritizationWorkshop).Select(m => m.Id).FirstAsync(),
            Training = await db.Meetings.Where(m => m.Kind == MeetingKind.Training).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            ActaVersion = await db.ActaVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(),
            AgentUserId = await db.Users.Where(u => u.Email == DemoAccounts.Agent).Select(u => u.Id).SingleAsync(),
        };
    }
}
