using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Execution;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Infrastructure.Execution;

/// <summary>
/// Everything a periodic report prints, as stored when it is issued (amounts in céntimos). Number
/// and IssuedAt/By are null in the draft the committee previews before issuing.
/// </summary>
public sealed record ExecutionReportContent(
    int? Number,
    int CycleId,
    string CycleName,
    string JurisdictionName,
    int FiscalYear,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Summary,
    DateTimeOffset? IssuedAt,
    string? IssuedBy,
    IReadOnlyList<ExecutionReportProject> Projects,
    IReadOnlyList<ExecutionReportMember> Members)
{
    public long ApprovedCentimos => Projects.Sum(p => p.AmountCentimos);

    public long SpentCentimos => Projects.Sum(p => p.SpentCentimos);
}

/// <summary>A project as of the period's end: its latest entry then, and the observations recorded during the period.</summary>
public sealed record ExecutionReportProject(
    int Rank,
    string Name,
    string? Cui,
    long AmountCentimos,
    ExecutionState State,
    int ProgressPercent,
    long SpentCentimos,
    DateTimeOffset? LastUpdate,
    IReadOnlyList<ExecutionReportObservation> Observations);

public sealed record ExecutionReportObservation(DateTimeOffset RecordedAt, string RecordedBy, string Text);

public sealed record ExecutionReportMember(string FullName, string OrganizationName);

public static class ExecutionReportBuilder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(ExecutionReportContent content) => JsonSerializer.Serialize(content, Json);

    public static ExecutionReportContent Deserialize(string json) =>
        JsonSerializer.Deserialize<ExecutionReportContent>(json, Json) ?? throw new InvalidOperationException("An execution report has empty content.");

    /// <summary>
    /// What a report of the period would print now: every approved project with its latest entry
    /// recorded up to the end of <see cref="ExecutionReportInput.PeriodEnd"/> (Lima time), the
    /// observations recorded within the period, and the committee's members.
    /// </summary>
    public static async Task<ExecutionReportContent> BuildAsync(AppDbContext db, Cycle cycle, ExecutionReportInput input, CancellationToken ct)
    {
        var list = await ApprovedListQuery.ForCycleAsync(db, cycle.Id, ct);
        var followUps = (await ExecutionQueries.OfCycleAsync(db, cycle.Id, ct)).ToDictionary(p => p.Rank);
        var members = await CommitteeQueries.MembersAsync(db, cycle.Id, ct);
        var from = LimaTime.At(input.PeriodStart, TimeOnly.MinValue);
        var to = LimaTime.At(input.PeriodEnd.AddDays(1), TimeOnly.MinValue);

        var projects = (list?.Projects ?? []).Select(p =>
        {
            followUps.TryGetValue(p.Rank, out var followUp);
            var latest = followUp?.LatestAsOf(to.AddTicks(-1));
            var observations = followUp is null
                ? []
                : followUp.Between(from, to).Where(e => e.Observations is not null)
                    .Select(e => new ExecutionReportObservation(e.RecordedAt, e.RecordedBy, e.Observations!)).ToList();
            return new ExecutionReportProject(
                p.Rank, p.Name, p.Cui, p.ThisCycleAmount.Centimos,
                latest?.State ?? ExecutionState.NotStarted, latest?.ProgressPercent ?? 0, latest?.Spent.Centimos ?? 0, latest?.RecordedAt,
                observations);
        }).ToList();

        return new ExecutionReportContent(
            null, cycle.Id, cycle.Name, list?.JurisdictionName ?? cycle.JurisdictionUbigeo, cycle.FiscalYear,
            input.PeriodStart, input.PeriodEnd, input.Summary?.Trim() ?? "", null, null,
            projects,
            [.. members.Select(m => new ExecutionReportMember(m.FullName, m.OrganizationName))]);
    }
}
