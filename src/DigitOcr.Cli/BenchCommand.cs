using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.Benchmarks;
using DigitOcr.Inference.Pipelines;
using DigitOcr.Preprocessing;
using DigitOcr.Torch;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Cli;

/// <summary>
/// <c>bench [--model FILE] [--image FILE | --width W --height H] [--runs N] [--threads T] [--backend B]</c>: latency
/// of one <c>Detect</c> call (decode excluded, scaling, network and post-processing included) and of the number
/// reading that follows. <c>--pytorch</c>: the network alone on each DigitOcr backend and in Debian's PyTorch
/// (<c>bench/pytorch_infer.py</c>), same weights, input and thread count, with the ratios. <c>--folder DIR</c>: pages
/// per second over a folder, decoding ahead as <c>detect</c> does. A model or image that cannot be read is one line
/// naming the option, exit code 2.
/// </summary>
internal static class BenchCommand
{
    private const int MinSide = 32;
    private const int MaxSide = 16_384;
    private const int WarmupRuns = 3;

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
        var noReread = new Option<bool>("--no-reread") { Description = "Time without the second, enlarged reading of small writing." };
        var recognizer = ValidatedOptions.ExistingFile("--recognizer", "Digit recognizer model file (one recognizer or an ensemble); default: the shipped recognizer.", "a recognizer model file, such as runs/recognizer/best.pt");
        var backend = ValidatedOptions.OptionalChoice<DetectorBackend>("--backend", $"Engine of the detector's network (default: {Name(new DetectorOptions().EffectiveBackend)} on the CPU; with --pytorch: both).");
        var precision = ValidatedOptions.Choice<InferencePrecision>("--precision", "Arithmetic of the detector's network (bfloat16: libtorch autocast; int8: ONNX Runtime QDQ)");
        var pytorch = new Option<bool>("--pytorch") { Description = "Time the network alone (W x H input, float32) on DigitOcr's backends and in Debian's PyTorch (bench/pytorch_infer.py), same weights, input and threads; print the ratios." };
        var folder = ValidatedOptions.ExistingFolder("--folder", "Read every image of this folder, as detect does, and print pages per second.", "a folder of images");
        var decodeAhead = ValidatedOptions.Integer("--decode-ahead", "With --folder: images decoded ahead of the network (0: decode each when it is needed)", DecodeAhead.DefaultCapacity, 0, DecodeAhead.MaxCapacity);
        var command = new Command("bench", "Measure Detect latency per page, the network against PyTorch (--pytorch), or pages per second on a folder (--folder).")
        {
            model, image, width, height, runs, threads, pyramid, noRecognizer, noReread, recognizer, backend, precision, pytorch, folder, decodeAhead,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(threads) is { } t)
            {
                torch.set_num_threads(t);
            }

            var options = new DetectorOptions
            {
                PyramidLevels = parse.GetValue(pyramid),
                UseRecognizer = !parse.GetValue(noRecognizer),
                RecognizerPath = parse.GetValue(recognizer),
                RereadBelowHeight = parse.GetValue(noReread) ? null : new DetectorOptions().RereadBelowHeight,
            };
            options = options with { Backend = parse.GetValue(backend), Precision = parse.GetValue(precision) };
            if (parse.GetValue(pytorch))
            {
                using var input = parse.GetValue(image) is { } file ? LoadImage(file, options.Decode) : SyntheticPage(parse.GetValue(width), parse.GetValue(height));
                BackendsAndPyTorch(parse.GetValue(model), input, parse.GetValue(backend), parse.GetValue(runs), options);
            }
            else if (parse.GetValue(folder) is { } dir)
            {
                Folder(parse.GetValue(model), dir, parse.GetValue(decodeAhead), options);
            }
            else
            {
                using var page = parse.GetValue(image) is { } file ? LoadImage(file, options.Decode) : SyntheticPage(parse.GetValue(width), parse.GetValue(height));
                PageLatency(parse.GetValue(model), page, parse.GetValue(runs), options);
            }

