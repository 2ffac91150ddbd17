using DigitOcr.Imaging;
using DigitOcr.Inference;

namespace DigitOcr.Cli;

/// <summary>Draws a reading on a copy of the image: digit boxes with digit and score, number boxes with the text, the matched name.</summary>
internal static class Annotator
{
    public static void Write(string imagePath, PageReading reading, string outputFolder)
    {
        using var source = Image.Load(imagePath);
        using var color = source.ToColor();
        var scale = Math.Max(0.4, Math.Max(color.Width, color.Height) / 1600.0);
        var thickness = Math.Max(1, (int)Math.Round(scale * 2));
        foreach (var d in reading.Detection.Digits)
        {
            color.DrawRectangle((int)d.Box.X1, (int)d.Box.Y1, (int)d.Box.X2, (int)d.Box.Y2, Color.Green, thickness);
            color.DrawText($"{d.Digit} {d.Score:F2}", (int)d.Box.X1, Math.Max(12, (int)d.Box.Y1 - 3), 0.5 * scale, Color.Green, thickness);
        }

        foreach (var n in reading.Numbers)
        {
            color.DrawRectangle((int)n.Box.X1 - 3, (int)n.Box.Y1 - 3, (int)n.Box.X2 + 3, (int)n.Box.Y2 + 3, Color.Blue, thickness);
            color.DrawText(n.Text, (int)n.Box.X1, (int)n.Box.Y2 + (int)(22 * scale), 0.7 * scale, Color.Blue, thickness);
        }

        if (reading.Match is { } match)
        {
            color.DrawText($"match: {match.Entry.Name} ({match.Entry.Number}, distance {match.Distance:F2})", 10, (int)(30 * scale), 0.8 * scale, Color.Red, thickness);
        }

        Directory.CreateDirectory(outputFolder);
        color.Save(Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(imagePath) + ".annotated.png"));
    }
}
