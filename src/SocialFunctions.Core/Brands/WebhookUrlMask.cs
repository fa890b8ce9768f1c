namespace SocialFunctions.Core.Brands;

/// <summary>
/// The Teams webhook URL is a secret (its query grants posting), so the API only ever shows scheme and host followed by
/// an ellipsis. A client that sends that masked value back means "keep the stored URL".
/// </summary>
public static class WebhookUrlMask
{
    public const string Ellipsis = "…";

    /// <summary><c>https://host…</c>, or null for no URL; a value that is not a URL is masked entirely.</summary>
    public static string? Mask(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}{Ellipsis}" : Ellipsis;
    }

    /// <summary>True when <paramref name="value"/> is what <see cref="Mask"/> shows for <paramref name="storedUrl"/>.</summary>
    public static bool IsMaskOf(string? value, string? storedUrl) =>
        value is not null && value.EndsWith(Ellipsis, StringComparison.Ordinal) && string.Equals(value, Mask(storedUrl), StringComparison.Ordinal);
}
