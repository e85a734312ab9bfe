using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.Formalization;

/// <summary>
/// Everything an acta version prints, as stored (JSON) and hashed. Names, places and texts are kept
/// as they were when issued; amounts are whole céntimos. The page, the PDF and the public page are
/// all drawn from this, never from the live data, so later edits cannot change an issued version.
/// </summary>
public sealed record ActaContent(
    int Number,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    string? Reason,
    int CycleId,
    string CycleName,
    string Ubigeo,
    string JurisdictionName,
    string GovernmentName,
    int FiscalYear,
    DateOnly WorkshopDate,
    string Place,
    long CeilingCentimos,
    long TotalCentimos,
    IReadOnlyList<ActaProject> Projects,
    IReadOnlyList<ActaCommitment> Commitments,
    IReadOnlyList<ActaPerson> Committee,
    IReadOnlyList<ActaPerson> AgentsPresent,
    IReadOnlyList<ActaSignature> Signatures)
{
    [JsonIgnore]
    public Money Ceiling => Money.FromCentimos(CeilingCentimos);

    [JsonIgnore]
    public Money Total => Money.FromCentimos(TotalCentimos);

    /// <summary>The same data under another stamp (number, instant, issuer, date, place, reason); the issuer's signature line follows.</summary>
    public ActaContent WithStamp(ActaStamp stamp) => this with
    {
        Number = stamp.Number,
        IssuedAt = stamp.IssuedAt,
        IssuedBy = stamp.IssuedBy,
        Reason = stamp.Reason,
        WorkshopDate = stamp.WorkshopDate,
        Place = stamp.Place,
        Signatures = [.. Signatures.Select(s => s.Signer == ActaSigner.Manager ? s with { Name = stamp.IssuedBy } : s)],
    };

    /// <summary>The stamp this content was written under.</summary>
    [JsonIgnore]
    public ActaStamp Stamp => new(Number, IssuedAt, IssuedBy, WorkshopDate, Place, Reason);
}

/// <summary>What the acta partial draws: the content, and the hash when it is an issued version (null for the draft).</summary>
/// <summary>An acta to draw: its content, its hash once issued, and the cycle's audit chain head when it was issued (if recorded).</summary>
public sealed record ActaDocumentView(ActaContent Content, string? Hash, PbPeru.Domain.Audit.AuditHead? AuditHead = null);

/// <summary>A prioritized project: its rank, name, CUI, districts by name, what this cycle pays, its whole cost and who else pays.</summary>
public sealed record ActaProject(int Rank, string Name, string? Cui, IReadOnlyList<string> Districts, long AmountCentimos, long TotalCostCentimos, IReadOnlyList<ActaCofinancing> Cofinancing)
{
    [JsonIgnore]
    public Money Amount => Money.FromCentimos(AmountCentimos);

    [JsonIgnore]
    public Money TotalCost => Money.FromCentimos(TotalCostCentimos);
}

public sealed record ActaCofinancing(string Government, long AmountCentimos)
{
    [JsonIgnore]
    public Money Amount => Money.FromCentimos(AmountCentimos);
}

public sealed record ActaCommitment(CommitmentParty Party, string Text, string Responsible, DateOnly? DueDate);

/// <summary>A person the acta names: a committee member (with rank and votes) or an agent present.</summary>
public sealed record ActaPerson(string Name, string Organization, int? Rank = null, long? Votes = null);

/// <summary>Who signs.</summary>
public enum ActaSigner
{
    /// <summary>The head of the government (governor or mayor): the line carries the government's name, no person's.</summary>
    Authority = 0,

    /// <summary>The cycle manager who issued the version.</summary>
    Manager = 1,

    CommitteeMember = 2,

    Agent = 3,
}

public sealed record ActaSignature(ActaSigner Signer, string Name, string Detail);

