using System.Globalization;
using CsvHelper;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// Reads <c>annotations.csv</c>: a header naming the columns <c>image,x1,y1,x2,y2,digit</c> (any order; other columns
/// are ignored), then one row per digit: the image's path relative to the folder, its box in pixels with
/// <c>x2</c>, <c>y2</c> the far edges (a 10-pixel-wide box at column 5 is <c>5,..,15</c>), and the digit. A row
/// with the image alone (<c>blank.png,,,,,</c>) declares an image without digits. Each record is one line (a quoted
/// field may not span lines), so a bad line is reported with its own number and costs nothing else.
/// </summary>
public static class CsvAnnotations
{
    public static IReadOnlyList<string> Columns { get; } = ["image", "x1", "y1", "x2", "y2", "digit"];

    public static AnnotationSet Read(string path)
    {
        var file = Path.GetFileName(path);
        var images = new Dictionary<string, DeclaredImage>(StringComparer.Ordinal);
        var boxes = new List<DeclaredBox>();
        var problems = new List<AnnotationProblem>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            DetectSeparatorHint = false,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = record => problems.Add(new AnnotationProblem(file, $"line {record.LineNumber}",
                $"malformed CSV ({record.Reason}): {record.RawRecord}; quote a field holding commas and close every quote on its line")),
        };

        try
        {
            using var csv = CsvReader.FromFile(path, options);
            csv.ReadHeader();
            var missing = Columns.Where(c => !csv.TryGetFieldIndex(c, out _)).ToList();
            if (missing.Count > 0)
            {
                var header = csv.Headers.Count == 0 ? "the file is empty" : $"its header is {string.Join(",", csv.Headers)}";
                problems.Add(new AnnotationProblem(file, "line 1", $"no column {string.Join(", ", missing)} ({header}); the header must be {string.Join(",", Columns)}"));
                return new AnnotationSet([], [], problems);
            }

            var index = Columns.Select(c => csv.GetFieldIndex(c)).ToArray();
            while (csv.Read())
            {
                var source = new AnnotationSource(file, $"line {csv.LineNumber}");
                var fields = index.Select(i => i < csv.FieldCount ? csv.GetString(i).Trim() : "").ToArray();
                if (csv.FieldCount < csv.Headers.Count)
                {
                    problems.Add(source.Problem($"{csv.FieldCount} field(s) where the header has {csv.Headers.Count}: {Raw(csv)}"));
                    continue;
                }

                var image = fields[0];
                if (image.Length == 0)
                {
                    problems.Add(source.Problem($"no image named: {Raw(csv)}"));
                    continue;
                }

                images.TryAdd(image, new DeclaredImage(image, source));
                if (fields.Skip(1).All(f => f.Length == 0))
                {
                    continue;
                }

                var numbers = new double[4];
                var bad = new List<string>();
                for (var k = 0; k < 4; k++)
                {
                    if (!double.TryParse(fields[k + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[k]) || !double.IsFinite(numbers[k]))
                    {
                        bad.Add($"{Columns[k + 1]} '{fields[k + 1]}'");
                    }
                }

                if (bad.Count > 0)
                {
                    problems.Add(source.Problem($"{string.Join(", ", bad)} {(bad.Count == 1 ? "is" : "are")} not a number (pixels, with a '.' for decimals)"));
                    continue;
                }

                boxes.Add(new DeclaredBox(image, numbers[0], numbers[1], numbers[2], numbers[3], fields[5], Ignored: false, source));
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(new AnnotationProblem(file, $"line {e.LineNumber}", $"cannot be read as CSV: {e.Message}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new AnnotationProblem(file, null, $"cannot be read: {e.Message}"));
        }

        return new AnnotationSet(images.Values.ToList(), boxes, problems);
    }

    private static string Raw(CsvReader csv) => System.Text.Encoding.UTF8.GetString(csv.RawRecord).TrimEnd('\r', '\n');
}
