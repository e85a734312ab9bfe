using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Pages.Cycles.Committee;

/// <summary>
/// The manager's side of the oversight committee election: set it up in Formalization (seats, the
/// sex rule), record or withdraw candidacies before it opens, schedule, open and close it (with a
/// confirmation), follow the turnout without seeing any ballot, and once closed count it (with a
/// confirmation): the elected members get the oversight role. Every change goes through
/// <see cref="CommitteeElection"/>; a refused one is a message on the page with the input kept.
/// </summary>
public sealed class IndexModel(
    AppDbContext db,
    CurrentActor currentActor,
    TimeProvider clock,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public sealed class SettingsInput
    {
        public int? Seats { get; set; }

        public bool MixedSexRequired { get; set; }
    }

    /// <summary>An accredited agent who may still stand.</summary>
    public sealed record AgentOption(int AgentId, string Name, string Organization);

    /// <summary>A candidate with its approvals, shown only once the election is counted.</summary>
    public sealed record TallyRow(CommitteeCandidateView Candidate, long Approvals, int? Rank, bool ByMixedSexRule);

    [BindProperty]
    public SettingsInput Settings { get; set; } = new() { Seats = CommitteeElection.DefaultSeats, MixedSexRequired = true };

    [BindProperty]
    public ScheduleInput Schedule { get; set; } = new();

    [BindProperty]
    public bool Confirm { get; set; }

    [BindProperty]
    public int? AgentId { get; set; }

    /// <summary>The election's version when the form was shown: a change over a newer one is refused.</summary>
    [BindProperty(Name = "ElectionVersion")]
    public int? PostedElectionVersion { get; set; }

    public CommitteeElection? Election { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public CommitteeElectionState State => Election!.StateAt(Now);

    public bool CanManage => Cycle.Phase == Phase.Formalization;

    public IReadOnlyList<CommitteeCandidateView> Candidates { get; private set; } = [];

    public IReadOnlyList<AgentOption> CanStand { get; private set; } = [];

    public IReadOnlyList<CommitteeMemberView> Members { get; private set; } = [];

    public IReadOnlyList<TallyRow> Tally { get; private set; } = [];

    public int Turnout { get; private set; }

    /// <summary>Accredited titulars not recorded absent at the final vote, and the suplentes called in.</summary>
    public int Eligible { get; private set; }

    public int ElectionVersion => Election is null ? 0 : Db.Entry(Election).Property<int>("Version").CurrentValue;

    /// <summary>The sex rule was required but every member is of one sex: no candidate of the other sex stood.</summary>
    public bool MixedSexUnmet => Election is { MixedSexRequired: true, IsCounted: true } && Members.Count >= 2 && Members.Select(m => m.Sex).Distinct().Count() == 1;

    public string Lima(DateTimeOffset instant) => LimaTime.Format(instant);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadElectionAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await FillAsync(cancellationToken);
        Prefill();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadElectionAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Election is not null)
        {
            // A second submit of the same form finds the election set up.
            return Done(t["La elección del comité ya estaba creada."]);
        }

        if (Settings.Seats is not { } seats)
        {
            ModelState.AddModelError("Settings.Seats", t["Indique cuántos miembros tendrá el comité."]);
            return await RedisplayAsync(cancellationToken);
        }

        try
        {
            Db.CommitteeElections.Add(CommitteeElection.Create(Cycle, Actor, seats, Settings.MixedSexRequired, Now));
            await Db.SaveChangesAsync(cancellationToken);
            return Done(t["Elección del comité creada. Registre las candidaturas y fije el horario."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return Done(t["La elección del comité ya estaba creada."]);
        }

        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken, reload: true);
    }

    public async Task<IActionResult> OnPostConfigureAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadElectionAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Election is not { } election)
        {
            return NotFound();
        }

        if (Settings.Seats is not { } seats)
        {
            ModelState.AddModelError("Settings.Seats", t["Indique cuántos miembros tendrá el comité."]);
            return await RedisplayAsync(cancellationToken);
        }

        return await ChangeAsync(() =>
        {
            election.Configure(Cycle, Actor, seats, Settings.MixedSexRequired, Now);
            return t["Datos de la elección guardados."];
        }, cancellationToken, checkVersion: true);
    }

    public async Task<IActionResult> OnPostScheduleAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadElectionAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Election is not { } election)
        {
            return NotFound();
        }

        var open = State == CommitteeElectionState.Open;
        if (open && election.OpensAt is { } opened)
        {
            Schedule.KeepOpening(opened);
        }

        if (!Schedule.TryRead(ModelState, t, out var opens, out var closes))
        {
            return await RedisplayAsync(cancellationToken);
        }

        opens = open ? election.OpensAt!.Value : opens;
        return await ChangeAsync(() =>
        {
            election.Schedule(Cycle, Actor, opens, closes, Now);
            return t["Horario de la elección guardado."];
        }, cancellationToken, checkVersion: true);
    }

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) => ConfirmedMoveAsync(
        id,
        CommitteeElectionState.Open,
        t["La elección ya está abierta."],
        t["Marque la casilla para confirmar que quiere abrir la elección ahora. Después no se reciben candidaturas."],
        election => election.OpenNow(Cycle, Actor, Now),
        t["La elección del comité está abierta: los agentes ya pueden votar."],
        cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) => ConfirmedMoveAsync(
        id,
        CommitteeElectionState.Closed,
        t["La elección ya está cerrada."],
        t["Marque la casilla para confirmar que quiere cerrar la elección ahora. El cierre no se puede deshacer."],
        election => election.CloseNow(Cycle, Actor, Now),
        t["La elección del comité está cerrada. Ya puede hacer el conteo."],
        cancellationToken);

    public async Task<IActionResult> OnPostAddCandidateAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadElectionAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Election is not { } election)
        {
            return NotFound();
        }

        var agent = AgentId is { } agentId
            ? await Db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId && a.CycleId == Cycle.Id, cancellationToken)
            : null;
        if (agent is null)
        {
            ModelState.AddModelError(nameof(AgentId), t["Elija el agente que se presenta como candidato."]);
            return await RedisplayAsync(cancellationToken);
        }

        if (election.IsCandidate(agent.Id))
        {
            return Done(t["{0} ya era candidato.", agent.FullName]);
        }

        return await ChangeAsync(() =>
        {
            election.RecordCandidacy(Cycle, Actor, agent, Now);
            return t["Candidatura de {0} registrada.", agent.FullName];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadElectionAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Election is not { } election)
        {
            return NotFound();
        }

        if (AgentId is not { } agentId || !election.IsCandidate(agentId))
        {
            // Withdrawn already (a second click) or never a candidate: nothing to do.
            return Done(t["Ese agente no es candidato."]);
        }

        return await ChangeAsync(() =>
        {
            election.WithdrawCandidacy(Cycle, Actor, agentId, Now);
            return t["Candidatura retirada."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostCountAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadElectionAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Election is not { } election)
        {
            return NotFound();
        }

        if (election.IsCounted)
        {
            return Done(t["La elección ya fue contada."]);
        }

        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), t["Marque la casilla para confirmar el conteo. El resultado queda fijo."]);
            return await RedisplayAsync(cancellationToken);
        }

        var ballots = await CommitteeQueries.BallotsAsync(Db, election.Id, cancellationToken);
        var candidateIds = election.Candidates.Select(c => c.AgentId).ToList();
        var sexOf = await Db.Agents.AsNoTracking().Where(a => candidateIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Sex, cancellationToken);
        var result = await ChangeAsync(() =>
        {
            election.Count(Cycle, Actor, ballots, sexOf, Now);
            return t["Conteo hecho: el comité de vigilancia quedó elegido."];
        }, cancellationToken);
        if (election.IsCounted && ModelState.IsValid)
        {
            // Saved: the members' accounts get the role (idempotent; rights stay per cycle).
            await CommitteeQueries.GrantOversightRoleAsync(Db, users, roles, Cycle.Id, cancellationToken);
        }

        return result;
    }

    private async Task<IActionResult> ConfirmedMoveAsync(
        int id, CommitteeElectionState target, string already, string confirmFirst, Action<CommitteeElection> move, string done, CancellationToken cancellationToken)
    {
        if (await LoadElectionAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Election is not { } election)
        {
            return NotFound();
        }

        if (State == target)
        {
            return Done(already);
        }

        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), confirmFirst);
            return await RedisplayAsync(cancellationToken);
        }

        return await ChangeAsync(() =>
        {
            move(election);
            return done;
        }, cancellationToken);
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage(new { id = Cycle.Id });
    }

    /// <summary>
    /// Runs a change of the election and saves it. Its version moves with every change (a candidacy
    /// or a count is a change of the election), so two managers acting at once cannot both win.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Func<string> change, CancellationToken cancellationToken, bool checkVersion = false)
    {
        var election = Election!;
        try
        {
            var flash = change();
            var version = Db.Entry(election).Property<int>("Version");
            if (checkVersion && PostedElectionVersion is { } seen)
            {
                version.OriginalValue = seen;
            }

            version.IsModified = true;
            await Db.SaveChangesAsync(cancellationToken);
            return Done(flash);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ModelState.AddModelError("", t["Otra persona modificó la elección mientras usted trabajaba. Revise la página y vuelva a intentarlo."]);
        }

        // Nothing of the refused change stays: the election is read again from the database.
        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken, reload: true);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken, bool reload = false)
    {
        if (reload && await LoadElectionAsync(Cycle.Id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await FillAsync(cancellationToken);
        Prefill();
        return Page();
    }

    private async Task<IActionResult?> LoadElectionAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // One instant per request: the state shown is the state the handler acted on.
        Now = clock.GetUtcNow();
        Election = await CommitteeQueries.OfCycleAsync(Db, id, tracking: true, cancellationToken);
        return null;
    }

    /// <summary>Fields as the election has them (posted values are kept); a new schedule defaults to the final workshop's days.</summary>
    private void Prefill()
    {
        if (Election is not { } election)
        {
            return;
        }

        if (!Request.HasFormContentType)
        {
            Settings.Seats = election.Seats;
            Settings.MixedSexRequired = election.MixedSexRequired;
        }

        var (defaultOpens, defaultCloses) = VoteQueries.DefaultTimes(Cycle, clock);
        var opens = election.OpensAt ?? defaultOpens;
        var closes = election.ClosesAt ?? defaultCloses;
        var o = LimaTime.ToLima(opens).DateTime;
        var c = LimaTime.ToLima(closes).DateTime;
        Schedule.OpensDate ??= DateOnly.FromDateTime(o);
        Schedule.OpensTime ??= new TimeOnly(o.Hour, o.Minute);
        Schedule.ClosesDate ??= DateOnly.FromDateTime(c);
        Schedule.ClosesTime ??= new TimeOnly(c.Hour, c.Minute);
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (Election is not { } election)
        {
            return;
        }

        Candidates = await CommitteeQueries.CandidatesAsync(Db, election, cancellationToken);
        var accredited = await (
                from a in Db.Agents.AsNoTracking()
                join o in Db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                where a.CycleId == Cycle.Id && a.IsAccredited
                select new { a.Id, a.GivenNames, a.Surnames, a.Role, Organization = o.Name })
            .ToListAsync(cancellationToken);
        CanStand = [.. accredited
            .Where(a => !election.IsCandidate(a.Id))
            .OrderBy(a => a.Organization, StringComparer.CurrentCulture).ThenBy(a => a.Role).ThenBy(a => a.Surnames, StringComparer.CurrentCulture).ThenBy(a => a.Id)
            .Select(a => new AgentOption(a.Id, $"{a.GivenNames} {a.Surnames}", a.Organization))];

        var substitutes = await CommitteeQueries.SubstitutesAsync(Db, Cycle.Id, cancellationToken);
        Eligible = accredited.Count(a => a.Role == AgentRole.Titular && !substitutes.Any(s => s.TitularAgentId == a.Id))
            + accredited.Count(a => a.Role == AgentRole.Suplente && substitutes.Any(s => s.SuplenteAgentId == a.Id));
        Turnout = await Db.CommitteeBallots.CountAsync(b => b.CommitteeElectionId == election.Id, cancellationToken);

        if (election.IsCounted)
        {
            Members = await CommitteeQueries.MembersAsync(Db, Cycle.Id, cancellationToken);

            // Counts are shown only after the count: never while the election runs.
            var approvals = (await CommitteeQueries.BallotsAsync(Db, election.Id, cancellationToken))
                .SelectMany(b => b.Approvals).GroupBy(a => a).ToDictionary(g => g.Key, g => g.LongCount());
            var seats = election.Members.ToDictionary(m => m.AgentId);
            Tally = [.. CommitteeCount.Order(Candidates.Select(c => new CommitteeStanding(c.AgentId, approvals.GetValueOrDefault(c.AgentId), c.StoodAt, c.Sex)))
                .Select(s => Candidates.Single(c => c.AgentId == s.AgentId))
                .Select(c => new TallyRow(c, approvals.GetValueOrDefault(c.AgentId), seats.GetValueOrDefault(c.AgentId)?.Rank, seats.GetValueOrDefault(c.AgentId)?.ByMixedSexRule == true))];
        }
    }
}
