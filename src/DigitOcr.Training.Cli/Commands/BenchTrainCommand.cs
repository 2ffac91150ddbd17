using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Config;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sources;
using DigitOcr.Torch;
using DigitOcr.Training;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>bench-train</c>: training throughput of DigitOcr next to PyTorch on the same machine, in the same run, with the
/// same architecture, batch, input size and thread count, data loading included on both sides (PyTorch:
/// <c>bench/pytorch_train.py</c> with Debian's python3-torch). Prints images/s of each and their ratio.
/// </summary>
internal static class BenchTrainCommand
{
    private const string DefaultConfig = "configs/resnet18-ssd.json";

    public static Command Create()
    {
        var config = ValidatedOptions.ExistingFile("--config", $"Detector config (default: {DefaultConfig}).", "a detector config such as configs/lite.json");
        var steps = ValidatedOptions.Integer("--steps", "Timed steps per side", 5, 1, 100_000);
        var warmup = ValidatedOptions.Integer("--warmup", "Untimed steps first (the clock starts when they end)", 2, 1, 100_000);
        var batch = ValidatedOptions.Integer("--batch-size", "Images per step", 16, 1, 65_536);
        var threads = ValidatedOptions.Integer("--threads", "Intra-op threads on both sides", Environment.ProcessorCount, 1, 1024);
        var data = ValidatedOptions.OptionalChoice<DataPreset>("--data", "DigitOcr's data preset (default: reference).");
        var skipPyTorch = new Option<bool>("--no-pytorch") { Description = "Measure DigitOcr only." };
        var channelsLast = ValidatedOptions.Word("--channels-last", "Override training.channelsLast (true or false).", ["true", "false"]);
        var precision = ValidatedOptions.OptionalChoice<TrainingPrecision>("--precision", "Override training.precision for DigitOcr.");
        var matched = new Option<bool>("--pytorch-matched") { Description = "Run PyTorch with DigitOcr's memory format and autocast too (an engine-level comparison), instead of its defaults." };
        var rounds = ValidatedOptions.Integer("--rounds", "Alternate DigitOcr and PyTorch this many times (noise shows as spread)", 2, 1, 1000);
        var command = new Command("bench-train", "Training images/s of DigitOcr and of PyTorch, same architecture, batch and threads.")
        {
            config, steps, warmup, batch, threads, data, skipPyTorch, channelsLast, precision, matched, rounds,
        };
        command.SetAction(parse =>
        {
            var loaded = ConfigFiles.Load(parse.GetValue(config) ?? DefaultConfig);
            var options = ConfigFiles.Validated(loaded with
            {
                Training = loaded.Training with
                {
                    BatchSize = parse.GetValue(batch),
                    Threads = parse.GetValue(threads),
                    Epochs = 1,
                    ImagesPerEpoch = (parse.GetValue(steps) + parse.GetValue(warmup)) * parse.GetValue(batch),
                    ValidationImages = 0,
                    ChannelsLast = parse.GetValue(channelsLast) is { } layout ? layout == "true" : loaded.Training.ChannelsLast,
                    Precision = parse.GetValue(precision) ?? loaded.Training.Precision,
                },
                Data = loaded.Data with { Preset = parse.GetValue(data) ?? DataPreset.Reference },
            });
            var c = CultureInfo.InvariantCulture;
            var autocast = TrainingPrecisions.AutocastType(options.Training.Precision, Torch.DeviceType.CPU);
            var pytorchLikeOurs = parse.GetValue(matched);
            Console.WriteLine(string.Format(c, "{0} at {1}x{1}, batch {2}, {3} thread(s), {4} data, channels-last {5}, {6}; {7} warm-up + {8} timed steps per round",
                options.Name, options.InputSize, options.Training.BatchSize, options.Training.Threads, options.Data.Preset.Name(), options.Training.ChannelsLast,
                TrainingPrecisions.Describe(autocast), parse.GetValue(warmup), parse.GetValue(steps)));
            Console.WriteLine(pytorchLikeOurs
                ? "PyTorch runs with the same memory format and autocast as DigitOcr (--pytorch-matched)."
                : "PyTorch runs with its defaults: contiguous (NCHW) tensors, float32.");
            var ours = new List<double>();
            var theirs = new List<double>();
            for (var round = 0; round < parse.GetValue(rounds); round++)
            {
                ours.Add(MeasureDigitOcr(options, parse.GetValue(warmup)));
                Console.WriteLine(string.Format(c, "round {0}: DigitOcr {1:F2} images/s", round + 1, ours[^1]));
                if (!parse.GetValue(skipPyTorch))
                {
                    theirs.Add(MeasurePyTorch(options, parse.GetValue(steps), parse.GetValue(warmup), pytorchLikeOurs ? autocast : null, pytorchLikeOurs && options.Training.ChannelsLast));
                    Console.WriteLine(string.Format(c, "round {0}: PyTorch  {1:F2} images/s", round + 1, theirs[^1]));
                }
            }

            Console.WriteLine(string.Format(c, "DigitOcr: {0:F2} images/s (best of {1}; all: {2})", ours.Max(), ours.Count, string.Join(", ", ours.Select(v => v.ToString("F2", c)))));
            if (theirs.Count > 0)
            {
                Console.WriteLine(string.Format(c, "PyTorch:  {0:F2} images/s (best of {1}; all: {2})", theirs.Max(), theirs.Count, string.Join(", ", theirs.Select(v => v.ToString("F2", c)))));
                Console.WriteLine(string.Format(c, "ratio DigitOcr / PyTorch: {0:F2}x (best vs best), {1:F2}x (median vs median)", ours.Max() / theirs.Max(), Median(ours) / Median(theirs)));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Images/s over the timed steps (those after the warm-up), data loading included.</summary>
    private static double MeasureDigitOcr(TrainingConfig config, int warmup)
    {
        var folder = Directory.CreateTempSubdirectory("digitocr-bench-").FullName;
        try
        {
            using var source = TrainingData.CreateTrainingSource(config);
            var trainer = new Trainer(config, folder, source, []);
            var clock = new Stopwatch();
            var timedImages = 0;
            trainer.StepCompleted += step =>
            {
                if (step.Step == warmup)
                {
                    clock.Start();
                }
                else if (step.Step > warmup)
                {
                    timedImages += config.Training.BatchSize;
                }
            };
            trainer.Run(resume: false);
            clock.Stop();
            return timedImages / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double MeasurePyTorch(TrainingConfig config, int steps, int warmup, ScalarType? autocast, bool channelsLast)
    {
        var c = CultureInfo.InvariantCulture;
        var arguments = new List<string>
        {
            "--mnist", Path.Combine(DataFolder.Resolve(config.Data.DataFolder), DataFolder.MnistFolderName),
            "--size", config.InputSize.ToString(c), "--batch", config.Training.BatchSize.ToString(c),
            "--steps", steps.ToString(c), "--warmup", warmup.ToString(c),
            "--threads", config.Training.Threads.ToString(c), "--widths", string.Join(",", config.Model.Widths),
        };
        if (channelsLast)
        {
            arguments.Add("--channels-last");
        }

        if (autocast == ScalarType.BFloat16)
        {
            arguments.Add("--bf16");
        }

        using var json = PyTorchScript.Run("bench/pytorch_train.py", arguments);
        return json.RootElement.GetProperty("images_per_second").GetDouble();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
