using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace SocialFunctions.Documents.Drawing;

/// <summary>
/// The fonts of one PDF render. The counting pass records every character each typeface draws; before the drawing
/// pass, each typeface is replaced by its subset (those characters plus <see cref="BaseRepertoire"/>), which is what the
/// PDF embeds. Measuring keeps using the whole typefaces: a subset keeps each kept glyph's advance, so the layout of the
/// two passes is the same. Not thread-safe: one instance per render.
/// </summary>
public sealed class RenderFonts : IDisposable
{
    private static readonly ConditionalWeakTable<SKTypeface, byte[]> FontFiles = [];

    private readonly Dictionary<SKTypeface, HashSet<int>> used = [];
    private readonly Dictionary<SKTypeface, SKTypeface> subsets = [];
    private readonly Dictionary<(SKTypeface, float), SKFont> drawFonts = [];
    private readonly Dictionary<SKTypeface, SKShaper> shapers = [];
    private readonly HashSet<SKTypeface> shaped = [];
    private readonly List<SKTypeface> owned = [];

    /// <summary>
    /// Subsets shared between renders: most documents draw only characters of <see cref="BaseRepertoire"/>, so their
    /// subsets are the same bytes. Reusing the typeface skips cutting it again and, above all, keeps Skia's glyph cache
    /// for it warm (a new typeface loads and hints every glyph again). A null value: HarfBuzz refused that subset.
    /// Bounded: past <see cref="MaxSharedSubsets"/> signatures, renders cut their own subsets as before.
    /// </summary>
    private static readonly ConcurrentDictionary<SubsetKey, SKTypeface?> SharedSubsets = new();

    private const int MaxSharedSubsets = 64;

    /// <summary>
    /// Characters every subset keeps, whatever the text: what charts (drawn by ScottPlot with fixed subsets)
    /// and page numbers may print — ASCII, Latin-1, the Latin-Extended-A ligatures, general punctuation, €, ™, −.
    /// </summary>
    public static IReadOnlyList<int> BaseRepertoire { get; } =
    [
        .. Enumerable.Range(0x20, 0x7F - 0x20), .. Enumerable.Range(0xA0, 0x100 - 0xA0), 0x152, 0x153, .. Enumerable.Range(0x2010, 0x2028 - 0x2010),
        0x202F, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122, 0x2212,
    ];

    // After BaseRepertoire: static fields initialize in the order they are written.
    private static readonly HashSet<int> BaseSet = [.. BaseRepertoire];

    /// <summary>True once the counting pass is over and drawing uses the subsets.</summary>
    public bool IsSubset { get; private set; }

    /// <summary>Records the characters <paramref name="typeface"/> will draw (counting pass).</summary>
    public void Use(SKTypeface typeface, string text, bool isShaped = false)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        ArgumentNullException.ThrowIfNull(text);
        if (!used.TryGetValue(typeface, out var set))
        {
            used[typeface] = set = [];
        }

        foreach (var rune in text.EnumerateRunes())
        {
            set.Add(rune.Value);
        }

        if (isShaped)
        {
            shaped.Add(typeface);
        }
    }

    /// <summary>Replaces every typeface used by its subset; a typeface HarfBuzz cannot subset is kept whole.</summary>
    public void BuildSubsets()
    {
        foreach (var (typeface, codepoints) in used)
        {
            var keepLayout = shaped.Contains(typeface);
            var key = new SubsetKey(typeface, keepLayout, Signature(codepoints));
            if (SharedSubsets.TryGetValue(key, out var shared))
            {
                if (shared is not null)
                {
                    subsets[typeface] = shared;
                }

                continue;
            }

            var data = FontFiles.GetValue(typeface, ReadFontFile);
            var subset = FontSubsetter.Subset(data, codepoints.Concat(BaseRepertoire), keepLayout);
            var created = subset is null ? null : SKTypeface.FromData(SKData.CreateCopy(subset));
            if (SharedSubsets.Count < MaxSharedSubsets && SharedSubsets.TryAdd(key, created))
            {
                if (created is not null)
                {
                    subsets[typeface] = created;
                }
            }
            else if (created is not null)
            {
                // Not shared (the cache is full, or another render added the same subset first): this render's own.
                subsets[typeface] = created;
                owned.Add(created);
            }
        }

        IsSubset = true;
    }

    /// <summary>
    /// The characters a subset is cut to, beyond <see cref="BaseRepertoire"/> (which every subset keeps), in order: two
    /// renders with the same signature embed the same subset.
    /// </summary>
    private static string Signature(HashSet<int> codepoints)
    {
        var extra = codepoints.Where(c => !BaseSet.Contains(c)).Order().ToArray();
        return string.Join(',', extra);
    }

    /// <summary>The font to draw <paramref name="style"/>'s text with: its subset once built, else its own.</summary>
    internal SKFont DrawFont(SKTypeface typeface, TextStyle style)
    {
        var face = subsets.GetValueOrDefault(typeface, typeface);
        if (!drawFonts.TryGetValue((face, style.Size), out var font))
        {
            drawFonts[(face, style.Size)] = font = new SKFont(face, style.Size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        }

        return font;
    }

    /// <summary>A shaper over the typeface actually drawn (the subset keeps the ligatures of the sequences it kept).</summary>
    internal SKShaper Shaper(SKTypeface typeface)
    {
        var face = subsets.GetValueOrDefault(typeface, typeface);
        if (!shapers.TryGetValue(face, out var shaper))
        {
            shapers[face] = shaper = new SKShaper(face);
        }

        return shaper;
    }

    /// <summary>How many bytes of font files the subsets hold (for diagnostics and tests).</summary>
    public long SubsetBytes => subsets.Values.Sum(t => { using var s = t.OpenStream(); return (long)s.Length; });

    public void Dispose()
    {
        foreach (var shaper in shapers.Values)
        {
            shaper.Dispose();
        }

        foreach (var font in drawFonts.Values)
        {
            font.Dispose();
        }

        // Shared subsets live as long as the process; only this render's own are disposed.
        foreach (var subset in owned)
        {
            subset.Dispose();
        }
    }

    private sealed record SubsetKey(SKTypeface Typeface, bool KeepLayout, string Signature);

    internal static byte[] ReadFontFile(SKTypeface typeface)
    {
        using var stream = typeface.OpenStream(out _);
        using var data = SKData.Create(stream);
        return data.ToArray();
    }
}
