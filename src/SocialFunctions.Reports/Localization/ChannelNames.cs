namespace SocialFunctions.Reports.Localization;

/// <summary>
/// The one home of channel display names. Channel ids are lower-case in the data; leaders read the platform's own
/// spelling, the same in every language.
/// </summary>
public static class ChannelNames
{
    public static string Of(string channel) => channel switch
    {
        "facebook" => "Facebook",
        "instagram" => "Instagram",
        "x" => "X",
        "linkedin" => "LinkedIn",
        "tiktok" => "TikTok",
        "youtube" => "YouTube",
        "pinterest" => "Pinterest",
        "blog" => "Blog",
        "reddit" => "Reddit",
        _ => channel,
    };
}
