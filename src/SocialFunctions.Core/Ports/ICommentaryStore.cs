using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Ports;

/// <summary>The team's commentary ("how we plan to pivot") per brand and report month, stored as sent.</summary>
public interface ICommentaryStore
{
    Task<string?> GetAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken);

    /// <summary>Replaces the month's commentary.</summary>
    Task SaveAsync(BrandName brand, ReportMonth month, string text, CancellationToken cancellationToken);
}
