using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Formalization;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// Open-data and history fixtures on top of <see cref="ApprovalTestData"/> (Anta, an approval vote of two
/// ballots counted greedily): an acta whose stored content carries commitments, and publication.
/// </summary>
internal static class OpenDataTestData
{
    public static readonly ActaCommitment Road = new(CommitmentParty.Government, "Mantener la trocha carrozable a Pucyura cada año", "Gerencia de Infraestructura", new DateOnly(2028, 3, 31));

    public static readonly ActaCommitment Watch = new(CommitmentParty.CivilSociety, "Vigilar la obra del puente con la Junta Vecinal Ñaña", "Comité de vigilancia", null);

    /// <summary>A cycle in Formalization with its result counted; published when asked, with an acta of two commitments first.</summary>
    public static async Task<ApprovalTestData> CreateAsync(PbPeruFactory app, bool publish, string ubigeo = "0803")
    {
        var data = await ApprovalTestData.CreateAsync(app, ubigeo);
        if (publish)
        {
            await IssueActaAsync(data, Road, Watch);
            await data.AdvanceAsync(Phase.Published);
        }

        return data;
    }

    /// <summary>Issues version 1 of the acta through the domain, its content written as the acta's own serializer writes it.</summary>
    public static Task IssueActaAsync(ApprovalTestData data, params ActaCommitment[] commitments) => data.Data.WriteAsync(async db =>
    {
        var cycle = await data.Data.LoadCycleAsync(db);
        var acta = Acta.Of(cycle);
        acta.Issue(
            cycle,
            data.Data.Manager,
            new ActaFacts(true, true),
            new ActaIssueInput(ApprovalTestData.Day, "Anta, local comunal", null),
            stamp => ActaContentBuilder.Serialize(new ActaContent(
                stamp.Number, stamp.IssuedAt, stamp.IssuedBy, stamp.Reason, cycle.Id, cycle.Name, cycle.JurisdictionUbigeo, "Anta",
                "Municipalidad Provincial de Anta", cycle.FiscalYear, stamp.WorkshopDate, stamp.Place, cycle.Ceiling.Centimos, 0,
                [], commitments, [], [], [])),
            data.App.Clock.GetUtcNow());
        db.Actas.Add(acta);
    });
}
