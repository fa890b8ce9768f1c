using SocialFunctions.Documents.Elements;

namespace SocialFunctions.Documents.Tests.Support;

internal static class Box
{
    /// <summary>A fixed-height block with a name to find it in the layout trace.</summary>
    public static CanvasElement Of(float height, string name) => CanvasElement.Space(height).Named(name);
}
