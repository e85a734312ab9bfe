using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;

namespace PbPeru.Web.Pages.Audit;

/// <summary>
/// A cycle's audit record for staff (<c>/Cycles/Audit/{id}</c>): the lines page by page, the
/// verdict of walking the whole chain, and the chain as JSON for the command-line verifier. For the
/// cycle's managers and for administrators; the page lives outside <c>Pages/Cycles</c> because that
/// folder admits cycle managers only. Everyone else gets 403, an unknown cycle 404.
/// </summary>
public sealed class CycleModel(AppDbContext db, CurrentActor currentActor, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    public int CycleId { get; private set; }

    public string CycleName { get; private set; } = "";

    public bool ManagesCycle { get; private set; }

    public AuditVerification Verification { get; private set; } = null!;

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    /// <summary>The shown page of lines, newest first.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Names of the people who appear on the page, by user id.</summary>
    public IReadOnlyDictionary<string, string> ActorNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var chain = await AuditTrail.ChainAsync(db, AuditChains.ForCycle(id), cancellationToken);
        var head = await AuditTrail.HeadAsync(db, id, cancellationToken);
        Verification = AuditVerifier.Verify(head.Chain, chain, head);
        Pager = Pager.For(pageNumber, PageSize, chain.Count);
        Entries = Enumerable.Reverse(chain).Skip(Pager.Skip).Take(PageSize).ToList();
        var actors = Entries.Select(e => e.Actor).Where(a => a.Length > 0).Distinct().ToList();
        ActorNames = await db.Users.AsNoTracking()
            .Where(u => actors.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.FullName) ? u.UserName ?? u.Id : u.FullName, cancellationToken);
        return Page();
    }

    /// <summary>The whole chain as JSON (<see cref="AuditChainFile"/>); the download itself is recorded first, so the file ends on it.</summary>
    public async Task<IActionResult> OnGetJsonAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var fileName = FileName(id);
        await audit.RecordNowAsync(id, AuditActions.ExportDownloaded, $"cycle:{id}", fileName, cancellationToken);
        var chain = AuditChains.ForCycle(id);
        var head = await AuditTrail.HeadAsync(db, id, cancellationToken);
        var entries = await AuditTrail.ChainAsync(db, chain, cancellationToken);
        var buffer = new MemoryStream();
        AuditChainFile.Write(buffer, chain, head, entries);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(buffer.ToArray(), "application/json; charset=utf-8", fileName);
    }

    public static string FileName(int cycleId) => $"auditoria-ciclo-{cycleId}.json";

    public string ActorName(string actor) =>
        actor.Length == 0 ? "" : ActorNames.TryGetValue(actor, out var name) ? name : actor;

    private async Task<IActionResult?> AuthorizeAsync(int id, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Name, c.JurisdictionUbigeo })
            .SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        var actor = await currentActor.GetAsync(cancellationToken);
        ManagesCycle = User.IsInRole(Roles.CycleManager) && actor.ManagesJurisdiction(cycle.JurisdictionUbigeo);
        if (!ManagesCycle && !User.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }

        CycleId = cycle.Id;
        CycleName = cycle.Name;
        return null;
    }
}
