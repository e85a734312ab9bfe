using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Pages.Cycles.Voting;

/// <summary>
/// A computed result as the staff and public result pages show it (the partial <c>_Result</c>):
/// the approved projects in the order the rule chose them, then the others with their support.
/// </summary>
public sealed class ResultView
{
    /// <summary>One ballot item and its line in the result.</summary>
    public sealed record Row(BallotItem Item, ResultLine Line)
    {
        /// <summary>MES: what each supporter paid, in céntimos rounded to the nearest (the count itself stays exact).</summary>
        public Money? SharePerSupporter => Line.SharePerSupporter is { } share
            ? Money.FromCentimos((long)Math.Round(share, MidpointRounding.AwayFromZero))
            : null;
    }

    private ResultView(Cycle cycle, string government, FinalVote vote, VoteResult result, string fileName)
    {
        Cycle = cycle;
        Government = government;
        Vote = vote;
        Result = result;
        FileName = fileName;
        var items = vote.Items.ToDictionary(i => i.Position);
        var rows = result.Lines.Where(l => items.ContainsKey(l.Position)).Select(l => new Row(items[l.Position], l)).ToList();
        Selected = rows.Where(r => r.Line.IsSelected).OrderBy(r => r.Line.SelectionOrder).ToList();
        NotSelected = rows.Where(r => !r.Line.IsSelected).OrderByDescending(r => r.Line.Support).ThenBy(r => r.Item.Position).ToList();
    }

    public Cycle Cycle { get; }

    /// <summary>"Gobierno Regional de Cusco".</summary>
    public string Government { get; }

    public FinalVote Vote { get; }

    public VoteResult Result { get; }

    public IReadOnlyList<Row> Selected { get; }

    public IReadOnlyList<Row> NotSelected { get; }

    /// <summary>The name of the ballots file, for the recount instructions.</summary>
    public string FileName { get; }

    /// <summary>Where the ballots file is downloaded from (staff or public); null hides the link.</summary>
    public string? BallotsUrl { get; set; }

    public Money LeftOver => Result.Budget - Result.TotalCost;

    public bool ShowsShares => VoteLabels.IsEqualShares(Result.Rule);

    /// <summary>A count of ballots (not consensus nor the technical ranking): support means something and the file recounts it.</summary>
    public bool IsCounted => Vote.IsOnline;

    /// <summary>The cycle's vote with its result, or null while there is none.</summary>
    public static async Task<ResultView?> LoadAsync(AppDbContext db, int cycleId, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var vote = await VoteQueries.OfCycleAsync(db, cycleId, tracking: false, cancellationToken);
        if (vote?.Result is not { } result)
        {
            return null;
        }

        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == cycleId, cancellationToken);
        var jurisdiction = await db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Ubigeo == cycle.JurisdictionUbigeo, cancellationToken);
        return new ResultView(cycle, GovernmentNames.Of(jurisdiction, t), vote, result, BallotsFile.FileNameOf(jurisdiction, cycle.FiscalYear));
    }
}
