using System.Net;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// Sign-in, registration, ballot posts and downloads are rate limited, answering 429 with
/// Retry-After and a page in Spanish. The partitions suit a workshop behind one address: sign-in
/// counts per account, ballots per person.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class RateLimitTests(LowLimitsPbPeruFactory app) : IClassFixture<LowLimitsPbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";
    private const string LoginForm = "form[novalidate]";

    [Fact]
    public async Task Login_AfterTooManyAttemptsForOneAccount_Answers429WithRetryAfter_WhileAnotherAccountStillSignsIn()
    {
        var email = await CreatePersonAsync();
        var neighbour = await CreatePersonAsync();
        using var client = app.CreateProxiedClient("192.0.2.10");
        for (var attempt = 1; attempt <= LowLimitsPbPeruFactory.LoginPerAccount; attempt++)
        {
            using var wrong = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", email), ("Input.Password", $"equivocada-{attempt}"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var limited = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", email), ("Input.Password", Password));

        await AssertTooManyRequestsAsync(limited);

        // Same address, another account (an agent at the next table of the workshop): signs in.
        using var other = app.CreateProxiedClient("192.0.2.10");
        await other.LoginAsync(neighbour, Password);
    }

    [Fact]
    public async Task Login_FromOneAddressAcrossManyAccounts_HasItsOwnGenerousLimit()
    {
        using var client = app.CreateProxiedClient("192.0.2.11");
        for (var attempt = 1; attempt <= LowLimitsPbPeruFactory.LoginPerAddress; attempt++)
        {
            using var answer = await client.SubmitAsync(
                AppClient.LoginPath, LoginForm, ("Input.Email", $"nadie-{attempt}@prueba.pe"), ("Input.Password", Password));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using var limited = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", "otro-mas@prueba.pe"), ("Input.Password", Password));

        await AssertTooManyRequestsAsync(limited);
    }

    [Fact]
    public async Task Register_AfterTooManyFromOneAddress_Answers429WithRetryAfter()
    {
        for (var attempt = 1; attempt <= LowLimitsPbPeruFactory.Registrations; attempt++)
        {
            using var browser = app.CreateProxiedClient("192.0.2.12");
            using var answer = await Register(browser, $"nueva-{Guid.NewGuid():N}@prueba.pe");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answer.StatusCode);
        }

        using var client = app.CreateProxiedClient("192.0.2.12");
        using var limited = await Register(client, $"nueva-{Guid.NewGuid():N}@prueba.pe");

        await AssertTooManyRequestsAsync(limited);
    }

    [Fact]
    public async Task BallotPosts_AfterTooManyFromOnePerson_Answer429_WhileAnotherPersonAtTheSameAddressGoesOn()
    {
        var voter = await CreatePersonAsync();
        var neighbour = await CreatePersonAsync();
        using var client = app.CreateProxiedClient("192.0.2.13");
        await client.LoginAsync(voter, Password);
        for (var attempt = 1; attempt <= LowLimitsPbPeruFactory.BallotPosts; attempt++)
        {
            using var answer = await client.PostWithTokenAsync("/", "/Voting/Ballot/999999?handler=Cast");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answer.StatusCode);
        }

        using var limited = await client.PostWithTokenAsync("/", "/Voting/Ballot/999999?handler=Cast");

        await AssertTooManyRequestsAsync(limited);
        using var other = app.CreateProxiedClient("192.0.2.13");
        await other.LoginAsync(neighbour, Password);
        using var notLimited = await other.PostWithTokenAsync("/", "/Voting/Ballot/999999?handler=Cast");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, notLimited.StatusCode);
    }

    [Theory]
    [InlineData("/Public/OpenData/index.json", "192.0.2.101")]
    [InlineData("/Public/OpenDataFile/999999/resultados.csv", "192.0.2.102")]
    [InlineData("/Public/ActaPdf/999999", "192.0.2.103")]
    [InlineData("/Public/Report/999999/Pdf", "192.0.2.104")]
    [InlineData("/Public/Ballots/999999", "192.0.2.105")]
    [InlineData("/Public/ExecutionReport/999999?handler=Pdf", "192.0.2.106")]
    public async Task Downloads_AfterTooManyFromOneAddress_Answer429WithRetryAfter(string address, string clientAddress)
    {
        using var client = app.CreateProxiedClient(clientAddress);
        for (var attempt = 1; attempt <= LowLimitsPbPeruFactory.Downloads; attempt++)
        {
            using var answer = await client.GetAsync(address);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answer.StatusCode);
        }

        using var limited = await client.GetAsync(address);

        await AssertTooManyRequestsAsync(limited);
    }

    [Fact]
    public async Task Pages_ThatAreNotDownloads_AreNotLimited()
    {
        using var client = app.CreateProxiedClient("192.0.2.14");
        for (var attempt = 1; attempt <= LowLimitsPbPeruFactory.Downloads * 3; attempt++)
        {
            using var answer = await client.GetAsync("/Public/OpenData");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter > TimeSpan.Zero, $"Retry-After is {retryAfter}.");
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("Demasiadas solicitudes", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains($"Espere {(int)retryAfter.Value.TotalSeconds} segundos y vuelva a intentarlo.", page.Body?.TextContent, StringComparison.Ordinal);
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }

    private static Task<HttpResponseMessage> Register(AppClient client, string email) =>
        client.SubmitAsync("/Account/Register", "#register-form", ("Input.Email", email), ("Input.FullName", "Persona Nueva"), ("Input.Password", Password));

    private async Task<string> CreatePersonAsync()
    {
        var email = $"limite-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona Limitada", Password, [Roles.Agent]);
        return email;
    }
}
