using System.Diagnostics.Metrics;

namespace SocialFunctions.Functions.Telemetry;

/// <summary>
/// What the pipeline produced, as <see cref="System.Diagnostics.Metrics"/> counters on the meter
/// <see cref="MeterName"/>: exported to Application Insights when it is configured, observable in tests through a
/// <see cref="MeterListener"/>, free when nobody listens.
/// </summary>
internal sealed class PipelineMetrics
{
    public const string MeterName = "SocialFunctions";

    private readonly Counter<long> _rowsIngested;
    private readonly Counter<long> _reportsSent;
    private readonly Counter<long> _alertsPosted;

    public PipelineMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rowsIngested = meter.CreateCounter<long>("socialfunctions.rows.ingested", "{row}", "Rows stored from uploaded exports.");
        _reportsSent = meter.CreateCounter<long>("socialfunctions.reports.sent", "{report}", "Monthly reports mailed to leadership.");
        _alertsPosted = meter.CreateCounter<long>("socialfunctions.alerts.posted", "{alert}", "Series alerts delivered (Teams card or mail).");
    }

    public void RowsIngested(string channel, int rows)
    {
        if (rows > 0)
        {
            _rowsIngested.Add(rows, new KeyValuePair<string, object?>("channel", channel));
        }
    }

    public void ReportSent() => _reportsSent.Add(1);

    public void AlertPosted(string via) => _alertsPosted.Add(1, new KeyValuePair<string, object?>("via", via));
}
