using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SocialFunctions.Functions.Health;
using SocialFunctions.Functions.Http;
using SocialFunctions.Testing;

namespace SocialFunctions.LocalServer.Tests.Access;

/// <summary>
/// Who gets in (SECURITY.md, "Access"): the one check every HTTP function passes through, under the Functions host and
/// on the local server — API keys for machines, the platform's sign-in for people, loopback only when neither is set.
/// </summary>
public sealed class HttpEdgeAccessTests(AzuriteFixture azurite)
{
    private const string Key = "k3y-for-tests-0123456789abcdefghijklmnop";
    private static readonly Lazy<IReadOnlyList<FunctionsMetadata>> Metadata = new(FunctionsMetadata.LoadBuilt);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(AzuriteFixture azurite, Dictionary<string, string?> settings)
    {
        var app = LocalServer.Build(azurite, settings);
        await app.StartAsync(Ct);
        return (app, LocalServer.ClientOf(app));
    }

    /// <summary>One request to every HTTP function the host serves (route values filled in), with the given headers.</summary>
    private static async Task<List<(string Call, HttpStatusCode Status)>> CallEveryFunctionAsync(HttpClient client, IReadOnlyDictionary<string, string> headers)
    {
        var answers = new List<(string, HttpStatusCode)>();
        foreach (var function in Metadata.Value.Where(f => f.TriggerType == "httpTrigger"))
        {
            var path = "api/" + function.Route!.Replace("{brand}", "acme", StringComparison.Ordinal)
                .Replace("{month}", "2026-10", StringComparison.Ordinal).Replace("{report}", "2026-10.json", StringComparison.Ordinal);
            foreach (var method in function.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await client.SendAsync(request, Ct);
                answers.Add(($"{method.ToUpperInvariant()} /{path}", response.StatusCode));
            }
        }

        return answers;
    }

