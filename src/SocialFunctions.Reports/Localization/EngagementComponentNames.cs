using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// The one home of engagement component words (the keys of <see cref="Engagement.ComponentNames"/>) as a channel page
/// lists them in a sentence: lower case, in the report's language.
/// </summary>
public static class EngagementComponentNames
{
    public static string Of(string component, ReportLocale locale) => (component, locale.Language == ReportLanguage.French) switch
    {
        (Engagement.Reactions, false) => "reactions",
        (Engagement.Reactions, true) => "réactions",
        (Engagement.Comments, false) => "comments",
        (Engagement.Comments, true) => "commentaires",
        (Engagement.Shares, false) => "shares",
        (Engagement.Shares, true) => "partages",
        (Engagement.Saves, false) => "saves",
        (Engagement.Saves, true) => "enregistrements",
        (Engagement.Clicks, false) => "clicks",
        (Engagement.Clicks, true) => "clics",
        _ => component,
    };
}
