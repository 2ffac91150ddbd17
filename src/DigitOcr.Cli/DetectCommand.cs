using System.CommandLine;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.Json;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Inference.Pipelines;

namespace DigitOcr.Cli;

/// <summary>What <c>detect</c> was asked to do, parsed and validated.</summary>
internal sealed record DetectRequest(
    IReadOnlyList<string> Inputs,
    string? ModelPath,
    string? DirectoryPath,
    OutputFormat Format,
    string? DrawFolder,
    double? Threshold,
    int? Pyramid,
    bool Strict,
    string? RecognizerPath = null,
    bool NoRecognizer = false,
    double? MinDigitHeight = null,
    double? MaxDigitHeight = null,
    int? TileSize = null,
    int? MaxSide = null,
    DetectorBackend? Backend = null,
    InferencePrecision Precision = InferencePrecision.Float32,
    bool NoReread = false);

/// <summary>
/// <c>detect &lt;image-or-folder&gt;... [--model FILE] [--directory CSV] [--format text|jsonl] [--draw FOLDER]
/// [--threshold T] [--pyramid N] [--min-digit-height PX] [--max-digit-height PX] [--tile-size PX] [--max-side PX] [--strict]
/// [--backend libtorch|onnxruntime] [--no-reread]</c>. Options are checked before anything is read (exit code 2). An image
/// that cannot be read is reported on stderr and skipped; the exit code is then 1, after all others were done
/// (<see cref="ExitCodes"/>). An image that decodes but is damaged (<see cref="ImageDamage"/>: cut short, or the
/// decoder complained) is read with one warning naming it, or, with <c>--strict</c>, reported as an error and skipped;
/// the decoder's own messages never reach stderr raw. Results go to stdout, one per image;
/// messages and progress to stderr. The next images are read and decoded on another thread while one is detected
/// (<see cref="DecodeAhead"/>); output keeps the order of the inputs.
/// </summary>
internal static class DetectCommand
{
    /// <summary>The largest tile side accepted on the command line.</summary>
    private const int MaxTileSize = 8192;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("images")
        {
            Description = $"Image files and folders, any number (a folder gives its own images, not its subfolders'); extensions {ImageInputs.ExtensionList}.",
            Arity = ArgumentArity.OneOrMore,
        };
        var model = ValidatedOptions.ExistingFile("--model", "Model file (a DigitOcr checkpoint or a PyTorch state dict); default: the shipped model.", "a model file, such as runs/lite/best.pt");
        var directory = ValidatedOptions.ExistingFile("--directory", "CSV phone directory (columns name, phone) to match the numbers against.", "a CSV file with columns name, phone");
        var format = ValidatedOptions.Choice<OutputFormat>("--format", "Output on stdout: text, or one JSON object per line");
        var draw = ValidatedOptions.OutputFolder("--draw", $"Write annotated copies into this folder, named <file name>{ImageInputs.AnnotatedSuffix} (page.jpg -> page.jpg{ImageInputs.AnnotatedSuffix}).");
        var threshold = ValidatedOptions.Fraction("--threshold", "Minimum digit score, from 0 to 1 (default: the model's, 0.1).");
        var pyramid = ValidatedOptions.OptionalInteger("--pyramid", "The most passes at full, 1/4, 1/16... size, for large writing (1: the finest pass only; default: as many as the image size calls for)", 1, DetectorOptions.MaxPyramidLevels);
        var minHeight = ValidatedOptions.PositiveNumber("--min-digit-height", "Height in pixels of the smallest digits to read; the finest pass then runs smaller, faster (default: as small as the model reads, about 9 px, at the image's own resolution).");
        var maxHeight = ValidatedOptions.PositiveNumber("--max-digit-height", "Height in pixels of the largest digits to read; passes for larger writing are skipped (default: 0.7 of the image's shorter side).");
        var tileSize = ValidatedOptions.OptionalMultiple("--tile-size", $"Largest side of one network input; larger passes run in overlapping tiles, bounding memory (default: {new DetectorOptions().TileSize})", new DetectorOptions().PadMultiple, DetectorOptions.MinTileSize, MaxTileSize);
        var maxSide = ValidatedOptions.OptionalInteger("--max-side", "Scale images down so that the finest pass's long side is at most this (default: the image's own size)", 32, MaxTileSize * 4);
        var strict = new Option<bool>("--strict") { Description = "A damaged image that still decodes (cut short, or the decoder reports corrupt data) is an error: skipped, exit code 1." };
        var recognizer = ValidatedOptions.ExistingFile("--recognizer", "Digit recognizer model file (trained with configs/recognizer.json); default: the shipped recognizer.", "a recognizer model file, such as runs/recognizer/best.pt");
        var noRecognizer = new Option<bool>("--no-recognizer") { Description = "Detector only: do not read each box a second time with the recognizer." };
        var backend = ValidatedOptions.OptionalChoice<DetectorBackend>("--backend", $"Engine of the detector's network (default: {new DetectorOptions().EffectiveBackend.ToString().ToLowerInvariant()} on the CPU).");
        var precision = ValidatedOptions.Choice<InferencePrecision>("--precision", "Arithmetic of the detector's network: int8 (ONNX Runtime, calibrated ranges) or bfloat16 (libtorch) are faster; float32 is what the accuracy figures were measured with");
        var noReread = new Option<bool>("--no-reread") { Description = $"Do not read small writing (digits under {new DetectorOptions().RereadBelowHeight} px) a second time enlarged." };
        var command = new Command("detect", "Detect digits and read numbers in images.") { inputs, model, directory, format, draw, threshold, pyramid, minHeight, maxHeight, tileSize, maxSide, strict, recognizer, noRecognizer, backend, precision, noReread };
        command.SetAction(parse => Run(new DetectRequest(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(model),
            parse.GetValue(directory),
            parse.GetValue(format),
            parse.GetValue(draw),
            parse.GetValue(threshold),
            parse.GetValue(pyramid),
            parse.GetValue(strict),
            parse.GetValue(recognizer),
            parse.GetValue(noRecognizer),
            parse.GetValue(minHeight),
            parse.GetValue(maxHeight),
            parse.GetValue(tileSize),
            parse.GetValue(maxSide),
            parse.GetValue(backend),
            parse.GetValue(precision),
            parse.GetValue(noReread))));
        return command;
    }

    private static int Run(DetectRequest request)
    {
        var defaults = new DetectorOptions();
        var options = defaults with
        {
            ScoreThreshold = request.Threshold,
            PyramidLevels = request.Pyramid,
            MinDigitHeight = request.MinDigitHeight,
            MaxDigitHeight = request.MaxDigitHeight,
            TileSize = request.TileSize ?? defaults.TileSize,
            MaxSide = request.MaxSide,
            UseRecognizer = !request.NoRecognizer,
            RecognizerPath = request.RecognizerPath,
            Backend = request.Backend,
            Precision = request.Precision,
            RereadBelowHeight = request.NoReread ? null : defaults.RereadBelowHeight,
        };
        if (options.Validate().FirstOrDefault() is { } invalid)
        {
            // Only combinations get here (each value was checked as it was parsed): the digit-height range, or a
            // precision its backend does not run.
            return Fail(invalid.StartsWith("Precision", StringComparison.Ordinal) ? $"--precision/--backend: {invalid}" : $"--min-digit-height/--max-digit-height: {invalid}");
        }

        if (request.DrawFolder is { } drawFolder)
        {
            try
            {
                Directory.CreateDirectory(drawFolder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"--draw: cannot create folder '{drawFolder}': {e.Message}");
            }
        }

        var collected = ImageInputs.Collect(request.Inputs, request.DrawFolder);
        foreach (var problem in collected.Problems)
        {
            Console.Error.WriteLine($"digitocr: {problem}");
        }

        if (collected.Images.Count == 0)
        {
            return Fail("nothing to read");
        }

        DigitDetector detector;
        try
        {
            detector = DigitDetector.Load(request.ModelPath, options);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            return Fail($"--model: {e.Message}");
        }

        using (detector)
        {
            PhoneDirectory? directory = null;
            if (request.DirectoryPath is { } directoryPath)
            {
                try
                {
                    directory = PhoneDirectory.Load(directoryPath);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    return Fail($"--directory: {e.Message}");
                }

                foreach (var problem in directory.LoadReport.Problems)
                {
                    Console.Error.WriteLine($"digitocr: {directoryPath}:{problem.LineNumber}: {problem.Message}");
                }

                if (directory.LoadReport.Warning is { } warning)
                {
                    Console.Error.WriteLine($"digitocr: warning: {warning}");
                }
            }

            var failures = collected.Problems.Count;
            var reader = new PageReader(detector, directory: directory);
            var progress = new ProgressLine(collected.Images.Count);
            // The next images are read and decoded on another thread while this one is detected; output keeps input order.
            var names = collected.Images.ToDictionary(i => i.Path, i => i.AnnotatedName, StringComparer.Ordinal);
            foreach (var decoded in DecodeAhead.Read(collected.Images.Select(i => i.Path), detector.Options.Decode))
            {
                using (decoded)
                {
                    if (decoded.Image is not { } image)
                    {
                        failures++;
                        progress.Clear();
                        Console.Error.WriteLine($"digitocr: skipped '{decoded.Path}': {decoded.Error}");
                        progress.Advance();
                        continue;
                    }

                    if (decoded.Damage is { } damage)
                    {
                        progress.Clear();
                        if (request.Strict)
                        {
                            failures++;
                            Console.Error.WriteLine($"digitocr: skipped '{decoded.Path}': {damage} (--strict)");
                            progress.Advance();
                            continue;
                        }

                        Console.Error.WriteLine($"digitocr: warning: '{decoded.Path}': {damage.ReadingWarning}");
                    }

                    var reading = reader.Read(image);
                    progress.Clear();
                    Console.WriteLine(request.Format == OutputFormat.Jsonl ? ReadingJson.Page(decoded.Path, reading, decoded.Damage?.ReadingWarning) : Text(decoded.Path, reading));
                    if (request.DrawFolder is not null)
                    {
                        try
                        {
                            Annotator.Write(image, reading, Path.Combine(request.DrawFolder, names[decoded.Path]));
                        }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            failures++;
                            progress.Clear();
                            Console.Error.WriteLine($"digitocr: could not write the annotated copy of '{decoded.Path}': {e.Message}");
                        }
                    }
                }

                progress.Advance();
            }

            return failures == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"digitocr: {message}");
        return ExitCodes.Usage;
    }

    private static string Text(string image, PageReading reading)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Format(c, "{0}: {1}x{2}, {3} digit(s), {4} number(s)", image, reading.Detection.Width, reading.Detection.Height, reading.Detection.Digits.Count, reading.Numbers.Count),
        };
        foreach (var r in reading.Readings)
        {
            var n = r.Number;
            var who = r.Lookup switch
            {
                DirectoryMatch found => string.Format(c, "  -> {0}  {1}  (distance {2:F2}{3})", found.Entry.Name, found.Entry.Number, found.Distance, found.IsExact ? ", exact" : string.Empty),
                NoMatch none => $"  -> nobody ({none.Reason})",
                _ => string.Empty,
            };
            lines.Add(string.Format(c, "  {0}  (score {1:F2}, line {2}, at {3}){4}{5}", n.Text, n.Score, n.Line + 1, n.Box, who, EdgeNote.Of(r)));
        }

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
