using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Concertation;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// What the gate Formalization → Published asks beyond the computed result, done through the domain
/// for tests whose subject is elsewhere: a one-seat committee elected without ballots (the first
/// accredited titular stands alone), the acta issued from the real content builder, and the
/// coordination council's and the council's approval. The app's clock moves two minutes on.
/// </summary>
public static class FormalizationSteps
{
    public static async Task CompleteAsync(ConcertationCycle data)
    {
        var clock = data.App.Clock;
        var now = clock.GetUtcNow();
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var agents = await db.Agents.Where(a => a.CycleId == cycle.Id && a.IsAccredited).OrderBy(a => a.Id).ToListAsync();
            var election = CommitteeElection.Create(cycle, data.Manager, 1, false, now);
            db.CommitteeElections.Add(election);
            await db.SaveChangesAsync();
            election.RecordCandidacy(cycle, data.Manager, agents.First(a => a.Role == AgentRole.Titular), now);
            election.OpenNow(cycle, data.Manager, now);
            election.CloseNow(cycle, data.Manager, now.AddMinutes(1));
            election.Count(cycle, data.Manager, [], agents.ToDictionary(a => a.Id, a => a.Sex), now.AddMinutes(1));
        });

        clock.Set(now.AddMinutes(2));
        now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(-5)).DateTime);
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var stamp = new ActaStamp(1, now, data.Manager.DisplayName, today, "Local comunal", null);
            var body = await ActaContentBuilder.BuildAsync(db, cycle, stamp, CancellationToken.None)
                ?? throw new InvalidOperationException("The cycle has no computed result to put in its acta.");
            var acta = Acta.Of(cycle);
            acta.Issue(cycle, data.Manager, new ActaFacts(true, true), new ActaIssueInput(today, "Local comunal", null), s => ActaContentBuilder.Serialize(body.WithStamp(s)), now);
            db.Actas.Add(acta);
        });

        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var chain = ApprovalChain.Start(cycle, now);
            db.ApprovalChains.Add(chain);
            foreach (var body in new[] { ApprovalBody.CoordinationCouncil, ApprovalBody.Council })
            {
                chain.Decide(cycle, data.Manager, actaIssued: true, new ApprovalDecisionInput(body, today, $"Acuerdo {(int)body + 1}-{cycle.FiscalYear}", ApprovalOutcome.Approved, null, null), Guid.NewGuid().ToString("N"), today, now);
            }
        });
    }
}
