using SkiaSharp;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Elements;

namespace SocialFunctions.Reports.Visuals;

/// <summary>A word-sized line of weekly engagement rates; weeks without a rate break the line.</summary>
internal static class Sparkline
{
    public static CanvasElement Create(IReadOnlyList<WeeklyRate> trend, SKColor color, float height = 14) => new(height, (canvas, area) =>
    {
        var values = trend.Select(week => week.EngagementRate).ToList();
        var known = values.Where(value => value is not null).Select(value => value!.Value).ToList();
        if (known.Count == 0)
        {
            return;
        }

        var min = known.Min();
        var max = known.Max();
        var span = max - min < 1e-12 ? 1 : max - min;
        var step = values.Count > 1 ? area.Width / (values.Count - 1) : 0;
        float X(int i) => values.Count > 1 ? area.Left + (i * step) : area.MidX;
        float Y(double v) => area.Bottom - 1.5f - (float)((v - min) / span * (area.Height - 3));

        using var paint = new SKPaint { Color = color, StrokeWidth = 1.1f, Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        using var path = new SKPath();
        var drawing = false;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                drawing = false;
                continue;
            }

            if (drawing)
            {
                path.LineTo(X(i), Y(value));
            }
            else
            {
                path.MoveTo(X(i), Y(value));
                drawing = true;
            }
        }

        canvas.DrawPath(path, paint);
        var lastIndex = values.FindLastIndex(value => value is not null);
        using var dot = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawCircle(X(lastIndex), Y(values[lastIndex]!.Value), 1.8f, dot);
    });
}
