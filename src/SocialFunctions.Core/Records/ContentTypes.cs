namespace SocialFunctions.Core.Records;

/// <summary>The content types of the canonical record (metrics.md).</summary>
public static class ContentTypes
{
    public const string Image = "image";
    public const string Video = "video";
    public const string Carousel = "carousel";
    public const string Link = "link";
    public const string Text = "text";
    public const string Reel = "reel";
    public const string Story = "story";
    public const string Short = "short";
    public const string Article = "article";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Image, Video, Carousel, Link, Text, Reel, Story, Short, Article, Other];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}
