using System.CommandLine;
using System.Diagnostics;
using DigitOcr.CommandLine;
using DigitOcr.Data;
using DigitOcr.Data.Loading;
using DigitOcr.Data.Sources;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>bench-data</c>: measures how fast the data presets make samples — on one thread (pages/s and crops/s per
/// core, wall and per CPU-second), through the background loader, and against a simulated training step that keeps
/// every core busy, reporting the share of the step the trainer spends waiting for data.
/// </summary>
internal static class BenchDataCommand
{
    private const double DefaultSeconds = 5;
    private const double DefaultStepMs = 1300;
    private const int MaxBatch = 65_536;
    private const int MaxThreads = 1024;

    public static Command Create()
    {
        var presets = ValidatedOptions.Choices("--preset", "Presets to measure", [DataPreset.Pages, DataPreset.Reference]);
        var seconds = ValidatedOptions.PositiveNumber("--seconds", $"Seconds per single-thread measurement (a number greater than 0; default {DefaultSeconds}).");
        var config = ValidatedOptions.ExistingFile("--config", "Data options JSON file (crop size, batch size, workers...; see docs/data.md).", "a data options JSON file");
        var batchSize = ValidatedOptions.OptionalInteger("--batch", "Batch size (overrides the config's loader.batchSize)", 1, MaxBatch);
        var workers = ValidatedOptions.OptionalInteger("--workers", "Loader threads (overrides the config; 0: cores - 1)", 0, MaxThreads);
        var stepMs = ValidatedOptions.PositiveNumber("--step-ms", $"Simulated training step in ms (a number greater than 0; default {DefaultStepMs}: the full model, batch 16 at 224x224 on 2 cores).");
        var steps = ValidatedOptions.Integer("--steps", "Simulated training steps", 12, 1, 100_000);
        var stepThreads = ValidatedOptions.Integer("--step-threads", "Threads the simulated step keeps busy (0: all cores, as libtorch does)", 0, 0, MaxThreads);

        var command = new Command("bench-data", "Measure data throughput: samples per second per core, loader throughput, and the trainer's wait for data.")
        {
            presets, seconds, config, batchSize, workers, stepMs, steps, stepThreads,
        };
        command.SetAction(parse =>
        {
            var baseOptions = parse.GetValue(config) is { } file ? ConfigFiles.LoadData(file) : new DataOptions();
            var loaderOptions = baseOptions.Loader with
            {
                BatchSize = parse.GetValue(batchSize) ?? baseOptions.Loader.BatchSize,
                Workers = parse.GetValue(workers) ?? baseOptions.Loader.Workers,
            };
            Console.WriteLine($"{Environment.ProcessorCount} cores; batch {loaderOptions.BatchSize}, {loaderOptions.EffectiveWorkers} loader thread(s), prefetch {loaderOptions.Prefetch}");
            foreach (var preset in parse.GetValue(presets)!)
            {
                var options = baseOptions with { Preset = preset, Loader = loaderOptions };
                var source = SampleSources.Create(options, DataSplit.Train);
                SingleThread(source, parse.GetValue(seconds) ?? DefaultSeconds);
                var loader = new BatchLoader(source, loaderOptions);
                LoaderAlone(loader);
                SimulatedTraining(loader, parse.GetValue(stepMs) ?? DefaultStepMs, parse.GetValue(steps), parse.GetValue(stepThreads));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Groups made back to back on this thread: the cost per core.</summary>
    private static void SingleThread(ISampleSource source, double seconds)
    {
        using (source.Generate(0, 0))
        {
            // Warm-up: data loading, JIT.
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long groups = 0, samples = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var sample in source.GenerateGroup(1, groups))
            {
                sample.Dispose();
                samples++;
            }

            groups++;
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var unit = source.GroupSize > 1 ? "pages" : "canvases";
        Console.WriteLine(
            $"{source.Preset.Name(),-10} one thread: {groups / wall,8:F1} {unit}/s, {samples / wall,8:F1} {source.Width}x{source.Height} samples/s " +
            $"(wall); {samples / cpu,8:F1} samples per CPU-second ({samples} samples in {wall:F1} s, {cpu:F1} CPU-s)");
    }

    /// <summary>The loader with nothing else running: its ceiling.</summary>
    private static void LoaderAlone(BatchLoader loader)
    {
        const int batches = 24;
        var clock = Stopwatch.StartNew();
        using var stream = loader.ReadEpoch(2, batches);
        foreach (var batch in stream)
        {
            batch.Dispose();
        }

        var wall = clock.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"{loader.Source.Preset.Name(),-10} loader alone: {batches * loader.Options.BatchSize / wall,8:F1} images/s, {batches / wall:F2} batches/s");
    }

    /// <summary>A trainer whose step keeps <paramref name="threads"/> cores busy for <paramref name="stepMs"/>: how long does it wait for batches?</summary>
    private static void SimulatedTraining(BatchLoader loader, double stepMs, int steps, int threads)
    {
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        var firstWait = TimeSpan.Zero;
        using var stream = loader.ReadEpoch(3, steps);
        var step = 0;
        foreach (var batch in stream)
        {
            using (batch)
            {
                if (step++ == 0)
                {
                    firstWait = stream.WaitTime;
                }

                Busy(stepMs, threads);
            }
        }

        var total = clock.Elapsed;
        var waited = stream.WaitTime;
        var steady = waited - firstWait;
        var steadyTotal = total - firstWait;
        Console.WriteLine(
            $"{loader.Source.Preset.Name(),-10} training simulation ({steps} steps of {stepMs:F0} ms on {threads} busy thread(s)): waited {waited.TotalMilliseconds:F0} ms " +
            $"= {100 * waited / total:F1}% of the run; after the first batch {100 * steady / steadyTotal:F2}% (first batch {firstWait.TotalMilliseconds:F0} ms)");
    }

    private static void Busy(double milliseconds, int threads)
    {
        var until = Stopwatch.GetTimestamp() + (long)(milliseconds * Stopwatch.Frequency / 1000);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            var x = 0.0;
            while (Stopwatch.GetTimestamp() < until)
            {
                for (var i = 0; i < 1000; i++)
                {
                    x = Math.Sqrt(x + i);
                }
            }

            GC.KeepAlive(x);
        });
    }
}
