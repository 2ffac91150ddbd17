using System.Buffers;
using System.Text;
using System.Text.Json;
using DigitOcr.Boxes;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;

namespace DigitOcr.Cli;

/// <summary>
/// One JSON object per image, on one line:
/// <code>
/// {"image": "&lt;path as given&gt;", "width": W, "height": H,
///  "digits": [{"digit": 5, "score": 0.97, "box": [x1, y1, x2, y2], "alternatives": [{"digit": 6, "score": 0.02}]}, ...],
///  "numbers": [{"text": "5551234567", "score": 0.91, "box": [x1, y1, x2, y2],
///               "match": {"name": "...", "phone": "...", "distance": 0} or null, "noMatch": "ambiguous"}, ...],
///  "match": {"name": "...", "phone": "...", "distance": 0} or null}
/// </code>
/// Boxes in pixels of the original image, rounded to 0.1; scores to 4 decimals; distances to 3. A digit's
/// "alternatives" (other digits it may be, best first) appear only when it has some. Every number has its own
/// "match" (null without a directory or when no entry was accepted); "noMatch" says why not, in camelCase
/// (<see cref="NoMatchReason"/>: noCandidates, tooFar, ambiguous, ambiguousReading), when the lookup ran and failed.
/// The top-level "match" is the page's best match (<see cref="PageReading.Match"/>).
/// </summary>
internal static class JsonLineWriter
{
    private const int ScoreDecimals = 4;
    private const int BoxDecimals = 1;
    private const int DistanceDecimals = 3;

    public static string Format(string image, PageReading reading)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var detection = reading.Detection;
            json.WriteStartObject();
            json.WriteString("image", image);
            json.WriteNumber("width", detection.Width);
            json.WriteNumber("height", detection.Height);

            json.WriteStartArray("digits");
            foreach (var digit in detection.Digits)
            {
                WriteDigit(json, digit);
            }

            json.WriteEndArray();

            json.WriteStartArray("numbers");
            foreach (var number in reading.Readings)
            {
                WriteNumber(json, number);
            }

            json.WriteEndArray();

            json.WritePropertyName("match");
            WriteMatch(json, reading.Match);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteDigit(Utf8JsonWriter json, Detection digit)
    {
        json.WriteStartObject();
        json.WriteNumber("digit", digit.Digit);
        json.WriteNumber("score", Round(digit.Score, ScoreDecimals));
        WriteBox(json, digit.Box);
        if (digit.Alternatives.Count > 0)
        {
            json.WriteStartArray("alternatives");
            foreach (var alternative in digit.Alternatives)
            {
                json.WriteStartObject();
                json.WriteNumber("digit", alternative.Digit);
                json.WriteNumber("score", Round(alternative.Score, ScoreDecimals));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, NumberReading reading)
    {
        json.WriteStartObject();
        json.WriteString("text", reading.Number.Text);
        json.WriteNumber("score", Round(reading.Number.Score, ScoreDecimals));
        WriteBox(json, reading.Number.Box);
        json.WritePropertyName("match");
        WriteMatch(json, reading.Match);
        if (reading.Lookup is NoMatch noMatch)
        {
            json.WriteString("noMatch", JsonNamingPolicy.CamelCase.ConvertName(noMatch.Reason.ToString()));
        }

        json.WriteEndObject();
    }

    private static void WriteMatch(Utf8JsonWriter json, DirectoryMatch? match)
    {
        if (match is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("name", match.Entry.Name);
        json.WriteString("phone", match.Entry.Number);
        json.WriteNumber("distance", Round(match.Distance, DistanceDecimals));
        json.WriteEndObject();
    }

    private static void WriteBox(Utf8JsonWriter json, Box box)
    {
        json.WriteStartArray("box");
        json.WriteNumberValue(Round(box.X1, BoxDecimals));
        json.WriteNumberValue(Round(box.Y1, BoxDecimals));
        json.WriteNumberValue(Round(box.X2, BoxDecimals));
        json.WriteNumberValue(Round(box.Y2, BoxDecimals));
        json.WriteEndArray();
    }

    // A float widened to double carries binary noise (0.97f is 0.9700000286...): rounding removes it, and adding
    // 0 turns -0 into 0.
    private static double Round(double value, int decimals) => Math.Round(value, decimals) + 0.0;
}
