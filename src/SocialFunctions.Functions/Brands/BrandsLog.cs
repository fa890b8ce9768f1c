namespace SocialFunctions.Functions.Brands;

internal static partial class BrandsLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Saved settings of {Brand} (created {Created})")]
    public static partial void SettingsSaved(ILogger logger, string brand, bool created);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Series rules of {Brand} changed: {Changed} stored posts reassigned")]
    public static partial void SeriesRederived(ILogger logger, string brand, int changed);
}
