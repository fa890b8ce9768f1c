using System.Globalization;
using System.Text;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Host.Problems;

namespace SocialFunctions.Host.Reporting;

/// <summary>
/// The report model as data: <c>GET /api/brands/{brand}/reports/{month}.json</c> (the whole model the PDF renders,
/// numbers unrounded), <c>.csv</c> (the channel table) and <c>PUT …/{month}/commentary</c> (text/plain).
/// </summary>
public static partial class ReportModelEndpoints
{
    public const int MaxCommentaryLength = 20_000;

    public static IEndpointRouteBuilder MapReportModel(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brands/{brand}/reports/{month}.json", GetJsonAsync).WithName("GetReportJson");
        app.MapGet("/api/brands/{brand}/reports/{month}.csv", GetCsvAsync).WithName("GetReportCsv");
        app.MapPut("/api/brands/{brand}/reports/{month}/commentary", PutCommentaryAsync).WithName("PutReportCommentary");
        return app;
    }

    private static async Task<IResult> GetJsonAsync(string brand, string month, ReportModelSource source, CancellationToken cancellationToken)
    {
        var (model, problem) = await BuildAsync(brand, month, source, cancellationToken);
        return problem ?? Results.Ok(model);
    }

    private static async Task<IResult> GetCsvAsync(string brand, string month, ReportModelSource source, CancellationToken cancellationToken)
    {
        var (model, problem) = await BuildAsync(brand, month, source, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return Results.File(
            Encoding.UTF8.GetBytes(ChannelTableCsv.Write(model!)),
            "text/csv; charset=utf-8",
            $"{brand}-{month}-channels.csv");
    }

    private static async Task<IResult> PutCommentaryAsync(
        string brand,
        string month,
        HttpRequest request,
        IBrandSettingsStore brands,
        IUploadLog uploads,
        ICommentaryStore commentary,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (Validate(brand, month, out var name, out var period) is { } invalid)
        {
            return invalid;
        }

        if (request.ContentType is { } type && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type.",
                detail: $"Send the commentary as text/plain (got {type}).");
        }

        // Read one character past the limit so an oversized body is refused without buffering all of it.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxCommentaryLength + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }

        if (read > MaxCommentaryLength)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Commentary too long.",
                detail: $"The commentary is limited to {MaxCommentaryLength:N0} characters; this one is longer.");
        }

        if (await brands.GetAsync(name, cancellationToken) is null && !await HasUploadsAsync(uploads, name, cancellationToken))
        {
            return UnknownBrand(brand);
        }

        var text = new string(buffer, 0, read);
        await commentary.SaveAsync(name, period, text, cancellationToken);
        var logger = loggers.CreateLogger(typeof(ReportModelEndpoints));
        Log.CommentarySaved(logger, brand, month, text.Length);
        return Results.Ok(new { brand, month, characters = text.Length });
    }

    private static async Task<(ReportModel? Model, IResult? Problem)> BuildAsync(
        string brand, string month, ReportModelSource source, CancellationToken cancellationToken)
    {
        if (Validate(brand, month, out var name, out var period) is { } invalid)
        {
            return (null, invalid);
        }

        try
        {
            return (await source.BuildAsync(name, period, cancellationToken), null);
        }
        catch (UnknownBrandException)
        {
            return (null, UnknownBrand(brand));
        }
    }

    private static IResult? Validate(string brand, string month, out BrandName name, out ReportMonth period)
    {
        period = default;
        if (!BrandName.TryParse(brand, out name))
        {
            return ProblemResults.InvalidBrand(brand);
        }

        return ReportMonth.TryParse(month, out period)
            ? null
            : ProblemResults.BadRequest("Invalid month.", $"'{month}' is not a month: use yyyy-MM, e.g. 2026-10.");
    }

    private static IResult UnknownBrand(string brand) =>
        ProblemResults.NotFound("Unknown brand.", $"Brand '{brand}' has no settings and no uploads.");

    private static async Task<bool> HasUploadsAsync(IUploadLog uploads, BrandName brand, CancellationToken cancellationToken)
    {
        await foreach (var _ in uploads.ListAsync(brand, cancellationToken))
        {
            return true;
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Saved commentary of {Brand} for {Month} ({Characters} characters)")]
        public static partial void CommentarySaved(ILogger logger, string brand, string month, int characters);
    }
}

/// <summary>
/// The report's channel table as CSV (RFC 4180, invariant numbers, empty cell = not exported): the month's metrics,
/// the engagement components, then the month-over-month change per metric. Text cells that a spreadsheet would
/// run as a formula (starting with = + - @, tab or carriage return) get a leading apostrophe; numeric cells are written
/// by us and stay numbers (a negative change must remain a number).
/// </summary>
public static class ChannelTableCsv
{
    public static string Write(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var csv = new StringBuilder();
        var header = new List<string> { "channel" };
        header.AddRange(MetricNames.All);
        header.Add("components");
        header.AddRange(MetricNames.All.Select(m => "mom." + m));
        csv.AppendJoin(',', header.Select(TextCell)).Append("\r\n");
        foreach (var channel in model.Channels)
        {
            var cells = new List<string> { TextCell(channel.Channel) };
            cells.AddRange(MetricNames.All.Select(m => Number(MetricNames.ValueOf(channel, m))));
            cells.Add(TextCell(string.Join(' ', channel.Components)));
            cells.AddRange(MetricNames.All.Select(m => Number(channel.Mom.GetValueOrDefault(m))));
            csv.AppendJoin(',', cells).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>A text cell, neutralised against formula injection and quoted when needed.</summary>
    public static string TextCell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