/// <summary>Builds an acta's content from the cycle's data, and writes and reads it as the exact text that is hashed.</summary>
public static class ActaContentBuilder
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PE");

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },

        // Accents and ñ stay readable in the stored text; the text is never put into a page as HTML.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string Serialize(ActaContent content) => JsonSerializer.Serialize(content, Json);

    public static ActaContent Deserialize(string json) =>
        JsonSerializer.Deserialize<ActaContent>(json, Json) ?? throw new InvalidOperationException("An acta version has empty content.");

    /// <summary>What the acta would print now for the given stamp, or null when the cycle has no computed result.</summary>
    public static async Task<ActaContent?> BuildAsync(AppDbContext db, Cycle cycle, ActaStamp stamp, CancellationToken ct)
    {
        var list = await ApprovedListQuery.ForCycleAsync(db, cycle.Id, ct);
        if (list is null)
        {
            return null;
        }

        var jurisdiction = await db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Ubigeo == cycle.JurisdictionUbigeo, ct);
        var government = GovernmentNames.Of(jurisdiction, SpanishText.Instance);

        var ubigeos = list.Projects.SelectMany(p => p.DistrictUbigeos).Distinct().ToList();
        var districtNames = ubigeos.Count == 0
            ? new Dictionary<string, string>()
            : await db.Jurisdictions.AsNoTracking().Where(j => ubigeos.Contains(j.Ubigeo)).ToDictionaryAsync(j => j.Ubigeo, j => j.Name, ct);

        var projects = list.Projects
            .OrderBy(p => p.Rank)
            .Select(p => new ActaProject(
                p.Rank,
                p.Name,
                p.Cui,
                [.. p.DistrictUbigeos.Select(u => districtNames.GetValueOrDefault(u) ?? u)],
                p.ThisCycleAmount.Centimos,
                p.TotalCost.Centimos,
                [.. p.Cofinancing.Select(c => new ActaCofinancing(c.Government, c.Amount.Centimos))]))
            .ToList();

        var commitments = (await db.Commitments.AsNoTracking().Where(c => c.CycleId == cycle.Id).ToListAsync(ct))
            .OrderBy(c => c.Party).ThenBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .Select(c => new ActaCommitment(c.Party, c.Text, c.Responsible, c.DueDate))
            .ToList();

        var committee = (await CommitteeQueries.MembersAsync(db, cycle.Id, ct))
            .OrderBy(m => m.Rank)
            .Select(m => new ActaPerson(m.FullName, m.OrganizationName, m.Rank, m.Votes))
            .ToList();

        var present = await AgentsPresentAsync(db, cycle.Id, ct);

        var signatures = new List<ActaSignature>
        {
            new(ActaSigner.Authority, "", government),
            new(ActaSigner.Manager, stamp.IssuedBy, government),
        };
        signatures.AddRange(committee.Select(m => new ActaSignature(ActaSigner.CommitteeMember, m.Name, m.Organization)));
        var committeeNames = committee.Select(m => (m.Name, m.Organization)).ToHashSet();
        signatures.AddRange(present.Where(a => !committeeNames.Contains((a.Name, a.Organization))).Select(a => new ActaSignature(ActaSigner.Agent, a.Name, a.Organization)));

        return new ActaContent(
            stamp.Number,
            stamp.IssuedAt,
            stamp.IssuedBy,
            stamp.Reason,
            cycle.Id,
            cycle.Name,
            cycle.JurisdictionUbigeo,
            jurisdiction.Name,
            government,
            cycle.FiscalYear,
            stamp.WorkshopDate,
            stamp.Place,
            list.Ceiling.Centimos,
            list.Total.Centimos,
            projects,
            commitments,
            committee,
            present,
            signatures);
    }

    /// <summary>
    /// The agents present: accredited agents of the cycle marked present at one of its formalization
    /// workshops, and the agents who cast a ballot in its final vote; by name.
    /// </summary>
    public static async Task<IReadOnlyList<ActaPerson>> AgentsPresentAsync(AppDbContext db, int cycleId, CancellationToken ct)
    {
        var atWorkshop = await (
                from attendance in db.Set<Attendance>()
                join meeting in db.Meetings on attendance.MeetingId equals meeting.Id
                where meeting.CycleId == cycleId && meeting.Kind == MeetingKind.FormalizationWorkshop
                select attendance.AgentId)
            .ToListAsync(ct);
        var voted = await (
                from ballot in db.AgentBallots
                join vote in db.FinalVotes on ballot.FinalVoteId equals vote.Id
                where vote.CycleId == cycleId
                select ballot.AgentId)
            .ToListAsync(ct);
        var ids = atWorkshop.Concat(voted).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var agents = await (
                from agent in db.Agents.AsNoTracking()
                join organization in db.Organizations.AsNoTracking() on agent.OrganizationId equals organization.Id
                where ids.Contains(agent.Id) && agent.CycleId == cycleId && agent.IsAccredited
                select new { agent.GivenNames, agent.Surnames, Organization = organization.Name })
            .ToListAsync(ct);
        var byName = StringComparer.Create(Spanish, CompareOptions.IgnoreCase);
        return agents
            .Select(a => new ActaPerson($"{a.GivenNames} {a.Surnames}", a.Organization))
            .OrderBy(a => a.Name, byName).ThenBy(a => a.Organization, byName)
            .ToList();
    }

    /// <summary>The Spanish keys themselves: the acta is a record, its names are kept in Spanish whoever issues it.</summary>
    private sealed class SpanishText : IStringLocalizer
    {
        public static readonly SpanishText Instance = new();

        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(Spanish, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
