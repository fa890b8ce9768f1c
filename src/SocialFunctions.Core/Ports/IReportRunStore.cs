using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Ports;

/// <summary>Run records per brand and period; every write is conditional so only one invocation wins a period.</summary>
public interface IReportRunStore
{
    Task<ReportRun?> GetAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken);

    /// <summary>Inserts the run if the period has no record; returns it with its ETag, or null when one exists already.</summary>
    Task<ReportRun?> TryCreateAsync(ReportRun run, CancellationToken cancellationToken);

    /// <summary>Replaces the record if it still has <see cref="ReportRun.ETag"/>; returns it with its new ETag, or null when it changed.</summary>
    Task<ReportRun?> TryUpdateAsync(ReportRun run, CancellationToken cancellationToken);

    /// <summary>All run records of a brand, oldest period first.</summary>
    IAsyncEnumerable<ReportRun> ListAsync(BrandName brand, CancellationToken cancellationToken);
}

/// <summary>Weekly digest runs per brand and week; every write is conditional so only one invocation wins a week.</summary>
public interface IDigestRunStore
{
    Task<Digest.DigestRun?> GetAsync(BrandName brand, Digest.DigestWeek week, CancellationToken cancellationToken);

    /// <summary>Inserts the run if the week has no record; returns it with its ETag, or null when one exists already.</summary>
    Task<Digest.DigestRun?> TryCreateAsync(Digest.DigestRun run, CancellationToken cancellationToken);

    /// <summary>Replaces the record if it still has <see cref="Digest.DigestRun.ETag"/>; returns it with its new ETag, or null when it changed.</summary>
    Task<Digest.DigestRun?> TryUpdateAsync(Digest.DigestRun run, CancellationToken cancellationToken);
}
