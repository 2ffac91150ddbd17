using System.CommandLine;
using System.Globalization;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Cli;

/// <summary>
/// <c>detect &lt;image-or-folder&gt; [--model FILE] [--directory CSV] [--format text|jsonl] [--draw OUTDIR] [--threshold T]</c>.
/// A file that cannot be read is reported on stderr and skipped; the exit code is then 1 after all others were done.
/// </summary>
internal static class DetectCommand
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff",
    };

    public static Command Create()
    {
        var input = new Argument<string>("image-or-folder") { Description = "An image file, or a folder whose images are all read." };
        var model = new Option<FileInfo?>("--model") { Description = "Model file (a DigitOcr checkpoint or a PyTorch state dict); default: the shipped model." };
        var directory = new Option<FileInfo?>("--directory") { Description = "CSV phone directory (columns name, phone) to match the numbers against." };
        var format = new Option<string>("--format") { Description = "text or jsonl.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var draw = new Option<DirectoryInfo?>("--draw") { Description = "Write annotated images into this folder." };
        var threshold = new Option<double?>("--threshold") { Description = "Minimum digit score (default: the model's, 0.1)." };
        var pyramid = new Option<int>("--pyramid") { Description = "Passes at full, 1/2, 1/4... size, for large writing (1: a single pass).", DefaultValueFactory = _ => new DetectorOptions().PyramidLevels };
        var command = new Command("detect", "Detect digits and read numbers in images.") { input, model, directory, format, draw, threshold, pyramid };
        command.SetAction(parse => Run(
            parse.GetValue(input)!,
            parse.GetValue(model)?.FullName,
            parse.GetValue(directory)?.FullName,
            parse.GetValue(format) == "jsonl",
            parse.GetValue(draw)?.FullName,
            parse.GetValue(threshold), parse.GetValue(pyramid)));
        return command;
    }

    private static int Run(string input, string? modelPath, string? directoryPath, bool jsonl, string? drawFolder, double? threshold, int pyramid)
    {
        IReadOnlyList<string> images;
        if (Directory.Exists(input))
        {
            images = Directory.EnumerateFiles(input)
                .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (images.Count == 0)
            {
                Console.Error.WriteLine($"digitocr: no images (.png, .jpg, .jpeg, .bmp, .tif, .tiff) in folder '{input}'");
                return 1;
            }
        }
        else if (File.Exists(input))
        {
            images = [input];
        }
        else
        {
            Console.Error.WriteLine($"digitocr: '{input}' is neither a file nor a folder");
            return 2;
        }

        try
        {
            using var detector = DigitDetector.Load(modelPath, new DetectorOptions { ScoreThreshold = threshold, PyramidLevels = pyramid });
            PhoneDirectory? directory = null;
            if (directoryPath is not null)
            {
                directory = PhoneDirectory.Load(directoryPath);
                foreach (var problem in directory.LoadReport.Problems)
                {
                    Console.Error.WriteLine($"digitocr: {directoryPath}:{problem.LineNumber}: {problem.Message}");
                }
            }

            var reader = new PageReader(detector, directory: directory);
            var failures = 0;
            foreach (var image in images)
            {
                // Paths are relative to the folder given when reading a folder, as given otherwise.
                var shown = image;
                try
                {
                    var reading = reader.Read(image);
                    Console.WriteLine(jsonl ? JsonLineWriter.Format(shown, reading) : Text(shown, reading));
                    if (drawFolder is not null)
                    {
                        Annotator.Write(image, reading, drawFolder);
                    }
                }
                catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
                {
                    failures++;
                    Console.Error.WriteLine($"digitocr: skipped '{shown}': {e.Message}");
                }
            }

            return failures == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"digitocr: {e.Message}");
            return 2;
        }
    }

    private static string Text(string image, PageReading reading)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Format(c, "{0}: {1}x{2}, {3} digit(s), {4} number(s)", image, reading.Detection.Width, reading.Detection.Height, reading.Detection.Digits.Count, reading.Numbers.Count),
        };
        lines.AddRange(reading.Numbers.Select(n => string.Format(c, "  {0}  (score {1:F2}, line {2}, at {3})", n.Text, n.Score, n.Line + 1, n.Box)));
        if (reading.Match is { } m)
        {
            lines.Add(string.Format(c, "  match: {0}  {1}  (distance {2:F2}{3})", m.Entry.Name, m.Entry.Number, m.Distance, m.IsExact ? ", exact" : string.Empty));
        }
        else if (reading.Lookups.Count > 0)
        {
            lines.Add("  match: none (" + string.Join("; ", reading.Lookups.OfType<NoMatch>().Select(n => n.Reason).Distinct()) + ")");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
