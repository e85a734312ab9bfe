using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Deliberation;

/// <summary>
/// Questions and answers on public proposals, through the pages: who may ask and answer, the
/// official answer, bad input, a double submit, and moderation that hides with a visible reason.
/// </summary>
[Trait("Capability", "Deliberation")]
public sealed class QaTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Ubigeo = "0803";

    private async Task<(ConcertationCycle Data, int ProposalId)> PublicProposalAsync()
    {
        app.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var proposalId = await data.ProposalAsync();
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        return (data, proposalId);
    }

    private async Task<AppClient> PersonAsync(ConcertationCycle data, string name, string[]? roles = null, string? ubigeo = null)
    {
        var email = $"persona-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, name, ProposalTestData.Password, roles ?? [], ubigeo);
        return await data.SignedInAsync(email);
    }

    private static string PublicUrl(ConcertationCycle data, int proposalId) => $"/Public/Proposals/{data.CycleId}/{proposalId}";

    private async Task<int> AskAsync(AppClient client, ConcertationCycle data, int proposalId, string text)
    {
        using var response = await client.SubmitAsync(PublicUrl(data, proposalId), "#question-form", ("Input.Text", text));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await data.ReadAsync(db => db.ProposalQuestions.Where(q => q.ProposalId == proposalId && q.Text == text).Select(q => q.Id).SingleAsync());
    }

    [Fact]
    public async Task ASignedInPersonAsks_TheProposerAndTheTechnicalTeamAnswer_AndTheOfficialAnswerIsHighlighted()
    {
        var (data, proposalId) = await PublicProposalAsync();
        using var citizen = await PersonAsync(data, "Rosa Vecina Huamán");

        var questionId = await AskAsync(citizen, data, proposalId, "¿Cuántas familias tendrán agua?");

        using var proposer = await data.SignedInAsync(data.Organization.Titular.Email);
        var answerPage = await proposer.GetPageAsync($"/Questions/Answer/{questionId}");
        Assert.NotNull(answerPage.QuerySelector("#answer-form textarea#answer-text"));
        Assert.Null(answerPage.QuerySelector("#answer-official")); // the proposer cannot answer officially
        using (var answered = await proposer.SubmitAsync(answerPage, "#answer-form", ("Input.Text", "Unas mil familias del sector alto.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        var (_, technician) = await TechnicianAsync(data, Ubigeo);
        using (technician)
        {
            var page = await technician.GetPageAsync($"/Questions/Answer/{questionId}");
            Assert.NotNull(page.QuerySelector("input#answer-official[type=checkbox]"));
            using var answered = await technician.SubmitAsync(page, "#answer-form", ("Input.Text", "Según el expediente, 1 020 familias."), ("Input.Official", "true"));
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        using var anyone = app.CreateAppClient();
        var publicPage = await anyone.GetPageAsync(PublicUrl(data, proposalId));
        var question = Assert.Single(publicPage.QuerySelectorAll("article.question"));
        Assert.Contains("¿Cuántas familias tendrán agua?", question.TextContent);
        Assert.Contains("Rosa Vecina Huamán", question.TextContent);
        var official = Assert.Single(question.QuerySelectorAll(".answer.official-answer"));
        Assert.Contains("Respuesta oficial", official.QuerySelector(".official-badge")!.TextContent);
        Assert.Contains("Según el expediente, 1 020 familias.", official.TextContent);
        Assert.Equal(2, question.QuerySelectorAll(".answer").Length);
        Assert.Contains("Unas mil familias del sector alto.", question.TextContent);
        Assert.Null(publicPage.QuerySelector("#question-form")); // anonymous: a sign-in link instead

        var answers = await data.ReadAsync(db => db.ProposalAnswers.Where(a => a.QuestionId == questionId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(new[] { AnswererRole.Proposer, AnswererRole.TechnicalTeam }, answers.Select(a => a.Role));
        Assert.Equal(new[] { false, true }, answers.Select(a => a.Official));
    }

    [Fact]
    public async Task OnlyTheProposer_ItsRepresentative_AndTheJurisdictionsTechnicalTeam_Answer()
    {
        var (data, proposalId) = await PublicProposalAsync();
        using var citizen = await PersonAsync(data, "Carlos Curioso");
        var questionId = await AskAsync(citizen, data, proposalId, "¿Quién mantendrá la obra?");
        var url = $"/Questions/Answer/{questionId}";

        // The asker, another agent, a technician of another province: 403, page and post alike.
        var (_, elsewhere) = await TechnicianAsync(data, "0801");
        using (elsewhere)
        {
            foreach (var client in new[] { citizen, elsewhere })
            {
                using var get = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
                using var post = await client.PostWithTokenAsync(PublicUrl(data, proposalId), url, ("Input.Text", "Yo respondo."), ("Input.CreationKey", "forjado"));
                Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            }
        }

        using var suplente = await data.SignedInAsync(data.Organization.Agents[1].Email);
        using (var get = await suplente.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        }

        // The proposer may not claim the technical team's role with a forged form; nor mark official.
        using var proposer = await data.SignedInAsync(data.Organization.Titular.Email);
        using (var forged = await proposer.SubmitAsync(url, "#answer-form", ("Input.Text", "Soy técnico."), ("Input.Role", "TechnicalTeam")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        using (var official = await proposer.SubmitAsync(url, "#answer-form", ("Input.Text", "Oficial."), ("Input.Official", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, official.StatusCode);
            var page = await AppClient.ParseAsync(official);
            Assert.Contains("Solo el equipo técnico puede marcar una respuesta como oficial.", page.QuerySelector("[role=alert]")!.TextContent);
        }

        using var representative = await data.SignedInAsync(data.Organization.RepresentativeEmail);
        using (var answered = await representative.SubmitAsync(url, "#answer-form", ("Input.Text", "La junta vecinal, con la municipalidad.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        var answer = Assert.Single(await data.ReadAsync(db => db.ProposalAnswers.Where(a => a.QuestionId == questionId).ToListAsync()));
        Assert.Equal(AnswererRole.Proposer, answer.Role);
        Assert.Equal(data.Organization.RepresentativeUserId, answer.AuthorUserId);
    }

    [Fact]
    public async Task BadQuestions_AreRefusedWithClearMessages_AndADoubleSubmitMakesOneQuestion()
    {
        var (data, proposalId) = await PublicProposalAsync();
        var draftId = await data.ProposalAsync(ProposalTestData.Details(data, title: "Borrador sin publicar"), submit: false);
        using var citizen = await PersonAsync(data, "Lucía Preguntona");

        // A proposal that is not public: the page says so, and a forged post saves nothing.
        var draftPage = await citizen.GetPageAsync($"/Questions/Ask/{draftId}");
        Assert.Contains("Solo se pueden hacer preguntas sobre propuestas publicadas", draftPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(draftPage.QuerySelector("#question-form"));
        Assert.DoesNotContain("Borrador sin publicar", draftPage.Body!.TextContent);
        using (var forged = await citizen.PostWithTokenAsync($"/Questions/Ask/{proposalId}", $"/Questions/Ask/{draftId}", ("Input.Text", "¿Y esta?"), ("Input.CreationKey", "k1")))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("no es pública", (await AppClient.ParseAsync(forged)).QuerySelector("[role=alert]")!.TextContent);
        }

        // Empty and over-long: the message, the text kept.
        using (var empty = await citizen.SubmitAsync($"/Questions/Ask/{proposalId}", "#question-form", ("Input.Text", "   ")))
        {
            Assert.Contains("Escriba su pregunta.", (await AppClient.ParseAsync(empty)).QuerySelector("[role=alert]")!.TextContent);
        }

        var longText = new string('x', ProposalQuestion.MaxTextLength + 5);
        using (var tooLong = await citizen.SubmitAsync($"/Questions/Ask/{proposalId}", "#question-form", ("Input.Text", longText)))
        {
            var page = await AppClient.ParseAsync(tooLong);
            Assert.Contains("La pregunta admite como máximo 1000 caracteres; la suya tiene 1005.", page.QuerySelector("[role=alert]")!.TextContent);
            Assert.Equal(longText, page.QuerySelector("textarea#question-text")!.TextContent);
        }

        Assert.Equal(0, await data.ReadAsync(db => db.ProposalQuestions.CountAsync(q => q.ProposalId == proposalId || q.ProposalId == draftId)));

        // The same form sent twice, one after the other and then twice at once: one question each.
        var form = await citizen.GetPageAsync(PublicUrl(data, proposalId));
        using (var first = await citizen.SubmitAsync(form, "#question-form", ("Input.Text", "¿Hay expediente técnico?")))
        using (var second = await citizen.SubmitAsync(form, "#question-form", ("Input.Text", "¿Hay expediente técnico?")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal(first.Headers.Location, second.Headers.Location);
        }

        var again = await citizen.GetPageAsync(PublicUrl(data, proposalId));
        var racing = await Task.WhenAll(
            citizen.SubmitAsync(again, "#question-form", ("Input.Text", "¿Cuándo empieza?")),
            citizen.SubmitAsync(again, "#question-form", ("Input.Text", "¿Cuándo empieza?")));
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var r in racing)
        {
            r.Dispose();
        }

        var texts = await data.ReadAsync(db => db.ProposalQuestions.Where(q => q.ProposalId == proposalId).Select(q => q.Text).ToListAsync());
        Assert.Equal(new[] { "¿Cuándo empieza?", "¿Hay expediente técnico?" }, texts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AReportedAnswer_HiddenByTheManager_ShowsItsReason_StaysInTheData_AndEveryActionIsLogged()
    {
        var (data, proposalId) = await PublicProposalAsync();
        using var citizen = await PersonAsync(data, "Mario Reportador");
        var questionId = await AskAsync(citizen, data, proposalId, "¿Cuánto cuesta por familia?");
        using var proposer = await data.SignedInAsync(data.Organization.Titular.Email);
        using (var answered = await proposer.SubmitAsync($"/Questions/Answer/{questionId}", "#answer-form", ("Input.Text", "Llame al 987654321 de mi vecino Juan.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        var answerId = await data.ReadAsync(db => db.ProposalAnswers.Where(a => a.QuestionId == questionId).Select(a => a.Id).SingleAsync());

        // Reported twice by the same person: one report.
        var reportUrl = $"/Questions/Report?questionId={questionId}&answerId={answerId}";
        using (var reported = await citizen.SubmitAsync(reportUrl, "#report-form", ("Reason", "Publica el teléfono de otra persona.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        }

        Assert.NotNull((await citizen.GetPageAsync(reportUrl)).QuerySelector("#already-reported"));
        using (var again = await citizen.PostWithTokenAsync(PublicUrl(data, proposalId), reportUrl, ("QuestionId", $"{questionId}"), ("AnswerId", $"{answerId}")))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(1, await data.ReadAsync(db => db.ContentReports.CountAsync(r => r.TargetId == answerId)));

        // A manager of another province cannot moderate this cycle.
        var outsiderEmail = $"gestor-otro-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(outsiderEmail, "Gestor Ajeno", ProposalTestData.Password, [Roles.CycleManager], "0801");
        using (var outsider = await data.SignedInAsync(outsiderEmail))
        using (var refused = await outsider.GetAsync($"/Cycles/Moderation/{data.CycleId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var manager = await data.ManagerAsync();
        var queueUrl = $"/Cycles/Moderation/{data.CycleId}";
        var queue = await manager.GetPageAsync(queueUrl);
        var item = Assert.Single(queue.QuerySelectorAll("#open-reports .moderation-item"));
        Assert.Contains("Publica el teléfono de otra persona.", item.TextContent);
        var hideForm = $"#open-reports .moderation-item[data-answer-id='{answerId}'] form.hide-form";

        // Without the confirmation, or without a reason: nothing hidden.
        using (var unconfirmed = await manager.SubmitAsync(queue, hideForm, ("Input.Reason", "Datos personales de un tercero.")))
        {
            Assert.Contains("Marque la casilla", (await AppClient.ParseAsync(unconfirmed)).QuerySelector("[role=alert]")!.TextContent);
        }

        using (var noReason = await manager.SubmitAsync(queue, hideForm, ("Input.Reason", " "), ("Input.Confirm", "true")))
        {
            Assert.Contains("Indique el motivo", (await AppClient.ParseAsync(noReason)).QuerySelector("[role=alert]")!.TextContent);
        }

        using (var hidden = await manager.SubmitAsync(queue, hideForm, ("Input.Reason", "Datos personales de un tercero."), ("Input.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        }

        using var anyone = app.CreateAppClient();
        var publicPage = await anyone.GetPageAsync(PublicUrl(data, proposalId));
        var answer = publicPage.QuerySelector($"#answer-{answerId}")!;
        Assert.Contains("Oculto por moderación: Datos personales de un tercero.", answer.QuerySelector(".moderated")!.TextContent);
        Assert.DoesNotContain("987654321", publicPage.Body!.TextContent);

        var stored = await data.ReadAsync(db => db.ProposalAnswers.SingleAsync(a => a.Id == answerId));
        Assert.Equal("Llame al 987654321 de mi vecino Juan.", stored.Text);
        Assert.Equal("Datos personales de un tercero.", stored.Hidden!.Reason);
        Assert.False(await data.ReadAsync(db => db.ContentReports.AnyAsync(r => r.TargetId == answerId && r.ClosedAt == null)));

        // Shown again, with the confirmation; the log lists the three actions, newest first.
        var focused = await manager.GetPageAsync($"{queueUrl}?questionId={questionId}");
        Assert.Empty(focused.QuerySelectorAll("#open-reports .moderation-item"));
        using (var unhidden = await manager.SubmitAsync(focused, $"#hidden-content .moderation-item[data-answer-id='{answerId}'] form.unhide-form", ("Input.Reason", "Revisado con el vecino."), ("Input.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, unhidden.StatusCode);
        }

        Assert.Contains("987654321", (await anyone.GetPageAsync(PublicUrl(data, proposalId))).Body!.TextContent);
        var log = await manager.GetPageAsync(queueUrl);
        Assert.Equal(new string?[] { "Unhidden", "Hidden", "Reported" }, log.QuerySelectorAll("#moderation-log tbody tr").Select(r => r.GetAttribute("data-action")));
        Assert.Contains("Datos personales de un tercero.", log.QuerySelector("#moderation-log")!.TextContent);
        Assert.Null((await data.ReadAsync(db => db.ProposalAnswers.SingleAsync(a => a.Id == answerId))).Hidden);
    }

    private async Task<(string Email, AppClient Client)> TechnicianAsync(ConcertationCycle data, string ubigeo)
    {
        var email = $"tecnico-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Elena Técnica Ccori", ProposalTestData.Password, [Roles.TechnicalTeam], ubigeo);
        return (email, await data.SignedInAsync(email));
    }
}
