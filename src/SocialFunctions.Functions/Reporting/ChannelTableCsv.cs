using System.Globalization;
using System.Text;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Functions.Reporting;

/// <summary>
/// The report's channel table as CSV (RFC 4180, invariant numbers, empty cell = not exported): the month's metrics,
/// the engagement components, then the month-over-month change per metric. Text cells that a spreadsheet would
/// run as a formula (starting with = + - @, tab or carriage return) get a leading apostrophe; numeric cells are written
/// by us and stay numbers (a negative change must remain a number).
/// </summary>
internal static class ChannelTableCsv
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