    [Fact]
    public async Task EveryHttpFunction_KeyConfiguredAndNoneSent_Answers401BeforeRunning()
    {
        var (app, client) = await StartAsync(azurite, new() { ["Access:ApiKeys:0"] = Key });
        await using var _ = app;
        using var __ = client;

        var answers = await CallEveryFunctionAsync(client, new Dictionary<string, string>());

        Assert.True(answers.Count >= 10);
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Unauthorized, $"{a.Call} answered {(int)a.Status}"));
    }

    [Fact]
    public async Task EveryHttpFunction_WrongKeyOrForgedPrincipal_Answers401()
    {
        // Platform sign-in is off (as on any host but App Service with authentication): a principal header is anyone's forgery.
        var (app, client) = await StartAsync(azurite, new() { ["Access:ApiKeys:0"] = Key });
        await using var _ = app;
        using var __ = client;

        var wrongKey = await CallEveryFunctionAsync(client, new Dictionary<string, string> { [ApiAccess.KeyHeader] = Key[..^1] + "X" });
        var forged = await CallEveryFunctionAsync(client, new Dictionary<string, string> { [ApiAccess.PrincipalIdHeader] = "00000000-0000-0000-0000-000000000001" });

        Assert.All(wrongKey.Concat(forged), a => Assert.True(a.Status == HttpStatusCode.Unauthorized, $"{a.Call} answered {(int)a.Status}"));
    }

    [Fact]
    public async Task Health_RightKey_Answers200AndTheRefusalSaysHowToGetIn()
    {
        var (app, client) = await StartAsync(azurite, new() { ["Access:ApiKeys:0"] = "an-older-key-still-valid-during-rotation-0001", ["Access:ApiKeys:1"] = Key });
        await using var _ = app;
        using var __ = client;
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "api/health");
        keyed.Headers.Add(ApiAccess.KeyHeader, Key);

        using var ok = await client.SendAsync(keyed, Ct);
        using var refused = await client.GetAsync("api/health", Ct);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(ApiAccess.KeyHeader, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminRoute_KeyConfiguredAndNoneSent_Answers401()
    {
        var (app, client) = await StartAsync(azurite, new() { ["Access:ApiKeys:0"] = Key });
        await using var _ = app;
        using var __ = client;

        using var response = await client.PostAsync("admin/functions/PlanSeriesChecks", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_NoKeysConfigured_OpenOnLoopbackAsUnderCoreTools()
    {
        var (app, client) = await StartAsync(azurite, []);
        await using var _ = app;
        using var __ = client;

        using var response = await client.GetAsync("api/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:7071")]
    [InlineData("http://192.168.1.20:7071")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    public void Build_ListeningBeyondLoopbackWithoutAKey_RefusesToStartSayingWhy(string urls)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => LocalServer.Build(azurite, new Dictionary<string, string?> { ["urls"] = urls }));

        Assert.Contains("without an API key", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Access__ApiKeys__0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ListeningBeyondLoopbackWithAKey_Allowed()
    {
        // Built, not started: fault and access tests stay on loopback.
        await using var app = LocalServer.Build(azurite, new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0", ["Access:ApiKeys:0"] = Key });

        Assert.NotNull(app);
    }

    [Fact]
    public void Build_WeakKey_RefusedAtStart()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => LocalServer.Build(azurite, new Dictionary<string, string?> { ["Access:ApiKeys:0"] = "short" }));

        Assert.Contains("at least 32 characters", refused.Message, StringComparison.Ordinal);
    }

    // --- The decision itself, as the worker makes it under the Functions host ---

    private static ApiAccess Access(HostingMode hosting, Dictionary<string, string?> settings, AccessOptions? options = null) =>
        new(Options.Create(options ?? new AccessOptions()), new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), hosting);

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    [Fact]
    public void Check_FunctionsHostWithNothingConfigured_RefusesEveryoneClosedByDefault()
    {
        var access = Access(HostingMode.FunctionsHost, []);

        Assert.NotNull(access.Check(Request()));
        Assert.NotNull(access.Check(Request((ApiAccess.PrincipalIdHeader, "someone"))));
        Assert.NotNull(access.Check(Request((ApiAccess.KeyHeader, Key))));
    }

    [Fact]
    public void Check_FunctionsHostWithPlatformSignIn_AdmitsTheSignedInPrincipalOnly()
    {
        var access = Access(HostingMode.FunctionsHost, new() { ["WEBSITE_AUTH_ENABLED"] = "True" });

        Assert.Null(access.Check(Request((ApiAccess.PrincipalIdHeader, "8d6a1c3e-0000-0000-0000-000000000001"))));
        Assert.NotNull(access.Check(Request()));
        Assert.NotNull(access.Check(Request((ApiAccess.PrincipalIdHeader, " "))));
    }

    [Fact]
    public void Check_RequiredRole_SignedInWithoutItForbiddenWithItAdmitted()
    {
        var access = Access(HostingMode.FunctionsHost, new() { ["WEBSITE_AUTH_ENABLED"] = "true" }, new AccessOptions { RequiredRole = "SocialFunctions.User" });
        static string Principal(params string[] roles) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            auth_typ = "aad",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims = roles.Select(r => new { typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", val = r })
                .Append(new { typ = "name", val = "Ana" }),
        }));

        var without = access.Check(Request((ApiAccess.PrincipalIdHeader, "ana"), (ApiAccess.PrincipalHeader, Principal("Other.Role"))));
        var with = access.Check(Request((ApiAccess.PrincipalIdHeader, "ana"), (ApiAccess.PrincipalHeader, Principal("SocialFunctions.User"))));
        var garbage = access.Check(Request((ApiAccess.PrincipalIdHeader, "ana"), (ApiAccess.PrincipalHeader, "not base64 {")));

        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>(without).StatusCode);
        Assert.Null(with);
        Assert.NotNull(garbage);
    }

    [Fact]
    public void Check_FunctionsHostWithKeys_AdmitsAConfiguredKeyOnly()
    {
        var options = new AccessOptions();
        options.ApiKeys.Add(Key);
        var access = Access(HostingMode.FunctionsHost, [], options);

        Assert.Null(access.Check(Request((ApiAccess.KeyHeader, Key))));
        Assert.NotNull(access.Check(Request((ApiAccess.KeyHeader, Key + " "))));
        Assert.NotNull(access.Check(Request((ApiAccess.KeyHeader, ""))));
        Assert.NotNull(access.Check(Request()));
    }
}
