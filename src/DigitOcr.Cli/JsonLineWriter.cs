using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitOcr.Boxes;
using DigitOcr.Inference;

namespace DigitOcr.Cli;

/// <summary>
/// One JSON line per image, exactly:
/// <c>{"image": "&lt;path as given&gt;", "width": W, "height": H, "digits": [{"digit": 5, "score": 0.97, "box": [x1, y1, x2, y2]}, ...],
/// "numbers": [{"text": "5551234567", "score": 0.91, "box": [x1, y1, x2, y2]}, ...], "match": {"name": "...", "phone": "...", "distance": 0} or null}</c>,
/// boxes in pixels of the original image.
/// </summary>
internal static class JsonLineWriter
{
    public static string Format(string image, PageReading reading)
    {
        var d = reading.Detection;
        var s = new StringBuilder();
        s.Append("{\"image\": ").Append(Quote(image))
            .Append(", \"width\": ").Append(d.Width.ToString(CultureInfo.InvariantCulture))
            .Append(", \"height\": ").Append(d.Height.ToString(CultureInfo.InvariantCulture))
            .Append(", \"digits\": [")
            .AppendJoin(", ", d.Digits.Select(x => $"{{\"digit\": {x.Digit}, \"score\": {Number(x.Score, 4)}, \"box\": {BoxArray(x.Box)}}}"))
            .Append("], \"numbers\": [")
            .AppendJoin(", ", reading.Numbers.Select(n => $"{{\"text\": {Quote(n.Text)}, \"score\": {Number(n.Score, 4)}, \"box\": {BoxArray(n.Box)}}}"))
            .Append("], \"match\": ");
        if (reading.Match is { } m)
        {
            s.Append($"{{\"name\": {Quote(m.Entry.Name)}, \"phone\": {Quote(m.Entry.Number)}, \"distance\": {Number(m.Distance, 3)}}}");
        }
        else
        {
            s.Append("null");
        }

        return s.Append('}').ToString();
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string BoxArray(Box b) => $"[{Number(b.X1, 1)}, {Number(b.Y1, 1)}, {Number(b.X2, 1)}, {Number(b.Y2, 1)}]";

    private static string Number(double value, int decimals) =>
        Math.Round(value, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
}
