using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Imaging;
using DigitOcr.Inference;

namespace DigitOcr.Cli;

/// <summary>
/// <c>bench [--model FILE] [--image FILE | --width W --height H] [--runs N]</c>: latency of one <c>Detect</c> call
/// (decode excluded, scaling, network and post-processing included) and of the number reading that follows. A model or
/// image that cannot be read is one line naming the option, exit code 2.
/// </summary>
internal static class BenchCommand
{
    private const int MinSide = 32;
    private const int MaxSide = 16_384;

    public static Command Create()
    {
        var model = ValidatedOptions.ExistingFile("--model", "Model file; default: the shipped model.", "a model file, such as runs/lite/best.pt");
        var image = ValidatedOptions.ExistingFile("--image", "Image to run on; default: a synthetic page of --width x --height.", "an image file");
        var width = ValidatedOptions.Integer("--width", "Synthetic page width", 1024, MinSide, MaxSide);
        var height = ValidatedOptions.Integer("--height", "Synthetic page height", 768, MinSide, MaxSide);
        var runs = ValidatedOptions.Integer("--runs", "Timed runs", 20, 1, 100_000);
        var threads = ValidatedOptions.OptionalInteger("--threads", "Intra-op threads (default: all cores)", 1, 1024);
        var pyramid = ValidatedOptions.OptionalInteger("--pyramid", "The most pyramid passes (1: the finest pass only; default: as the image size calls for)", 1, DetectorOptions.MaxPyramidLevels);
        var noRecognizer = new Option<bool>("--no-recognizer") { Description = "Time the detector alone, without the recognizer's second reading." };
        var command = new Command("bench", "Measure Detect latency per page.") { model, image, width, height, runs, threads, pyramid, noRecognizer };
        command.SetAction(parse =>
        {
            if (parse.GetValue(threads) is { } t)
            {
                DigitOcr.Torch.torch.set_num_threads(t);
            }

            using var detector = LoadDetector(parse.GetValue(model), new DetectorOptions { PyramidLevels = parse.GetValue(pyramid), UseRecognizer = !parse.GetValue(noRecognizer) });
            using var page = parse.GetValue(image) is { } file ? LoadImage(file, detector.Options.Decode) : SyntheticPage(parse.GetValue(width), parse.GetValue(height));
            var reader = new PageReader(detector);
            reader.Read(page);
            var times = new List<double>();
            for (var i = 0; i < parse.GetValue(runs); i++)
            {
                var clock = Stopwatch.StartNew();
                reader.Read(page);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Format(c, "{0}x{1} page, {2} runs, {3} thread(s), model {4}{9}: median {5:F1} ms, mean {6:F1} ms, min {7:F1} ms, max {8:F1} ms",
                page.Width, page.Height, times.Count, DigitOcr.Torch.torch.get_num_threads(), detector.Config.Name, times[times.Count / 2], times.Average(), times[0], times[^1], detector.RecognizerSource is null ? " (no recognizer)" : " + recognizer"));
            return 0;
        });
        return command;
    }

    /// <summary>The detector of <c>--model</c> (or the shipped one); a file that is not a model is an error naming the option.</summary>
    private static DigitDetector LoadDetector(string? path, DetectorOptions options)
    {
        try
        {
            return DigitDetector.Load(path, options);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--model: {e.Message}", e);
        }
    }

    /// <summary>The page of <c>--image</c>; damage is a warning (the figures still time a whole page), an undecodable file an error naming the option.</summary>
    private static Image LoadImage(string path, DecodeOptions options)
    {
        try
        {
            var page = Image.Load(path, out var damage, options);
            if (damage is not null)
            {
                Console.Error.WriteLine($"digitocr: warning: '{path}': {damage}");
            }

            return page;
        }
        catch (ImageDecodeException e)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--image: {e.Message}", e);
        }
    }

    /// <summary>Paper-gray page with a few rows of pen strokes, so that post-processing has work to do.</summary>
    internal static Image SyntheticPage(int width, int height)
    {
        var page = Image.Create(width, height, fill: 235);
        var random = new Random(7);
        for (var y = 60; y + 60 < height; y += 110)
        {
            for (var x = 40; x + 40 < width; x += 44)
            {
                page.DrawLine(x, y, x + random.Next(-10, 20), y + 50, Color.Gray(30), 4);
                page.DrawCircle(x + 12, y + 20, 10, Color.Gray(40), 3);
            }
        }

        return page;
    }
}
