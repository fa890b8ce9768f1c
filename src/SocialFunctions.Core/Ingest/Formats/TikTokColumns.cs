namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>TikTok Studio header names: current English, older English and TikTok Business (<c>Video views</c>,
/// <c>Likes</c>, <c>Add to Favorites</c>), and the Swedish UI (seen in real exports).</summary>
internal static class TikTokColumns
{
    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    public static string[] ExportDay => ["Time", "Tid"];
    public static string[] Title => ["Video title", "Videotitel"];
    public static string[] Link => ["Video link", "Videolänk"];
    public static string[] PostTime => ["Post time", "Publiceringstid"];
    public static string[] TotalLikes => ["Total likes", "Likes", "Totalt antal gilla-markeringar", "Gilla-markeringar", "Gillamarkeringar"];
    public static string[] TotalComments => ["Total comments", "Comments", "Totalt antal kommentarer", "Kommentarer"];
    public static string[] TotalShares => ["Total shares", "Shares", "Totalt antal delningar", "Delningar"];
    public static string[] TotalViews => ["Total views", "Video views", "Totalt antal visningar", "Videovisningar"];
    public static string[] Favorites => ["Add to Favorites", "Total favorites", "Lägg till i favoriter", "Favoriter"];

    public static string[] Date => ["Date", "Datum"];
    public static string[] VideoViews => ["Video Views", "Videovisningar"];
    public static string[] ProfileViews => ["Profile Views", "Profilvisningar"];
    public static string[] Likes => ["Likes", "Gilla-markeringar", "Gillamarkeringar"];
    public static string[] Comments => ["Comments", "Kommentarer"];
    public static string[] Shares => ["Shares", "Delningar"];

    public static string[] TotalViewers => ["Total Viewers"];
    public static string[] NewViewers => ["New Viewers"];
    public static string[] ReturningViewers => ["Returning Viewers"];

    public static string[] Followers => ["Followers"];
}
