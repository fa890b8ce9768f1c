namespace SocialFunctions.Core.Ports;

/// <summary>The team's commentary ("how we plan to pivot") per brand and report month, stored as sent.</summary>
public interface ICommentaryStore
{
    /// <param name="brand">The brand.</param>
    /// <param name="month">The report month, <c>yyyy-MM</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<string?> GetAsync(string brand, string month, CancellationToken cancellationToken);

    /// <summary>Replaces the month's commentary.</summary>
    Task SaveAsync(string brand, string month, string text, CancellationToken cancellationToken);
}
