using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// A cycle ready for its acta: <see cref="ApprovalTestData"/> (a computed result whose projects carry
/// accents, ñ and co-financing from three governments) plus, unless told otherwise, its oversight
/// committee elected through the domain: two seats, the first organization's titular and the second
/// organization's suplente standing, counted after a one-minute election.
/// </summary>
internal sealed class ActaTestData
{
    public static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PE");

    private ActaTestData(ApprovalTestData cycle) => Cycle = cycle;

    public ApprovalTestData Cycle { get; }

    public int Id => Cycle.Id;

    public ConcertationCycle Data => Cycle.Data;

    public string PageUrl => $"/Cycles/Acta/{Id}";

    public static async Task<ActaTestData> CreateAsync(PbPeruFactory app, bool withCommittee = true)
    {
        var cycle = await ApprovalTestData.CreateAsync(app);
        var data = new ActaTestData(cycle);
        if (withCommittee)
        {
            await data.ElectCommitteeAsync();
        }

        return data;
    }

    private async Task ElectCommitteeAsync()
    {
        var app = Cycle.App;
        var now = app.Clock.GetUtcNow();
        var candidates = await Data.ReadAsync(db => db.Agents.Where(a => a.CycleId == Id).OrderBy(a => a.OrganizationId).ThenBy(a => a.Id).ToListAsync());
        var first = candidates.First(a => a.Role == AgentRole.Titular);
        var second = candidates.Last(a => a.Role == AgentRole.Suplente);
        await Data.WriteAsync(async db =>
        {
            var cycle = await Data.LoadCycleAsync(db);
            var election = CommitteeElection.Create(cycle, Data.Manager, 2, true, now);
            db.CommitteeElections.Add(election);
            await db.SaveChangesAsync();
            foreach (var agent in new[] { first, second })
            {
                election.RecordCandidacy(cycle, Data.Manager, await db.Agents.SingleAsync(a => a.Id == agent.Id), now);
            }

            election.OpenNow(cycle, Data.Manager, now);
            election.CloseNow(cycle, Data.Manager, now.AddMinutes(1));
            election.Count(cycle, Data.Manager, [], candidates.ToDictionary(a => a.Id, a => a.Sex), now.AddMinutes(1));
        });
        app.Clock.Set(now.AddMinutes(2));
    }

    public Task<ApprovedList> ApprovedListAsync() => Data.ReadAsync(async db => (await ApprovedListQuery.ForCycleAsync(db, Id, CancellationToken.None))!);

    public Task<IReadOnlyList<CommitteeMemberView>> CommitteeAsync() => Data.ReadAsync(db => CommitteeQueries.MembersAsync(db, Id, CancellationToken.None));

    public Task<List<ActaVersion>> VersionsAsync() => Data.ReadAsync(db => db.ActaVersions.AsNoTracking().Where(v => v.CycleId == Id).OrderBy(v => v.Number).ToListAsync());

    /// <summary>Each page's text as PdfPig reads it.</summary>
    public static IReadOnlyList<string> PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>Text without any whitespace: a name wrapped over two lines of a table cell reads back joined.</summary>
    public static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c)))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
