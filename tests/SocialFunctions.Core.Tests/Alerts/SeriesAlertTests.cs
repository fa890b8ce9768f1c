using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Alerts;

public sealed class SeriesAlertTests
{
    [Fact]
    public void Links_PointAtTheBrandsSeriesAndItsLatestReportOnTheApi()
    {
        var alert = new SeriesAlert
        {
            Kind = AlertKind.Started,
            Health = new SeriesHealth { Brand = "acme-eu", Channel = "instagram", Series = "Tips", Status = SeriesStatus.Underperforming },
            Brand = BrandName.Parse("acme-eu"),
            BrandDisplayName = "Acme EU",
            ReportMonth = ReportMonth.Parse("2026-10"),
            PublicBaseUrl = "https://social.example.com",
            Id = "series-1",
        };

        // The routes of GET /api/brands/{brand}/series and GET /api/brands/{brand}/reports/{month}.pdf.
        Assert.Equal("https://social.example.com/api/brands/acme-eu/series", alert.SeriesUrl);
        Assert.Equal("https://social.example.com/api/brands/acme-eu/reports/2026-10.pdf", alert.ReportUrl);
    }
}
