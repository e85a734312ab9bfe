using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.Cycles.Meetings;
using QRCoder;

namespace PbPeru.Web.Pages.AgentRecord;

/// <summary>
/// The signed-in agent's personal pass for a cycle: a QR code with the address of the staff's scan
/// page and a signed token naming the agent, valid <see cref="AgentPass.Lifetime"/>.
/// </summary>
public sealed class PassModel(AppDbContext db, TimeProvider clock, IDataProtectionProvider protection) : PageModel
{
    public string Name { get; private set; } = "";

    public string CycleName { get; private set; } = "";

    public string Organization { get; private set; } = "";

    public bool IsAccredited { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    public int CycleId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var agent = await FindAsync(cycleId, cancellationToken);
        if (agent is null)
        {
            return NotFound();
        }

        CycleId = cycleId;
        Name = agent.Name;
        CycleName = agent.CycleName;
        Organization = agent.Organization;
        IsAccredited = agent.IsAccredited;
        ValidUntil = DateOnly.FromDateTime(LimaTime.ToLima(clock.GetUtcNow() + AgentPass.Lifetime).DateTime);
        return Page();
    }

    /// <summary>The QR code itself, as SVG: the scan page's absolute address with a fresh token.</summary>
    public async Task<IActionResult> OnGetCodeAsync(int cycleId, CancellationToken cancellationToken)
    {
        var agent = await FindAsync(cycleId, cancellationToken);
        if (agent is null || !agent.IsAccredited)
        {
            return NotFound();
        }

        var token = AgentPass.Issue(protection, agent.Id, clock.GetUtcNow());
        var url = Url.Page("/Cycles/Meetings/Scan", pageHandler: null, values: new { token }, protocol: Request.Scheme)!;
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(svg), "image/svg+xml");
    }

    /// <summary>The person's own agent record in the cycle, found by the account, never by an id in the address.</summary>
    private async Task<PassAgent?> FindAsync(int cycleId, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        return await db.Agents.AsNoTracking()
            .Where(a => a.UserId == userId && a.CycleId == cycleId)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a, Organization = o.Name })
            .Join(db.Cycles, x => x.a.CycleId, c => c.Id, (x, c) => new PassAgent(
                x.a.Id, x.a.GivenNames + " " + x.a.Surnames, x.Organization, c.Name, x.a.IsAccredited))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record PassAgent(int Id, string Name, string Organization, string CycleName, bool IsAccredited);

    /// <summary>For the page: the date the pass is valid until.</summary>
    public string ValidUntilText => LimaTime.Format(ValidUntil);
}
