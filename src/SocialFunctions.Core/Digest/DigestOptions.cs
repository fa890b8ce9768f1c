using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Core.Digest;

/// <summary>Weekly digest settings (configuration section <c>Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Local time on Monday at which the digest is due, in every brand's own time zone. Default 08:00.</summary>
    public TimeOnly LocalTime { get; set; } = new(8, 0);

    /// <summary>A channel is overdue when no export covers any of the week's last this-many days … Default 7 (the whole week).</summary>
    [Range(1, 90)]
    public int OverdueAfterDays { get; set; } = 7;

    /// <summary>How long a claim protects a week before it is presumed crashed. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StaleClaimAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed attempts after which a week is left alone. Default 3.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;
}
