using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests.Trust;

/// <summary>
/// The whole journey (issue 10, point 7): one new cycle of a district with no history — Wanchaq —
/// walked in Chromium from its first day to its published results, every step done through the
/// pages by the person whose job it is: the administrator opens the staff accounts; the new cycle
/// manager configures the cycle; a representative registers its organization and agents; the
/// manager accredits them, trains them and hands over the agent's invitation; the agent creates
/// its account; the representative proposes; the technical team evaluates; the manager publishes
/// the report, coordinates, prepares and opens the votes; the agent votes and elects the
/// committee; the manager closes, counts, issues the acta, records the approvals, exports and
/// publishes; the public sees the results; the agent answers the survey and, as a member of the
/// oversight committee, records a project's execution. The app's clock moves through the
/// calendar; a screenshot is saved at every step.
/// </summary>
[Trait("Capability", "Trust")]
public sealed partial class WholeJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    private const string District = "080108";
    private const string CycleName = "Presupuesto Participativo 2028 de Wanchaq";
    private const string Password = "una frase de paso para el recorrido completo";
    private const string OrganizationName = "Junta Vecinal Santa Mónica de Wanchaq";

    // The agents, as lists find them (a list shows "surnames, given names"; given names are enough here).
    private const string Titular = "Rosa";
    private const string Suplente = "Julián";
    private static readonly string[] Projects =
    [
        "Mejoramiento del parque infantil de Santa Mónica",
        "Renovación de redes de agua potable en la calle Tullumayo",
    ];

    private int _step;

    [Fact]
    public async Task ACompleteCycle_FromConfigurationToTheSurvey_WalkedByEveryRole()
    {
        // Confirmations (send, publish, issue) are answered yes, as a person would.
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        Context.SetDefaultTimeout(20_000);
        var start = LimaTime.Today(App.Factory.Clock);
        SetDay(start, 0);
        var run = Guid.NewGuid().ToString("N")[..8];
        var managerEmail = $"gestora-{run}@wanchaq.gob.pe";
        var evaluatorEmail = $"tecnico-{run}@wanchaq.gob.pe";
        var representativeEmail = $"junta-{run}@prueba.pe";
        var agentEmail = $"rosa-{run}@prueba.pe";

        // 1. Configure. The administrator opens the accounts of the district's cycle manager and technical team.
        await LoginAsync(DemoAccounts.Administrator);
        await CreateStaffAsync(managerEmail, "Lucía Gestora Wanchaq", "CycleManager");
        await CreateStaffAsync(evaluatorEmail, "Mario Técnico Wanchaq", "TechnicalTeam");
        await StepAsync("administrador-cuentas-del-personal");

        // The manager creates the cycle and configures it: calendar, themes, rules (criteria by default).
        await SwitchToAsync(managerEmail, Password);
        await Page.GotoAsync("/Cycles/Create");
        await Page.GetByLabel("Jurisdicción").SelectOptionAsync(District);
        await Page.GetByLabel("Año fiscal").FillAsync("2028");
        await Page.GetByLabel("Nombre del ciclo").FillAsync(CycleName);
        await Page.GetByLabel("Techo presupuestal (S/)").FillAsync("2500000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Crear ciclo" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(DashboardUrl());
        var cycleId = int.Parse(DashboardUrl().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await StepAsync("gestora-ciclo-creado");

        await Page.GotoAsync($"/Cycles/Calendar/{cycleId}");
        foreach (var (step, from, to) in new (string, int, int)[]
                 {
                     ("PreparationPhase", 0, 40), ("CallPublication", 0, 1), ("Registration", 0, 10), ("PreliminaryList", 11, 11),
                     ("Challenges", 12, 16), ("FinalList", 17, 17), ("Training", 18, 25),
                     ("ConcertationPhase", 41, 80), ("ProposalSubmission", 41, 55), ("TechnicalEvaluation", 56, 70),
                     ("CoordinationPhase", 81, 90), ("CoordinationMeetings", 81, 90),
                     ("FormalizationPhase", 91, 130), ("FinalWorkshop", 95, 96), ("CouncilApproval", 97, 120),
                 })
        {
            var row = Page.Locator($"tr:has(input[name$='.Step'][value='{step}'])");
            await row.Locator("input[name$='.Start']").FillAsync(Iso(start, from));
            await row.Locator("input[name$='.End']").FillAsync(Iso(start, to));
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Guardar calendario" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await StepAsync("gestora-calendario");

        await Page.GotoAsync($"/Cycles/Themes/{cycleId}");
        await Page.Locator("[name='Rows[0].Name']").FillAsync("Agua y saneamiento");
        await Page.Locator("[name='Rows[1].Name']").FillAsync("Espacios públicos");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Guardar ejes" }).ClickAsync();
        await ExpectNoErrorsAsync();

        await Page.GotoAsync($"/Cycles/Rules/{cycleId}");
        await Page.Locator("[name='Accreditation.MinimumAccreditedAgents']").FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Guardar reglas de acreditación" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await StepAsync("gestora-reglas");

        await AdvanceAsync(cycleId, "Preparación");
        await StepAsync("gestora-convocatoria-abierta");

        // Anyone sees the call.
        await SignOutAsync();
        await Page.GotoAsync($"/Public/Call/{cycleId}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(CycleName);
        await StepAsync("publico-convocatoria");

        // 2. Register and accredit. A representative creates its account and registers its organization with two agents.
        await Page.GotoAsync("/Account/Register");
        await Page.Locator("[name='Input.Email']").FillAsync(representativeEmail);
        await Page.Locator("[name='Input.FullName']").FillAsync("Elena Quispe Torres");
        await Page.Locator("[name='Input.Password']").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Crear la cuenta" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/Registration$"));
        await Page.RegisterOrganizationAsync(cycleId, new OrganizationForm(
            OrganizationName, "NeighbourhoodAssociation", "RM-0141-2026", District, "Av. de la Cultura 1020, Wanchaq", "Elena Quispe Torres"));
        await Page.AddAgentAsync(new AgentForm("Titular", "45871236", "Rosa", "Huamán Ccopa", "Female", "1979-03-21"));
        await Page.AddAgentAsync(new AgentForm("Suplente", "43368152", "Julián", "Mamani Apaza", "Male", "1985-11-08"));
        await Page.AttachPdfAsync("acta-de-eleccion.pdf");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enviar a revisión" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Enviada");
        await StepAsync("representante-inscripcion-enviada");

        // The manager accepts it, publishes the preliminary list, and the final one after the challenges.
        await SwitchToAsync(managerEmail, Password);
        await Page.GotoAsync($"/Cycles/Registrations/{cycleId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = OrganizationName }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aceptar inscripción" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Aceptada");
        await StepAsync("gestora-inscripcion-aceptada");

        await SwitchToAsync(managerEmail, Password, day: 11, start);
        await Page.GotoAsync($"/Cycles/Accreditation/{cycleId}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicar la lista preliminar" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Lista preliminar publicada");
        await SwitchToAsync(managerEmail, Password, day: 17, start);
        await Page.GotoAsync($"/Cycles/Accreditation/{cycleId}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicar la lista final" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Publicar la lista final" })).ToHaveCountAsync(0);
        await StepAsync("gestora-lista-final");

        // The training: a session on the next day, and both agents marked present at it.
        await Page.GotoAsync($"/Cycles/Training/{cycleId}");
        await Page.Locator("[name='Input.Title']").FillAsync("Capacitación a agentes participantes");
        await Page.Locator("[name='Input.Date']").FillAsync(Iso(start, 18));
        await Page.Locator("[name='Input.Time']").FillAsync("09:00");
        await Page.Locator("[name='Input.Place']").FillAsync("Auditorio de la Municipalidad de Wanchaq");
        await Page.Locator("[name='Input.Trainer']").FillAsync("Equipo técnico municipal");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Programar sesión" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await SwitchToAsync(managerEmail, Password, day: 18, start);
        await Page.GotoAsync($"/Cycles/Training/{cycleId}");
        await Page.Locator("#sessions").GetByRole(AriaRole.Link, new() { Name = "Asistencia", Exact = true }).ClickAsync();
        foreach (var name in new[] { Titular, Suplente })
        {
            await Page.Locator("#attendance-form label", new() { HasText = name }).ClickAsync();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Guardar asistencia" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await Page.GotoAsync($"/Cycles/Training/{cycleId}");
        await Assertions.Expect(Page.Locator("#trained-count")).ToContainTextAsync("2");
        await StepAsync("gestora-capacitacion");

        // The titular's account: a link handed over in person.
        await Page.GotoAsync($"/Cycles/Invitations/{cycleId}");
        await Page.Locator("#agents tr", new() { HasText = Titular }).GetByRole(AriaRole.Button, new() { Name = "Enlace para entregar" }).ClickAsync();
        var invitation = (await Page.Locator("#handover-link").InnerTextAsync()).Trim();
        Assert.Contains("/Account/Invitation", invitation, StringComparison.Ordinal);
        await StepAsync("gestora-enlace-de-invitacion");

        await SignOutAsync();
        await Page.GotoAsync(invitation);
        await Assertions.Expect(Page.Locator("#agent-name")).ToContainTextAsync("Rosa");
        await Page.Locator("[name='Input.Email']").FillAsync(agentEmail);
        await Page.Locator("[name='Input.Password']").FillAsync(Password);
        await Page.Locator("[name='Input.ConfirmPassword']").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Crear mi cuenta" }).ClickAsync();
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex("/Account/Invitation"));
        await StepAsync("agente-cuenta-creada");

        // The gate of Concertation holds: the manager moves the cycle on, on the first day of the phase.
        await SwitchToAsync(managerEmail, Password, day: 41, start);
        await AdvanceAsync(cycleId, "Concertación");

        // 3. Propose and evaluate. The representative presents two projects.
        await SwitchToAsync(representativeEmail, Password);
        foreach (var (title, cost, theme) in Projects.Zip([380_000, 1_450_000], ["Espacios públicos", "Agua y saneamiento"]))
        {
            await Page.GotoAsync($"/Proposals/Create?cycleId={cycleId}");
            await Page.Locator("[name='Input.Title']").FillAsync(title);
            await Page.Locator("[name='Input.Description']").FillAsync($"{title}: obra pedida por los vecinos en las asambleas de la junta.");
            await Page.Locator("[name='Input.ThemeId']").SelectOptionAsync(new SelectOptionValue { Label = theme });
            await Page.Locator("[name='Input.Districts']").SelectOptionAsync(District);
            await Page.Locator("[name='Input.EstimatedCost']").FillAsync(cost.ToString(CultureInfo.InvariantCulture));
            await Page.Locator("[name='Input.Beneficiaries']").FillAsync("2400");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Guardar borrador" }).ClickAsync();
            await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/Proposals/Edit/[0-9]+"));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Presentar propuesta" }).ClickAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Presentar propuesta" })).ToHaveCountAsync(0);
        }

        await StepAsync("representante-propuestas-presentadas");

        // The manager assigns them to the technical team, which evaluates them.
        await SwitchToAsync(managerEmail, Password, day: 56, start);
        await Page.GotoAsync($"/Cycles/Evaluation/{cycleId}");
        foreach (var title in Projects)
        {
            await Page.Locator("tr", new() { HasText = title }).GetByRole(AriaRole.Button, new() { Name = "Asignar" }).ClickAsync();
            await Assertions.Expect(Page.Locator("tr", new() { HasText = title })).ToContainTextAsync("Mario Técnico Wanchaq");
        }

        await StepAsync("gestora-evaluaciones-asignadas");

        await SwitchToAsync(evaluatorEmail, Password);
        foreach (var (title, score) in Projects.Zip([3, 2]))
        {
            await Page.GotoAsync("/Evaluation");
            await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Page.Locator("#eligible-yes").CheckAsync();
            await Page.Locator("#viability-Viable").CheckAsync();
            await Page.Locator("#reason").FillAsync("Atiende una necesidad del distrito y su costo es razonable.");
            foreach (var radio in await Page.Locator($"input[type=radio][id^='score-'][id$='-{score}']").AllAsync())
            {
                await radio.CheckAsync();
            }

            if (title == Projects[0])
            {
                await StepAsync("equipo-tecnico-ficha-de-evaluacion");
            }

            await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar evaluación" }).ClickAsync();
            await Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex("/Evaluation/Sheet/"));
        }

        // The manager publishes the technical report; the gate of Coordination holds.
        await SwitchToAsync(managerEmail, Password);
        await Page.GotoAsync($"/Cycles/Evaluation/{cycleId}/Report");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicar el informe técnico" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Publicar el informe técnico" })).ToHaveCountAsync(0);
        await StepAsync("gestora-informe-tecnico-publicado");
        await SwitchToAsync(managerEmail, Password, day: 81, start);
        await AdvanceAsync(cycleId, "Coordinación");

        // 4. Coordinate: the meeting with the province is recorded in the minutes.
        await Page.GotoAsync($"/Cycles/Coordination/{cycleId}");
        await Page.Locator("#Meeting_Place").FillAsync("Municipalidad Provincial del Cusco");
        await Page.Locator("#Meeting_Attendees_0__Name").FillAsync("Lucía Gestora Wanchaq");
        await Page.Locator("#Meeting_Attendees_0__Office").FillAsync("Gerente de Planeamiento y Presupuesto");
        await Page.Locator("#Meeting_Attendees_0__Government").SelectOptionAsync(District);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar reunión" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".meetings")).ToContainTextAsync("Lucía Gestora Wanchaq");
        await Page.Locator("#MinutesInput_Text").FillAsync("Sin proyectos superpuestos con la provincia ni con la región; cada gobierno ejecuta su lista.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar acta" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await StepAsync("gestora-acta-de-coordinacion");
        await SwitchToAsync(managerEmail, Password, day: 91, start);
        await AdvanceAsync(cycleId, "Formalización");

        // 5. Vote. The manager prepares the final vote and the committee's election, and opens both.
        await SwitchToAsync(managerEmail, Password, day: 95, start);
        await Page.GotoAsync($"/Cycles/Voting/{cycleId}");
        await ScheduleAsync(Page.Locator("form.prepare-form"), start, 95);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preparar la votación" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await Page.Locator("#confirm-open").CheckAsync();
        await Page.Locator("form.open-form").GetByRole(AriaRole.Button, new() { Name = "Abrir ahora" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#vote-state .state")).ToHaveTextAsync("Abierta");
        await StepAsync("gestora-votacion-abierta");

        await Page.GotoAsync($"/Cycles/Committee/{cycleId}");
        await Page.Locator("#Settings_Seats").FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preparar la elección" }).ClickAsync();
        await ExpectNoErrorsAsync();
        foreach (var name in new[] { Titular, Suplente })
        {
            var option = Page.Locator("#AgentId option", new() { HasText = name });
            await Page.Locator("#AgentId").SelectOptionAsync(await option.GetAttributeAsync("value") ?? "");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar candidatura" }).ClickAsync();
            await Assertions.Expect(Page.Locator("#candidate-list")).ToContainTextAsync(name);
        }

        await Page.Locator("#confirm-open").CheckAsync();
        await Page.Locator("form.open-form").GetByRole(AriaRole.Button, new() { Name = "Abrir ahora" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await StepAsync("gestora-eleccion-del-comite-abierta");

        // The agent votes, on a phone: the first project, reviewed and cast; then the committee.
        await SwitchToAsync(agentEmail, Password);
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/Voting");
        await Page.Locator("li.vote-row", new() { HasTextString = CycleName }).GetByRole(AriaRole.Link, new() { Name = "Votar", Exact = true }).ClickAsync();
        await Page.Locator("form.ballot-form label.ballot-item-label", new() { HasText = Projects[0] }).ClickAsync();
        await StepAsync("agente-cedula");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revisar mi voto" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirmar y emitir mi voto" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#receipt-title")).ToHaveTextAsync("Su voto fue emitido");
        await StepAsync("agente-recibo");

        await Page.GotoAsync($"/Committee/Election/{cycleId}");
        var candidates = Page.Locator("form.committee-ballot-form input[name='Picked']");
        await Assertions.Expect(candidates).ToHaveCountAsync(2);
        await candidates.Nth(0).CheckAsync();
        await candidates.Nth(1).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Emitir mi voto" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".alert-success")).ToBeVisibleAsync();
        await StepAsync("agente-voto-del-comite");
        await Page.SetViewportSizeAsync(1280, 800);

        // 6. Formalize. The manager closes both votes, computes the result and counts the committee.
        await SwitchToAsync(managerEmail, Password);
        await Page.CloseFinalVoteAndComputeAsync(cycleId);
        await Page.GotoAsync($"/Cycles/Voting/Result/{cycleId}");
        await Assertions.Expect(Page.Locator("#approved tbody tr").First).ToContainTextAsync(Projects[0]);
        await StepAsync("gestora-resultado");

        await Page.CloseAndCountCommitteeAsync(cycleId, members: 2);
        await StepAsync("gestora-comite-elegido");

        // The acta, issued with its place; the approvals of the council; the exports.
        await Page.IssueActaAsync(cycleId, "Auditorio de la Municipalidad de Wanchaq");
        await StepAsync("gestora-acta-emitida");

        await SwitchToAsync(managerEmail, Password, day: 100, start);
        await Page.GotoAsync($"/Cycles/Approvals/{cycleId}");
        for (var decision = 1; await Page.Locator("#decide-done").CountAsync() == 0; decision++)
        {
            Assert.True(decision <= 3, "The approval chain did not end after three decisions.");
            await Page.RecordApprovalAsync($"Acuerdo N.º 0{decision}-2027-MDW");
        }

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#export-links").GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        Assert.Equal($"pp-{District}-2028-lista-aprobada.csv", download.SuggestedFilename);
        Assert.Contains(Projects[0], await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8), StringComparison.Ordinal);
        await StepAsync("gestora-aprobaciones-y-exportacion");

        // 7. Publish: every gate holds; the audit chain of the cycle verifies.
        await AdvanceAsync(cycleId, "Resultados publicados");
        await Page.GotoAsync($"/Cycles/Audit/{cycleId}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Cadena íntegra");
        await Assertions.Expect(Page.Locator("main tbody tr", new() { HasText = "Rosa Huamán Ccopa" })).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("main tbody")).ToContainTextAsync($"pp-{District}-2028-lista-aprobada.csv");
        await StepAsync("gestora-auditoria");

        // Anyone sees the results, the acta and the open data.
        await SignOutAsync();
        await Page.GotoAsync($"/Public/Results/{cycleId}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Projects[0]);
        await StepAsync("publico-resultados");
        await Page.GotoAsync($"/Public/Acta/{cycleId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Auditorio de la Municipalidad de Wanchaq");
        await StepAsync("publico-acta");
        await Page.GotoAsync($"/Public/OpenData/{cycleId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("CC BY 4.0");
        await StepAsync("publico-datos-abiertos");

        // 8. Survey: the agent grades the process; as a member of the committee, it records the first project's start.
        await SwitchToAsync(agentEmail, Password);
        await Page.GotoAsync($"/Survey/Answer/{cycleId}");
        foreach (var aspect in new[] { "Overall", "Information", "Training", "TechnicalEvaluation", "Voting", "Transparency" })
        {
            await Page.Locator($"input[type=radio][name={aspect}][value=Good]").CheckAsync();
        }

        await Page.Locator("#Comment").FillAsync("La capacitación ayudó a entender la cédula.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enviar mi evaluación" }).ClickAsync();
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Usted ya respondió esta evaluación");
        await StepAsync("agente-encuesta");

        await Page.GotoAsync($"/Oversight/ExecutionProject/{cycleId}/1");
        await Page.Locator("#Entry_State").SelectOptionAsync("InTender");
        await Page.Locator("#Entry_TenderDate").FillAsync(Iso(start, 99));
        await Page.Locator("#Entry_Observations").FillAsync("Convocatoria publicada en el SEACE.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar la actualización" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await StepAsync("comite-de-vigilancia-ejecucion");

        await SignOutAsync();
        await Page.GotoAsync($"/Public/Execution/{cycleId}/1");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Convocatoria publicada en el SEACE.");
        await StepAsync("publico-seguimiento-de-la-ejecucion");
    }

    private async Task CreateStaffAsync(string email, string name, string role)
    {
        await Page.GotoAsync("/Admin/Users/Create");
        await Page.Locator("[name='Input.Email']").FillAsync(email);
        await Page.Locator("[name='Input.FullName']").FillAsync(name);
        await Page.Locator("[name='Input.Password']").FillAsync(Password);
        await Page.Locator($"input[name='Input.Roles'][value='{role}']").CheckAsync();
        await Page.Locator("[name='Input.JurisdictionUbigeo']").FillAsync(District);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Crear la cuenta" }).ClickAsync();
        await ExpectNoErrorsAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(email);
    }

    /// <summary>The gate holds and the confirmed move lands in <paramref name="phase"/>.</summary>
    private async Task AdvanceAsync(int cycleId, string phase)
    {
        await Page.AdvancePhaseAsync(cycleId);
        await Assertions.Expect(Page.Locator(".phase-steps li.current")).ToHaveTextAsync(phase);
    }

    /// <summary>A vote's window on the given day, from 08:00 to 18:00 in Lima (opened by hand before its time).</summary>
    private static async Task ScheduleAsync(ILocator form, DateOnly start, int day)
    {
        await form.Locator("[name='Schedule.OpensDate']").FillAsync(Iso(start, day + 1));
        await form.Locator("[name='Schedule.OpensTime']").FillAsync("08:00");
        await form.Locator("[name='Schedule.ClosesDate']").FillAsync(Iso(start, day + 1));
        await form.Locator("[name='Schedule.ClosesTime']").FillAsync("18:00");
    }

    private async Task ExpectNoErrorsAsync()
    {
        // Polled in the page, not WaitForLoadStateAsync, which can miss the event (see BrowserTest.LoginAsync).
        await Page.WaitForFunctionAsync("document.readyState !== 'loading'");
        var errors = await Page.Locator(".validation-summary-errors, .field-validation-error, .form-errors, .alert-danger:not(:empty)").AllInnerTextsAsync();
        Assert.True(errors.All(string.IsNullOrWhiteSpace), $"{Page.Url} says: {string.Join(" | ", errors)}");
    }

    private async Task SignOutAsync() => await Context.ClearCookiesAsync();

    /// <summary>Another person at the keyboard, optionally on a later day of the calendar.</summary>
    private async Task SwitchToAsync(string email, string password, int? day = null, DateOnly start = default)
    {
        await SignOutAsync();
        if (day is { } d)
        {
            SetDay(start, d);
        }

        await LoginAsync(email, password);
    }

    private void SetDay(DateOnly start, int day)
    {
        App.Factory.Clock.SetLimaDay(start.AddDays(day));
        Output.WriteLine($"Day {day}: {start.AddDays(day):yyyy-MM-dd}");
    }

    private async Task StepAsync(string name)
    {
        _step++;
        await ScreenshotAsync($"{_step:D2}-{name}");
    }

    private static string Iso(DateOnly start, int day) => start.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("/Cycles/Dashboard/([0-9]+)$")]
    private static partial Regex DashboardUrl();
}
