using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Pages.Cycles.Training;

namespace PbPeru.Web.Pages.Cycles.Voting;

/// <summary>
/// The manager's side of the final vote: prepare it in Formalization (the ballot from the cycle's
/// list, the times), open and close it, follow the turnout without ever seeing how anyone voted,
/// call a suplente in for an absent titular, and once closed compute the result (or record the
/// workshop's consensus, or rank technically). Every change goes through <see cref="FinalVote"/>;
/// a refused one is a message on the page with the input kept.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t, AuditTrail audit)
    : CyclePageModel(db, currentActor)
{
    public const int PageSize = 50;

    public sealed class ConsensusInput
    {
        /// <summary>The place the workshop gave each ballot item, by its position; blank: not prioritized.</summary>
        public Dictionary<int, string?> Places { get; set; } = [];

        public string? Minutes { get; set; }
    }

    /// <summary>Where an accredited agent stands in the vote.</summary>
    public enum VoterStatus
    {
        /// <summary>A titular who votes.</summary>
        Votes,

        /// <summary>A titular recorded absent: the named suplente votes instead.</summary>
        Absent,

        /// <summary>A suplente called in for an absent titular.</summary>
        Called,

        /// <summary>A suplente not called: does not vote.</summary>
        Reserve,
    }

    /// <summary>One accredited agent: never what it voted, only whether it did.</summary>
    public sealed record VoterRow(
        int AgentId,
        string Name,
        AgentRole Role,
        int OrganizationId,
        string Organization,
        bool TrainingRequired,
        bool Trained,
        bool Voted,
        VoterStatus Status,
        string? Partner);

    public sealed record SuplenteOption(int AgentId, string Name);

    [BindProperty]
    public ScheduleInput Schedule { get; set; } = new();

    [BindProperty]
    public ConsensusInput Consensus { get; set; } = new();

    /// <summary>The confirmation box of opening and closing now.</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    [BindProperty]
    public int? TitularId { get; set; }

    [BindProperty]
    public int? SuplenteId { get; set; }

    /// <summary>The page of the voter list a row's form was on, to come back to it.</summary>
    [BindProperty]
    public int? ReturnPage { get; set; }

    /// <summary>The vote's version when the form was shown: a reschedule or a consensus over a newer one is refused.</summary>
    [BindProperty(Name = "VoteVersion")]
    public int? PostedVoteVersion { get; set; }

    public FinalVote? Vote { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public VoteState State => Vote!.StateAt(Now);

    /// <summary>The vote is prepared and acted on only in Formalization; later the page only reports.</summary>
    public bool CanManage => Cycle.Phase == Phase.Formalization;

    /// <summary>Before a vote exists: the ballot it would list and the budget, from the cycle as it stands.</summary>
    public IReadOnlyList<BallotItemInput> PreviewItems { get; private set; } = [];

    public Money PreviewBudget { get; private set; }

    public bool CycleVotesOnline => VoteLabels.IsOnline(Cycle.VotingRules);

    public int Turnout { get; private set; }

    /// <summary>Accredited titulars not recorded absent, and the suplentes called in.</summary>
    public int Eligible { get; private set; }

    /// <summary>Of the eligible, those who still lack the training the cycle requires.</summary>
    public int EligibleUntrained { get; private set; }

    public IReadOnlyList<VoterRow> Voters { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    /// <summary>Suplentes who may still be called, by organization.</summary>
    public IReadOnlyDictionary<int, List<SuplenteOption>> FreeSuplentes { get; private set; } = new Dictionary<int, List<SuplenteOption>>();

    /// <summary>Support per ballot position while the vote runs, only when the cycle's rules show running counts; otherwise null.</summary>
    public IReadOnlyDictionary<int, long>? RunningSupport { get; private set; }

    public int VoteVersion => Vote is null ? 0 : Db.Entry(Vote).Property<int>("Version").CurrentValue;

    public string Lima(DateTimeOffset instant) => LimaTime.Format(instant);

    // "page" is also the route value naming the Razor page: read only the query's.
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await FillAsync(pageNumber, cancellationToken);
        PrefillSchedule();
        return Page();
    }

    public async Task<IActionResult> OnPostPrepareAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Vote is not null)
        {
            // A second submit of the same form finds the vote prepared.
            return Done(t["La votación ya estaba preparada."]);
        }

        DateTimeOffset opens, closes;
        if (CycleVotesOnline)
        {
            if (!Schedule.TryRead(ModelState, t, out opens, out closes))
            {
                return await RedisplayAsync(cancellationToken);
            }
        }
        else
        {
            // Consensus and the technical ranking have no online vote: nobody casts a ballot, so the
            // times mean nothing. The domain still wants a closing after the opening and in the
            // future, so the vote is recorded as open for one minute from now and the page never
            // shows those times; the result can be recorded at once.
            opens = Now;
            closes = Now.AddMinutes(1);
        }

        try
        {
            var items = await VoteQueries.BallotItemsAsync(Db, Cycle, cancellationToken);
            var budget = await VoteQueries.BudgetAsync(Db, Cycle, cancellationToken);
            Db.FinalVotes.Add(FinalVote.Prepare(Cycle, Actor, items, budget, opens, closes, Now));
            await Db.SaveChangesAsync(cancellationToken);
            return Done(t["Votación preparada."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another request prepared it a moment earlier: show that one.
            return Done(t["La votación ya estaba preparada."]);
        }

        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken, reload: true);
    }

    public async Task<IActionResult> OnPostRescheduleAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Vote is null)
        {
            return NotFound();
        }

        // Once open, the opening stays as it was (the form shows it without a field).
        var open = State == VoteState.Open;
        if (open)
        {
            Schedule.KeepOpening(Vote.OpensAt);
        }

        if (!Schedule.TryRead(ModelState, t, out var opens, out var closes))
        {
            return await RedisplayAsync(cancellationToken);
        }

        if (open)
        {
            opens = Vote.OpensAt;
        }

        return await ChangeAsync(() =>
        {
            Vote.Reschedule(Cycle, Actor, opens, closes, Now);
            return t["Horario de la votación actualizado."];
        }, cancellationToken, checkVersion: true);
    }

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) => ConfirmedMoveAsync(
        id,
        VoteState.Open,
        t["La votación ya está abierta."],
        t["Marque la casilla para confirmar que quiere abrir la votación ahora."],
        vote => vote.OpenNow(Cycle, Actor, Now),
        t["La votación está abierta: los agentes ya pueden votar."],
        cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) => ConfirmedMoveAsync(
        id,
        VoteState.Closed,
        t["La votación ya está cerrada."],
        t["Marque la casilla para confirmar que quiere cerrar la votación ahora. El cierre no se puede deshacer."],
        vote => vote.CloseNow(Cycle, Actor, Now),
        t["La votación está cerrada. Ya puede calcular el resultado."],
        cancellationToken);

    /// <summary>Opens or closes the vote now, once the manager ticked the confirmation; a repeat (double click) just says it is done.</summary>
    private async Task<IActionResult> ConfirmedMoveAsync(
        int id, VoteState target, string already, string confirmFirst, Action<FinalVote> move, string done, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Vote is null)
        {
            return NotFound();
        }

        if (Vote.IsOnline && State == target)
        {
            return Done(already);
        }

        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), confirmFirst);
            return await RedisplayAsync(cancellationToken);
        }

        var vote = Vote;
        return await ChangeAsync(() =>
        {
            move(vote);
            return done;
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAbsenceAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Vote is null)
        {
            return NotFound();
        }

        if (TitularId is null || SuplenteId is null)
        {
            ModelState.AddModelError("", t["Elija el titular ausente y el suplente que vota en su lugar."]);
            return await RedisplayAsync(cancellationToken);
        }

        if (Vote.Substitutions.Any(s => s.TitularAgentId == TitularId && s.SuplenteAgentId == SuplenteId))
        {
            return Done(t["La ausencia ya estaba registrada."]);
        }

        var titular = await Db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == TitularId && a.CycleId == Cycle.Id, cancellationToken);
        var suplente = await Db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == SuplenteId && a.CycleId == Cycle.Id, cancellationToken);
        if (titular is null || suplente is null)
        {
            ModelState.AddModelError("", Messages.SubstitutionRoles.Format());
            return await RedisplayAsync(cancellationToken);
        }

        var titularHasVoted = await Db.AgentBallots.AnyAsync(b => b.FinalVoteId == Vote.Id && b.AgentId == titular.Id, cancellationToken);
        return await ChangeAsync(() =>
        {
            Vote.RecordAbsence(Cycle, Actor, titular, suplente, titularHasVoted, Now);
            return t["Ausencia de {0} registrada: vota {1}.", titular.FullName, suplente.FullName];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostUndoAbsenceAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Vote is null)
        {
            return NotFound();
        }

        if (TitularId is not { } titularId || Vote.Substitutions.FirstOrDefault(s => s.TitularAgentId == titularId) is not { } substitution)
        {
            // Undone already (a second click) or never recorded: nothing to do.
            return Done(t["No hay una ausencia registrada para ese titular."]);
        }

        var suplenteHasVoted = await Db.AgentBallots.AnyAsync(b => b.FinalVoteId == Vote.Id && b.AgentId == substitution.SuplenteAgentId, cancellationToken);
        return await ChangeAsync(() =>
        {
            Vote.UndoAbsence(Cycle, Actor, titularId, suplenteHasVoted, Now);
            return t["Ausencia deshecha: vota el titular."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostCountAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Vote is null)
        {
            return NotFound();
        }

        if (Vote.Result is not null)
        {
            return Done(t["El resultado ya fue calculado."]);
        }

        var ballots = await VoteQueries.BallotsAsync(Db, Vote.Id, cancellationToken);
        return await ChangeAsync(() =>
        {
            Vote.Count(Cycle, Actor, ballots, Now);
            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"vote:{Vote.Id}", $"result computed from {ballots.Count} ballots");
            return t["Resultado calculado."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRankAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Vote is null)
        {
            return NotFound();
        }

        if (Vote.Result is not null)
        {
            return Done(t["El resultado ya fue calculado."]);
        }

        return await ChangeAsync(() =>
        {
            Vote.RankTechnically(Cycle, Actor, Now);
            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"vote:{Vote.Id}", "result computed by technical ranking");
            return t["Resultado calculado por puntaje técnico."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostConsensusAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadVoteAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Vote is null)
        {
            return NotFound();
        }

        if (Vote.Result is not null)
        {
            return Done(t["El consenso ya fue registrado."]);
        }

        var places = new List<(int Place, int Position)>();
        foreach (var item in Vote.Items)
        {
            var text = Consensus.Places.GetValueOrDefault(item.Position);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var place) || place < 1)
            {
                ModelState.AddModelError("", t["El orden de «{0}» debe ser un número entero desde 1.", item.Title]);
                continue;
            }

            places.Add((place, item.Position));
        }

        foreach (var repeated in places.GroupBy(p => p.Place).Where(g => g.Count() > 1))
        {
            ModelState.AddModelError("", t["Dos o más proyectos tienen el mismo puesto ({0}); cada puesto se usa una vez.", repeated.Key]);
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }

        var order = places.OrderBy(p => p.Place).Select(p => p.Position).ToList();
        return await ChangeAsync(() =>
        {
            Vote.RecordConsensus(Cycle, Actor, order, Consensus.Minutes ?? "", Now);
            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"vote:{Vote.Id}", "result recorded by consensus");
            return t["Consenso registrado."];
        }, cancellationToken, checkVersion: true);
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;

        // "page" also names the Razor page among route values, so the list's page goes in the query by hand.
        return ReturnPage is { } listPage && listPage > 1
            ? LocalRedirect($"{Url.Page("/Cycles/Voting/Index", new { id = Cycle.Id })}?page={listPage.ToString(CultureInfo.InvariantCulture)}")
            : RedirectToPage(new { id = Cycle.Id });
    }

    /// <summary>
    /// Runs a change of the vote and saves it. The vote's version moves with every change (a
    /// substitution or a result is a change of the vote), so two managers acting at once cannot both
    /// win; with <paramref name="checkVersion"/> the version is the one the form was shown with.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Func<string> change, CancellationToken cancellationToken, bool checkVersion = false)
    {
        var vote = Vote!;
        try
        {
            var flash = change();
            var version = Db.Entry(vote).Property<int>("Version");
            if (checkVersion && PostedVoteVersion is { } seen)
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
            Db.ChangeTracker.Clear();
            var stored = await VoteQueries.OfCycleAsync(Db, Cycle.Id, tracking: false, cancellationToken);
            if (stored?.Result is not null && vote.Result is not null)
            {
                // Two clicks on "compute": the other one saved the result.
                return Done(t["El resultado ya fue calculado."]);
            }

            ModelState.AddModelError("", t["Otra persona modificó la votación mientras usted trabajaba. Revise la página y vuelva a intentarlo."]);
        }

        // Nothing of the refused change stays: the vote is read again from the database.
        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken, reload: true);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken, bool reload = false)
    {
        if (reload && await LoadVoteAsync(Cycle.Id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await FillAsync(1, cancellationToken);
        PrefillSchedule();
        return Page();
    }

    private async Task<IActionResult?> LoadVoteAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // One instant per request: the state shown is the state the handler acted on.
        Now = clock.GetUtcNow();
        Vote = await VoteQueries.OfCycleAsync(Db, id, tracking: true, cancellationToken);
        return null;
    }

    /// <summary>The schedule fields as the vote has them, or the calendar's final workshop for a new one; posted values are kept.</summary>
    private void PrefillSchedule()
    {
        var (opens, closes) = Vote is { } vote ? (vote.OpensAt, vote.ClosesAt) : VoteQueries.DefaultTimes(Cycle, clock);
        var o = LimaTime.ToLima(opens).DateTime;
        var c = LimaTime.ToLima(closes).DateTime;
        Schedule.OpensDate ??= DateOnly.FromDateTime(o);
        Schedule.OpensTime ??= new TimeOnly(o.Hour, o.Minute);
        Schedule.ClosesDate ??= DateOnly.FromDateTime(c);
        Schedule.ClosesTime ??= new TimeOnly(c.Hour, c.Minute);
    }

    private async Task FillAsync(int page, CancellationToken cancellationToken)
    {
        if (Vote is null)
        {
            PreviewItems = await VoteQueries.BallotItemsAsync(Db, Cycle, cancellationToken);
            PreviewBudget = await VoteQueries.BudgetAsync(Db, Cycle, cancellationToken);
            return;
        }

        if (!Vote.IsOnline)
        {
            return;
        }

        var agents = await (
                from a in Db.Agents.AsNoTracking()
                join o in Db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                where a.CycleId == Cycle.Id && a.IsAccredited
                select new { a.Id, a.GivenNames, a.Surnames, a.Role, a.MustAttendTrainingToVote, a.OrganizationId, Organization = o.Name })
            .ToListAsync(cancellationToken);

        // Sorted here: the role is stored as text, and titulars come before suplentes.
        agents = [.. agents
            .OrderBy(a => a.Organization, StringComparer.CurrentCulture).ThenBy(a => a.OrganizationId)
            .ThenBy(a => a.Role).ThenBy(a => a.Surnames, StringComparer.CurrentCulture).ThenBy(a => a.GivenNames, StringComparer.CurrentCulture).ThenBy(a => a.Id)];
        var voted = (await Db.AgentBallots.Where(b => b.FinalVoteId == Vote.Id).Select(b => b.AgentId).ToListAsync(cancellationToken)).ToHashSet();
        var trained = await TrainingStatus.AttendedAgentIdsAsync(Db, Cycle.Id, cancellationToken);
        var names = agents.ToDictionary(a => a.Id, a => $"{a.GivenNames} {a.Surnames}");
        var absent = Vote.Substitutions.ToDictionary(s => s.TitularAgentId, s => s.SuplenteAgentId);
        var called = Vote.Substitutions.ToDictionary(s => s.SuplenteAgentId, s => s.TitularAgentId);

        var rows = agents.Select(a =>
        {
            var (status, partner) = a.Role == AgentRole.Titular
                ? absent.TryGetValue(a.Id, out var suplente) ? (VoterStatus.Absent, names.GetValueOrDefault(suplente)) : (VoterStatus.Votes, null)
                : called.TryGetValue(a.Id, out var titular) ? (VoterStatus.Called, names.GetValueOrDefault(titular)) : (VoterStatus.Reserve, (string?)null);
            return new VoterRow(a.Id, names[a.Id], a.Role, a.OrganizationId, a.Organization, a.MustAttendTrainingToVote, trained.Contains(a.Id), voted.Contains(a.Id), status, partner);
        }).ToList();

        var eligible = rows.Where(r => r.Status is VoterStatus.Votes or VoterStatus.Called).ToList();
        Eligible = eligible.Count;
        EligibleUntrained = eligible.Count(r => r.TrainingRequired && !r.Trained);
        Turnout = await VoteQueries.TurnoutAsync(Db, Vote.Id, cancellationToken);
        FreeSuplentes = rows
            .Where(r => r.Status == VoterStatus.Reserve)
            .GroupBy(r => r.OrganizationId)
            .ToDictionary(g => g.Key, g => g.Select(r => new SuplenteOption(r.AgentId, r.Name)).ToList());

        Pager = Pager.For(page, PageSize, rows.Count);
        Voters = rows.Skip(Pager.Skip).Take(PageSize).ToList();

        // Running counts only where the cycle's rules publish them; after the close the result says it all.
        if (Vote.Rules.RunningCountsVisible && State == VoteState.Open)
        {
            var election = VoteCount.ElectionOf(Vote, await VoteQueries.BallotsAsync(Db, Vote.Id, cancellationToken));
            RunningSupport = Vote.Items.ToDictionary(i => i.Position, i => election.SupportOf(i.Key));
        }
    }
}
