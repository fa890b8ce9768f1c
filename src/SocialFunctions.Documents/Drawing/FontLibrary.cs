using System.Reflection;
using SkiaSharp;

namespace SocialFunctions.Documents.Drawing;

/// <summary>
/// The fonts shipped inside this assembly (Noto Sans and Noto Emoji, SIL OFL 1.1), loaded once. Typefaces are immutable and safe to
/// share between concurrent renders; the per-render <see cref="SKFont"/> objects are not, see <see cref="TextStyle"/>.
/// </summary>
public sealed class FontLibrary : IDisposable
{
    public const string FamilyName = "Noto Sans";

    private static readonly Lazy<FontLibrary> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private FontLibrary(SKTypeface regular, SKTypeface bold, SKTypeface italic, SKTypeface emoji)
    {
        Regular = regular;
        Bold = bold;
        Italic = italic;
        Emoji = emoji;
    }

    /// <summary>The process-wide instance: fonts are read from the assembly the first time it is asked for.</summary>
    public static FontLibrary Default => Shared.Value;

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Italic { get; }

    /// <summary>Noto Emoji (monochrome, SIL OFL 1.1): the fallback for what Noto Sans cannot draw.</summary>
    public SKTypeface Emoji { get; }

    public SKTypeface Get(FontWeightKind weight) => weight switch
    {
        FontWeightKind.Bold => Bold,
        FontWeightKind.Italic => Italic,
        _ => Regular,
    };

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
        Italic.Dispose();
        Emoji.Dispose();
    }

    private static FontLibrary Load() =>
        new(LoadTypeface("NotoSans-Regular.ttf"), LoadTypeface("NotoSans-Bold.ttf"), LoadTypeface("NotoSans-Italic.ttf"), LoadTypeface("NotoEmoji-Regular.ttf"));

    private static SKTypeface LoadTypeface(string fileName)
    {
        var resource = $"SocialFunctions.Documents.Fonts.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource '{resource}' is missing from the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The font resource '{resource}' is not a readable font.");
    }
}

public enum FontWeightKind
{
    Regular,
    Bold,
    Italic,
}
