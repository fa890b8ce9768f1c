using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Ports;

/// <summary>
/// The sentences of the report's insights. Core decides which insights matter and carries their numbers
/// (<see cref="Insight"/>); the Reports project words them, in English and French.
/// </summary>
public interface IInsightWording
{
    /// <summary>The sentence of <paramref name="insight"/> in a report of <paramref name="month"/> for <paramref name="locale"/>.</summary>
    string Sentence(Insight insight, ReportMonth month, ReportLocale locale);
}

/// <summary>The monthly report mail (subject, HTML summary, attachment name), worded by the Reports project.</summary>
public interface IReportMailWording
{
    /// <param name="model">The report the mail carries.</param>
    /// <param name="listedPeriods">Earlier periods archived in a catch-up that the mail lists.</param>
    ComposedMail ReportMail(ReportModel model, IReadOnlyList<ReportMonth> listedPeriods);
}

/// <summary>A series alert as the Teams card and as a mail, worded by the Reports project in the brand's locale.</summary>
public interface ISeriesAlertWording
{
    /// <summary>The Workflows webhook payload (an Adaptive Card message), UTF-8 JSON small enough for Teams.</summary>
    byte[] TeamsPayload(SeriesAlert alert);

    ComposedMail AlertMail(SeriesAlert alert);
}

/// <param name="Subject">The mail's subject.</param>
/// <param name="HtmlBody">The HTML body; every user- or export-supplied text in it is encoded.</param>
/// <param name="AttachmentName">The file name of the attached PDF, when the mail carries one.</param>
public sealed record ComposedMail(string Subject, string HtmlBody, string? AttachmentName = null);

/// <summary>The series detector's evidence as one sentence, worded by the Reports project in the brand's language.</summary>
public interface ISeriesWording
{
    /// <param name="health">A verdict of the series detector.</param>
    /// <param name="timeZone">The brand's time zone for the onset date; UTC when null.</param>
    /// <param name="locale">The language and formats.</param>
    string Evidence(Series.SeriesHealth health, TimeZoneInfo? timeZone, ReportLocale locale);
}

/// <summary>The weekly digest as a mail to the social team and as a Teams card, worded by the Reports project.</summary>
public interface IDigestWording
{
    ComposedMail DigestMail(Digest.WeeklyDigest digest);

    /// <summary>The Workflows webhook payload (an Adaptive Card message), UTF-8 JSON small enough for Teams.</summary>
    byte[] TeamsPayload(Digest.WeeklyDigest digest);
}
