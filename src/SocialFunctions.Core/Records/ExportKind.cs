namespace SocialFunctions.Core.Records;

/// <summary>The three kinds of data exports carry (exports.md); the model keeps them apart.</summary>
public enum ExportKind
{
    /// <summary>One row per post with lifetime metrics to date; a later export supersedes an earlier one.</summary>
    Posts,

    /// <summary>Metrics of a content item over the export's date range (YouTube table data, GA4 pages).</summary>
    Range,

    /// <summary>One value per day per account-level metric.</summary>
    Daily,
}
