using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialFunctions.Functions.Health;

namespace SocialFunctions.Functions.Http;

/// <summary>
/// Who may call the HTTP functions, decided in one place for the Functions host and the local server alike
/// (SECURITY.md, "Access"). A request is let in when it carries
/// <list type="number">
/// <item>a configured API key in <c>x-functions-key</c> (compared in constant time) — machine clients; or</item>
/// <item>an identity App Service authentication (Entra ID) put on it — people signed in on the web page, and machine
/// clients with an Entra token. The platform sets <c>X-MS-CLIENT-PRINCIPAL*</c> and strips them from what callers
/// send, so they are trusted only when the platform says authentication is on (<c>WEBSITE_AUTH_ENABLED</c>); or</item>
/// <item>nothing, on the local server without keys, which then listens on loopback only (checked at start).</item>
/// </list>
/// Anything else is a 401 saying how to get in. Under the host with neither keys nor platform authentication
/// configured, every request is refused: a deployment missing its access settings is closed, not open.
/// </summary>
internal sealed class ApiAccess
{
    /// <summary>
    /// The level every HTTP function declares to the Functions host. Not <c>Function</c>: the host grants a level only
    /// for its own keys and never for a user App Service authentication signed in (azure-functions-host
    /// AuthenticationLevelHandler; issue #11394), so the web page, which must never hold a key, could not call a
    /// key-protected function. The platform's sign-in guards the app in front and <see cref="HttpEdge"/> checks every
    /// request in the worker, closed by default (a metadata test holds every HTTP function to this level).
    /// </summary>
    public const AuthorizationLevel HostLevel = AuthorizationLevel.Anonymous;

    public const string KeyHeader = "x-functions-key";
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    private readonly byte[][] _keyHashes;
    private readonly bool _platformAuthentication;
    private readonly string? _requiredRole;
    private readonly HostingMode _hosting;

    public ApiAccess(IOptions<AccessOptions> options, IConfiguration configuration, HostingMode hosting)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keyHashes = [.. options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Hash)];
        _platformAuthentication = string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);
        _requiredRole = string.IsNullOrWhiteSpace(options.Value.RequiredRole) ? null : options.Value.RequiredRole;
        _hosting = hosting;
    }

    /// <summary>True when API keys are configured (the local server may then listen beyond loopback).</summary>
    public bool HasKeys => _keyHashes.Length > 0;

    /// <summary>Null when the request may proceed; else the 401/403 answer to give.</summary>
    public IResult? Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue(KeyHeader, out var key) && HasKeys)
        {
            return IsKnownKey(key.ToString())
                ? null
                : Denied(StatusCodes.Status401Unauthorized, "Invalid API key.", $"The {KeyHeader} header does not hold a key this app accepts. Ask the app's operator for the current key.");
        }

        if (_platformAuthentication && request.Headers.TryGetValue(PrincipalIdHeader, out var principal) && !string.IsNullOrWhiteSpace(principal))
        {
            return _requiredRole is null || HasRole(request.Headers[PrincipalHeader].ToString(), _requiredRole)
                ? null
                : Denied(StatusCodes.Status403Forbidden, "Not allowed.", $"Your account is signed in but does not have the app role '{_requiredRole}'. Ask the app's operator to assign it.");
        }

        if (_hosting == HostingMode.LocalServer && !HasKeys)
        {
            return null;
        }

        return Denied(
            StatusCodes.Status401Unauthorized,
            "Sign-in required.",
            _platformAuthentication || HasKeys
                ? $"Sign in with your organisation's account (/.auth/login/aad), call with an Entra ID token for this app, or send an API key in {KeyHeader}."
                : "This deployment has no access configured: enable App Service authentication (docs/deploy.md, 'Access') or set Access__ApiKeys__0.");
    }

    private bool IsKnownKey(string candidate)
    {
        // Hashing first gives equal-length inputs, so the comparison time says nothing about the key.
        var hash = Hash(candidate);
        var known = false;
        foreach (var keyHash in _keyHashes)
        {
            known |= CryptographicOperations.FixedTimeEquals(hash, keyHash);
        }

        return known;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>Whether the platform's principal (base64 JSON: <c>claims[{typ,val}]</c>, <c>role_typ</c>) holds the role.</summary>
    internal static bool HasRole(string encodedPrincipal, string role)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(encodedPrincipal));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var claim in claims.EnumerateArray())
            {
                var type = claim.TryGetProperty("typ", out var t) ? t.GetString() : null;
                var value = claim.TryGetProperty("val", out var v) ? v.GetString() : null;
                if ((type == roleType || type == "roles") && string.Equals(value, role, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Denied(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

/// <summary>Access settings (section <c>Access</c>); see SECURITY.md.</summary>
internal sealed class AccessOptions : IValidatableObject
{
    public const string Section = "Access";

    /// <summary>API keys machine clients send in <c>x-functions-key</c> (two during a rotation). Empty: none accepted.</summary>
    public IList<string> ApiKeys { get; set; } = [];

    /// <summary>An Entra app role every signed-in caller must hold (e.g. <c>SocialFunctions.User</c>); empty: any principal the platform admits.</summary>
    public string? RequiredRole { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiKeys.Any(k => !string.IsNullOrWhiteSpace(k) && k.Trim().Length < 32))
        {
            yield return new ValidationResult("Access:ApiKeys: every key must be at least 32 characters (e.g. openssl rand -base64 32).");
        }
    }
}
