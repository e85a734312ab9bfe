using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Challenges;

/// <summary>The signed-in person's challenges: those they filed, and those against their organizations' agents.</summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor) : PageModel
{
    /// <summary>Enough for anyone's own challenges; the managers' queue is where many are worked through.</summary>
    public const int MaxRows = 200;

    public sealed record Row(int Id, string AgentName, string Organization, string CycleName, string FiledByName, DateTimeOffset FiledAt, ChallengeStatus Status);

    public IReadOnlyList<Row> Filed { get; private set; } = [];

    public IReadOnlyList<Row> Received { get; private set; } = [];

    public bool RepresentsOrganizations { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).UserId;
        var rows =
            from c in db.Challenges
            join e in ChallengeEntry.Query(db, listedOnly: false) on c.AgentId equals e.AgentId
            orderby c.FiledAt descending, c.Id descending
            select new { c.FiledByUserId, e.RepresentativeUserId, Row = new Row(c.Id, e.AgentName, e.Organization, e.CycleName, c.FiledByName, c.FiledAt, c.Status) };

        Filed = await rows.Where(r => r.FiledByUserId == userId).Select(r => r.Row).Take(MaxRows).ToListAsync(cancellationToken);
        Received = await rows.Where(r => r.RepresentativeUserId == userId).Select(r => r.Row).Take(MaxRows).ToListAsync(cancellationToken);
        RepresentsOrganizations = await db.Organizations.AnyAsync(o => o.RepresentativeUserId == userId, cancellationToken);
    }
}
