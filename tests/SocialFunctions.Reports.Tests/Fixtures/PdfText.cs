using UglyToad.PdfPig;

namespace SocialFunctions.Reports.Tests.Fixtures;

/// <summary>A rendered report read back with PdfPig: page texts with non-breaking spaces made plain for comparisons.</summary>
internal sealed class PdfText
{
    private PdfText(byte[] bytes)
    {
        Bytes = bytes;
        using var pdf = PdfDocument.Open(bytes);
        Pages = [.. pdf.GetPages().Select(page => Normalize(page.Text))];
        Title = pdf.Information.Title;
        Author = pdf.Information.Author;
        CreationDate = pdf.Information.CreationDate;
        FontNames = [.. pdf.GetPages().SelectMany(page => page.Letters).Select(letter => letter.FontName ?? "(no font)").Distinct()];
        var first = pdf.GetPage(1);
        PageWidth = first.Width;
        Layout = [.. pdf.GetPages().Select(page => string.Join('|', page.Letters.Select(l => FormattableString.Invariant($"{l.Value}@{l.StartBaseLine.X:0.##},{l.StartBaseLine.Y:0.##}"))))];
    }

    public byte[] Bytes { get; }

    public IReadOnlyList<string> Pages { get; }

    public string All => string.Join('\n', Pages);

    public string? Title { get; }

    public string? Author { get; }

    public string? CreationDate { get; }

    public IReadOnlyList<string> FontNames { get; }

    public double PageWidth { get; }

    /// <summary>Every letter with its position, per page: equal layouts give equal strings.</summary>
    public IReadOnlyList<string> Layout { get; }

    public static PdfText Read(byte[] bytes) => new(bytes);

    public static string Normalize(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    public int FirstPageContaining(string text) => Pages.ToList().FindIndex(page => page.Contains(Normalize(text), StringComparison.Ordinal)) + 1;

    public int CountPagesContaining(string text) => Pages.Count(page => page.Contains(Normalize(text), StringComparison.Ordinal));
}
