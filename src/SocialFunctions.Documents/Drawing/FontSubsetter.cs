using System.Runtime.InteropServices;

namespace SocialFunctions.Documents.Drawing;

/// <summary>
/// Cuts a TrueType font down to the characters a document uses, with HarfBuzz's subsetter (hb-subset, in the native
/// HarfBuzzSharp library that ships with SkiaSharp). SkiaSharp's PDF backend embeds whatever font file it is given, whole,
/// so a 500 KB font costs 260 KB in every report; its subset costs a few KB. Hinting is dropped (PDF viewers do not use
/// it). Layout tables are dropped for fonts drawn without shaping, and kept for fonts that are shaped (emoji sequences
/// are GSUB ligatures); the subsetter then keeps the ligature glyphs of the sequences whose characters are all kept.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const int MemoryModeDuplicate = 0;
    private const int SetDropTableTag = 3;

    private static readonly uint[] LayoutTables = [Tag("GSUB"), Tag("GPOS"), Tag("GDEF")];

    /// <summary>The subset font file, or null when HarfBuzz refuses (the caller keeps the whole font).</summary>
    public static byte[]? Subset(byte[] font, IEnumerable<int> codepoints, bool keepLayout)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(codepoints);
        var pin = GCHandle.Alloc(font, GCHandleType.Pinned);
        nint blob = 0, face = 0, input = 0, subset = 0, result = 0;
        try
        {
            blob = hb_blob_create(pin.AddrOfPinnedObject(), (uint)font.Length, MemoryModeDuplicate, 0, 0);
            face = hb_face_create(blob, 0);
            input = hb_subset_input_create_or_fail();
            if (input == 0)
            {
                return null;
            }

            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints)
            {
                hb_set_add(unicodes, (uint)codepoint);
            }

            if (!keepLayout)
            {
                var drop = hb_subset_input_set(input, SetDropTableTag);
                foreach (var tag in LayoutTables)
                {
                    hb_set_add(drop, tag);
                }
            }

            // Hinting is kept: without its instructions FreeType auto-hints the subset, its advances no longer match the
            // full font's that laid the lines out nor the PDF's widths, and words drift apart or run together.
            subset = hb_subset_or_fail(face, input);
            if (subset == 0)
            {
                return null;
            }

            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            if (data == 0 || length == 0)
            {
                return null;
            }

            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A platform whose HarfBuzz lacks the subsetter: the document still renders, with whole fonts.
            return null;
        }
        finally
        {
            if (result != 0)
            {
                hb_blob_destroy(result);
            }

            if (subset != 0)
            {
                hb_face_destroy(subset);
            }

            if (input != 0)
            {
                hb_subset_input_destroy(input);
            }

            if (face != 0)
            {
                hb_face_destroy(face);
            }

            if (blob != 0)
            {
                hb_blob_destroy(blob);
            }

            pin.Free();
        }
    }

    private static uint Tag(string tag) => ((uint)tag[0] << 24) | ((uint)tag[1] << 16) | ((uint)tag[2] << 8) | tag[3];

    [LibraryImport(Library)]
    private static partial nint hb_blob_create(nint data, uint length, int mode, nint userData, nint destroy);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(nint blob);

    [LibraryImport(Library)]
    private static partial nint hb_blob_get_data(nint blob, out uint length);

    [LibraryImport(Library)]
    private static partial nint hb_face_create(nint blob, uint index);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(nint face);

    [LibraryImport(Library)]
    private static partial nint hb_face_reference_blob(nint face);

    [LibraryImport(Library)]
    private static partial nint hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(nint input);

    [LibraryImport(Library)]
    private static partial nint hb_subset_input_unicode_set(nint input);

    [LibraryImport(Library)]
    private static partial nint hb_subset_input_set(nint input, int setType);

    [LibraryImport(Library)]
    private static partial nint hb_subset_or_fail(nint face, nint input);

    [LibraryImport(Library)]
    private static partial void hb_set_add(nint set, uint codepoint);
}