            return 0;
        });
        return command;
    }

    private static void PageLatency(string? model, Image page, int runs, DetectorOptions options)
    {
        using var detector = ReaderLoading.LoadDetector(model, options);
        var reader = new PageReader(detector);
        reader.Read(page);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            reader.Read(page);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var s = new LatencySummary(times);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}x{1} page, {2} runs, {3} thread(s), model {4}{5}, backend {6}{11}: median {7:F1} ms, mean {8:F1} ms, min {9:F1} ms, max {10:F1} ms",
            page.Width, page.Height, times.Count, torch.get_num_threads(), detector.Config.Name, detector.RecognizerSource is null ? " (no recognizer)" : " + recognizer",
            Name(options.EffectiveBackend), s.Median, s.Mean, s.Min, s.Max, options.Precision == InferencePrecision.Float32 ? "" : " " + PrecisionName(options.Precision)));
    }

    /// <summary>The network alone on each backend asked for, then in PyTorch with the same weights, input and threads.</summary>
    private static void BackendsAndPyTorch(string? model, Image page, DetectorBackend? only, int runs, DetectorOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        using var bench = LoadBenchmark(model, options);
        using var gray = page.Channels == 1 ? null : page.ToGray();
        using var prepared = InputPreprocessor.Prepare(gray ?? page, new DetectorPass(0, page.Width, page.Height, page.Width, page.Height, page.Width, page.Height));
        using var input = prepared.unsqueeze(0);
        var threads = torch.get_num_threads();
        Console.WriteLine(string.Format(c, "network only: {0}x{1} input, model {2} ({3}), {4} thread(s), float32 unless named, DigitOcr with batch norm folded as detect runs it, {5} warm-up + {6} timed runs each",
            page.Width, page.Height, bench.Config.Name, model ?? DefaultModel.Name, threads, WarmupRuns, runs));
        var ours = new List<(string Name, LatencySummary Times)>();
        // Each backend in float32, as PyTorch runs; a --precision other than float32 adds its own row.
        var variants = only is { } b
            ? [(b, options.Precision)]
            : Enum.GetValues<DetectorBackend>().Select(backend => (backend, InferencePrecision.Float32))
                .Concat(options.Precision == InferencePrecision.Float32 ? [] : [(options.EffectiveBackend, options.Precision)]).ToList();
        foreach (var (backend, precision) in variants)
        {
            var timing = bench.Time(input, backend, WarmupRuns, runs, options with { Precision = precision });
            var times = timing.Wall;
            var name = precision == InferencePrecision.Float32 ? Name(backend) : $"{Name(backend)} {PrecisionName(precision)}";
            ours.Add((name, times));
            Console.WriteLine(string.Format(c, "DigitOcr {0,-17} median {1:F1} ms (mean {2:F1}, min {3:F1}, max {4:F1}); processor time median {5:F1} ms", name + ":", times.Median, times.Mean, times.Min, times.Max, timing.Cpu.Median));
        }

        var file = Path.Combine(Path.GetTempPath(), $"digitocr-bench-{Environment.ProcessId}.pt");
        try
        {
            TorchFile.Save(bench.Weights.Select(w => new KeyValuePair<string, Tensor>("state." + w.Key, w.Value)).Append(new("input", input)), file);
            using var json = RunPyTorch(
            [
                "--file", file, "--widths", string.Join(",", bench.Config.Model.Widths), "--threads", threads.ToString(c),
                "--runs", runs.ToString(c), "--warmup", WarmupRuns.ToString(c),
            ]);
            var r = json.RootElement;
            var theirs = r.GetProperty("median_ms").GetDouble();
            Console.WriteLine(string.Format(c, "PyTorch {0} (NCHW, float32, inference_mode, {1} thread(s), OMP_WAIT_POLICY {6}): median {2:F1} ms (mean {3:F1}, min {4:F1}, max {5:F1}); processor time median {7:F1} ms",
                r.GetProperty("torch").GetString(), r.GetProperty("threads").GetInt32(), theirs, r.GetProperty("mean_ms").GetDouble(), r.GetProperty("min_ms").GetDouble(), r.GetProperty("max_ms").GetDouble(),
                r.GetProperty("omp_wait_policy").GetString(), r.GetProperty("cpu_median_ms").GetDouble()));
            Console.WriteLine("ratio DigitOcr / PyTorch (median / median): " + string.Join(", ", ours.Select(o => string.Format(c, "{0} {1:F2}", o.Name, o.Times.Median / theirs))));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string PrecisionName(InferencePrecision precision) => precision.ToString().ToLowerInvariant();

    /// <summary>PyTorch's side; a script that cannot be found or fails (no python3-torch) is one line naming <c>--pytorch</c>.</summary>
    private static System.Text.Json.JsonDocument RunPyTorch(IEnumerable<string> arguments)
    {
        try
        {
            return PyTorchScript.Run("bench/pytorch_infer.py", arguments);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--pytorch: {e.Message}", e);
        }
    }

    /// <summary>Pages per second over a folder's images, decoded ahead and read as <c>detect</c> reads them (no output written).</summary>
    private static void Folder(string? model, string folder, int decodeAhead, DetectorOptions options)
    {
        var images = ImageInputs.Collect([folder], drawFolder: null).Images.Select(i => i.Path).ToList();
        if (images.Count == 0)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--folder: no images ({ImageInputs.ExtensionList}) in '{folder}'");
        }

        using var detector = ReaderLoading.LoadDetector(model, options);
        var reader = new PageReader(detector);
        reader.Read(images[0]);
        var pages = 0;
        var clock = Stopwatch.StartNew();
        foreach (var decoded in DecodeAhead.Read(images, detector.Options.Decode, decodeAhead))
        {
            using (decoded)
            {
                if (decoded.Image is { } image)
                {
                    reader.Read(image);
                    pages++;
                }
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} pages in {2:F2} s: {3:F2} pages/s ({4} thread(s), decode ahead {5}, model {6}{7}, backend {8} {10}, pyramid {9})",
            folder, pages, seconds, pages / seconds, torch.get_num_threads(), decodeAhead, detector.Config.Name,
            detector.RecognizerSource is null ? " (no recognizer)" : " + recognizer", Name(options.EffectiveBackend), options.PyramidLevels?.ToString(CultureInfo.InvariantCulture) ?? "as the image calls for", PrecisionName(options.Precision)));
    }

    /// <summary>The network benchmark of <c>--model</c> (or the shipped one); a file that is not a model is an error naming the option.</summary>
    private static NetworkBenchmark LoadBenchmark(string? path, DetectorOptions options)
    {
        try
        {
            return NetworkBenchmark.Load(path, options);
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

    private static string Name(DetectorBackend backend) => backend.ToString().ToLowerInvariant();

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
