namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>TikTok Studio header names: current English, older English and TikTok Business (<c>Video views</c>,
/// <c>Likes</c>, <c>Add to Favorites</c>), and the Swedish UI (seen in real exports).</summary>
internal static class TikTokColumns
{
    public static readonly string[] ExportDay = ["Time", "Tid"];
    public static readonly string[] Title = ["Video title", "Videotitel"];
    public static readonly string[] Link = ["Video link", "Videolänk"];
    public static readonly string[] PostTime = ["Post time", "Publiceringstid"];
    public static readonly string[] TotalLikes = ["Total likes", "Likes", "Totalt antal gilla-markeringar", "Gilla-markeringar", "Gillamarkeringar"];
    public static readonly string[] TotalComments = ["Total comments", "Comments", "Totalt antal kommentarer", "Kommentarer"];
    public static readonly string[] TotalShares = ["Total shares", "Shares", "Totalt antal delningar", "Delningar"];
    public static readonly string[] TotalViews = ["Total views", "Video views", "Totalt antal visningar", "Videovisningar"];
    public static readonly string[] Favorites = ["Add to Favorites", "Total favorites", "Lägg till i favoriter", "Favoriter"];

    public static readonly string[] Date = ["Date", "Datum"];
    public static readonly string[] VideoViews = ["Video Views", "Videovisningar"];
    public static readonly string[] ProfileViews = ["Profile Views", "Profilvisningar"];
    public static readonly string[] Likes = ["Likes", "Gilla-markeringar", "Gillamarkeringar"];
    public static readonly string[] Comments = ["Comments", "Kommentarer"];
    public static readonly string[] Shares = ["Shares", "Delningar"];

    public static readonly string[] TotalViewers = ["Total Viewers"];
    public static readonly string[] NewViewers = ["New Viewers"];
    public static readonly string[] ReturningViewers = ["Returning Viewers"];

    public static readonly string[] Followers = ["Followers"];
    public static readonly string[] FollowerDifference = ["Difference in followers from previous day"];
}
