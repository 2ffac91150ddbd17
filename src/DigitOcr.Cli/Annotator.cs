using System.Globalization;
using DigitOcr.Imaging;
using DigitOcr.Inference;

namespace DigitOcr.Cli;

/// <summary>
/// Draws a reading on a colour copy of the image: digit boxes (green) labelled with the digit, and its score where that fits over the box, number boxes
/// (blue) labelled with the number read, and the matched name (red) at the top left. Labels are drawn on white
/// patches, at least <see cref="MinTextHeight"/> px tall, growing with the image (1/40 of its long side for numbers
/// and the match, 3/4 of that for digits), so that they read at the image's own size.
/// </summary>
internal static class Annotator
{
    /// <summary>The smallest height of a label's capitals, in pixels of the annotated image.</summary>
    public const int MinTextHeight = 16;

    /// <summary>Hershey Simplex at scale 1: capitals about 22 px tall, characters about 20 px wide.</summary>
    private const double FontHeight = 22;
    private const double FontAdvance = 20;

    /// <summary>Green dark enough to read on white (pure green is not).</summary>
    private static readonly Color DigitColor = new(0, 140, 0);

    /// <summary>Draws <paramref name="reading"/> on a colour copy of <paramref name="source"/> (left unchanged) and saves it as <paramref name="outputPath"/>.</summary>
    public static void Write(Image source, PageReading reading, string outputPath)
    {
        using var color = source.ToColor();
        var textHeight = Math.Max(MinTextHeight, Math.Max(color.Width, color.Height) / 40.0);
        var digitTextHeight = Math.Max(MinTextHeight, 0.75 * textHeight);
        var line = Math.Max(1, (int)Math.Round(textHeight / 10));
        var c = CultureInfo.InvariantCulture;
        foreach (var d in reading.Detection.Digits)
        {
            color.DrawRectangle((int)d.Box.X1, (int)d.Box.Y1, (int)d.Box.X2, (int)d.Box.Y2, DigitColor, line);
        }

        foreach (var n in reading.Numbers)
        {
            color.DrawRectangle((int)n.Box.X1 - 3, (int)n.Box.Y1 - 3, (int)n.Box.X2 + 3, (int)n.Box.Y2 + 3, Color.Blue, line);
        }

        // Labels after all boxes, so that no box is drawn across a label.
        foreach (var d in reading.Detection.Digits)
        {
            // The score too when it fits over the box; digits of a number sit close, and their labels must not overlap.
            var full = string.Format(c, "{0} {1:F2}", d.Digit, d.Score);
            var text = TextWidth(full, digitTextHeight) <= d.Box.X2 - d.Box.X1 ? full : d.Digit.ToString(c);
            Label(color, text, d.Box.X1, d.Box.Y1 - 4, digitTextHeight, DigitColor);
        }

        foreach (var r in reading.Readings)
        {
            var n = r.Number;
            var text = r.Match is { } found ? $"{n.Text} -> {found.Entry.Name}" : n.Text;
            Label(color, text, n.Box.X1, n.Box.Y2 + 6 + textHeight, textHeight, Color.Blue);
        }

        if (reading.Match is { } match)
        {
            Label(color, string.Format(c, "match: {0} ({1}, distance {2:F2})", match.Entry.Name, match.Entry.Number, match.Distance), 10, 10 + textHeight, textHeight, Color.Red);
        }

        color.Save(outputPath);
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at (x, y), capitals <paramref name="height"/> px tall, on a white patch; kept inside the image.</summary>
    private static void Label(Image image, string text, double x, double y, double height, Color color)
    {
        var scale = height / FontHeight;
        var thickness = Math.Max(1, (int)Math.Round(height / 9));
        var width = TextWidth(text, height);
        var pad = Math.Max(2, (int)(height / 5));
        var left = (int)Math.Clamp(x, 0, Math.Max(0, image.Width - width - pad));
        var baseline = (int)Math.Clamp(y, height + pad, Math.Max(height + pad, image.Height - pad));
        image.DrawRectangle(left - pad, baseline - (int)height - pad, left + width + pad, baseline + pad, Color.White, Image.Filled);
        image.DrawText(text, left, baseline, scale, color, thickness);
    }

    /// <summary>About how wide <paramref name="text"/> is with capitals <paramref name="height"/> px tall.</summary>
    private static int TextWidth(string text, double height) => (int)Math.Ceiling(text.Length * FontAdvance * height / FontHeight);
}
