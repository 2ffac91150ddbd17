using System.Buffers;
using System.Text;
using System.Text.Json;
using DigitOcr.Boxes;
using DigitOcr.Inference.Live;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Inference.Json;

/// <summary>
/// The JSON of readings, one object per line, as <c>digitocr detect --format jsonl</c>, <c>digitocr watch --format
/// jsonl</c> and <c>digitocr serve</c> print it. A page (<see cref="Page"/>):
/// <code>
/// {"image": "&lt;path as given&gt;", "width": W, "height": H,
///  "digits": [{"digit": 5, "score": 0.97, "box": [x1, y1, x2, y2], "alternatives": [{"digit": 6, "score": 0.02}]}, ...],
///  "numbers": [{"text": "5551234567", "score": 0.91, "box": [x1, y1, x2, y2],
///               "match": {"name": "...", "phone": "...", "distance": 0} or null, "noMatch": "ambiguous",
///               "atEdge": ["right"]}, ...],
///  "match": {"name": "...", "phone": "...", "distance": 0} or null}
/// </code>
/// A stable reading of a video (<see cref="Stable"/>): <c>{"frame": 42, "time": 1.4, "numbers": [...], "match": ...}</c>,
/// the same "numbers" and "match", with the frame's index in its source and its time in seconds.
/// Boxes in pixels of the original image, rounded to 0.1; scores to 4 decimals; distances and times to 3. A digit's
/// "alternatives" (other digits it may be, best first) appear only when it has some. Every number has its own
/// "match" (null without a directory or when no entry was accepted); "noMatch" says why not, in camelCase
/// (<see cref="NoMatchReason"/>: noCandidates, tooFar, ambiguous, ambiguousReading, crowded, unsureRead), when the lookup ran and failed.
/// A number touching the picture's edge has "atEdge", the sides it touches (left, top, right, bottom): it may be cut
/// (<see cref="NumberReading.Edges"/>). The top-level "match" is the page's best match (<see cref="PageReading.Match"/>).
/// </summary>
public static class ReadingJson
{
    private const int ScoreDecimals = 4;
    private const int BoxDecimals = 1;
    private const int DistanceDecimals = 3;
    private const int TimeDecimals = 3;

    /// <summary>
    /// One image's reading, as a line of <c>detect --format jsonl</c>; <paramref name="warning"/>, when given, says why
    /// the reading may be partial (a damaged image), so that programs see it too.
    /// </summary>
    public static string Page(string image, PageReading reading, string? warning = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(reading);
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("image", image);
            if (warning is not null)
            {
                json.WriteString("warning", warning);
            }

            WritePage(json, reading);
            json.WriteEndObject();
        });
    }

    /// <summary>A stable reading of a video, as a line of <c>watch --format jsonl</c>.</summary>
    public static string Stable(StableReading stable)
    {
        ArgumentNullException.ThrowIfNull(stable);
        return Write(json => WriteStable(json, stable));
    }

    /// <summary>Writes <paramref name="stable"/> as an object: frame, time, numbers, match.</summary>
    public static void WriteStable(Utf8JsonWriter json, StableReading stable)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(stable);
        json.WriteStartObject();
        WriteFrame(json, stable.Frame, stable.Time);
        WriteNumbers(json, stable.Reading);
        json.WriteEndObject();
    }

    /// <summary>Writes the properties "frame" (an index) and "time" (seconds) into the object being written.</summary>
    public static void WriteFrame(Utf8JsonWriter json, long frame, TimeSpan time)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteNumber("frame", frame);
        json.WriteNumber("time", Round(time.TotalSeconds, TimeDecimals));
    }

    /// <summary>Writes the properties "width", "height", "digits", "numbers" and "match" into the object being written.</summary>
    public static void WritePage(Utf8JsonWriter json, PageReading reading)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(reading);
        var detection = reading.Detection;
        json.WriteNumber("width", detection.Width);
        json.WriteNumber("height", detection.Height);
        json.WriteStartArray("digits");
        foreach (var digit in detection.Digits)
        {
            WriteDigit(json, digit);
        }

        json.WriteEndArray();
        WriteNumbers(json, reading);
    }

    /// <summary>Writes the properties "numbers" and "match" into the object being written.</summary>
    public static void WriteNumbers(Utf8JsonWriter json, PageReading reading)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(reading);
        json.WriteStartArray("numbers");
        foreach (var number in reading.Readings)
        {
            WriteNumber(json, number);
        }

        json.WriteEndArray();
        json.WritePropertyName("match");
        WriteMatch(json, reading.Match);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
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

        if (reading.Edges != PictureEdges.None)
        {
            json.WriteStartArray("atEdge");
            foreach (var edge in EdgeNames(reading.Edges))
            {
                json.WriteStringValue(edge);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>The sides in <paramref name="edges"/>, in lower case: left, top, right, bottom.</summary>
    public static IEnumerable<string> EdgeNames(PictureEdges edges) =>
        new[] { PictureEdges.Left, PictureEdges.Top, PictureEdges.Right, PictureEdges.Bottom }
            .Where(e => edges.HasFlag(e))
            .Select(e => e.ToString().ToLowerInvariant());

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
