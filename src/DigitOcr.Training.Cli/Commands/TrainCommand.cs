using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using DigitOcr.Config;
using DigitOcr.Data.Sources;
using DigitOcr.Training;
using Spectre.Console;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>train --config FILE [overrides] [--resume]</c>: trains a detector, validating each epoch, writing
/// <c>last.pt</c>, <c>best.pt</c>, <c>metrics.csv</c> and sample predictions to the output folder. A live progress bar
/// on a terminal, one line per epoch otherwise. Ctrl-C or SIGTERM saves and exits cleanly; rerun with --resume to continue.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "Detector or recognizer config (configs/*.json).", Required = true };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Folder for checkpoints and metrics (default: runs/<config name>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue from <output>/last.pt." };
        var epochs = new Option<int?>("--epochs") { Description = "Override training.epochs." };
        var images = new Option<int?>("--images-per-epoch") { Description = "Override training.imagesPerEpoch." };
        var batch = new Option<int?>("--batch-size") { Description = "Override training.batchSize." };
        var lr = new Option<double?>("--lr") { Description = "Override training.learningRate." };
        var seed = new Option<int?>("--seed") { Description = "Override training.seed (weights) and data.seed." };
        var threads = new Option<int?>("--threads") { Description = "Override training.threads (0: all cores)." };
        var device = new Option<string?>("--device") { Description = "Override training.device (cpu, cuda, cuda:N)." };
        var data = new Option<DataPreset?>("--data") { Description = "Override data.preset (pages or reference)." };
        var validation = new Option<int?>("--validation-images") { Description = "Override training.validationImages." };
        var precision = new Option<TrainingPrecision?>("--precision") { Description = "Override training.precision (auto, float32, bfloat16)." };
        var init = new Option<FileInfo?>("--init") { Description = "Start from this model file's weights (a checkpoint, an exported model or a PyTorch state dict) instead of random ones." };
        var command = new Command("train", "Train a detector from a config.")
        {
            config, output, resume, epochs, images, batch, lr, seed, threads, device, data, validation, precision, init,
        };
        command.SetAction((parse, cancellation) =>
        {
            var path = parse.GetValue(config)!.FullName;
            if (File.Exists(path) && RecognizerConfig.IsRecognizerJson(File.ReadAllText(path)))
            {
                return Task.FromResult(RecognizerTraining.Run(
                    path, parse.GetValue(output)?.FullName, parse.GetValue(resume), parse.GetValue(epochs), parse.GetValue(batch),
                    parse.GetValue(lr), parse.GetValue(seed), parse.GetValue(threads), cancellation));
            }

            var loaded = TrainingConfig.Load(path);
            var t = loaded.Training;
            var d = loaded.Data;
            var merged = (loaded with
            {
                Training = t with
                {
                    Epochs = parse.GetValue(epochs) ?? t.Epochs,
                    ImagesPerEpoch = parse.GetValue(images) ?? t.ImagesPerEpoch,
                    BatchSize = parse.GetValue(batch) ?? t.BatchSize,
                    LearningRate = parse.GetValue(lr) ?? t.LearningRate,
                    Seed = parse.GetValue(seed) ?? t.Seed,
                    Threads = parse.GetValue(threads) ?? t.Threads,
                    Device = parse.GetValue(device) ?? t.Device,
                    ValidationImages = parse.GetValue(validation) ?? t.ValidationImages,
                    Precision = parse.GetValue(precision) ?? t.Precision,
                },
                Data = d with { Preset = parse.GetValue(data) ?? d.Preset, Seed = parse.GetValue(seed) ?? d.Seed },
            }).Validated("the config with its overrides");
            var folder = parse.GetValue(output)?.FullName ?? Path.Combine("runs", merged.Name);
            return Task.FromResult(Run(merged, folder, parse.GetValue(resume), parse.GetValue(init)?.FullName, cancellation));
        });
        return command;
    }

    private static int Run(TrainingConfig config, string folder, bool resume, string? init, CancellationToken outer)
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(outer);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl-C: finish the step, save, exit. A second one kills the process as usual.
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
                Console.Error.WriteLine("Interrupted: saving a checkpoint after this step (Ctrl-C again to abort).");
            }
        };
        Console.CancelKeyPress += onCancel;

        // SIGTERM (kill, a job scheduler, a container stop) saves and exits like Ctrl-C. It matters for runs started in
        // the background, where the shell makes the process ignore SIGINT.
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            if (!interrupt.IsCancellationRequested)
            {
                interrupt.Cancel();
                Console.Error.WriteLine("Terminated: saving a checkpoint after this step.");
            }
        });
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "config.json"), config.ToJson());
            Console.WriteLine($"training {config.Name}: {config.Data.Preset.Name()} data, {config.Training.Epochs} epochs x {config.Training.ImagesPerEpoch:N0} images, batch {config.Training.BatchSize}, {config.Training.Optimizer} lr {config.Training.LearningRate:G3}, {TrainingPrecisions.Describe(TrainingPrecisions.AutocastType(config.Training.Precision, Torch.Device.Parse(config.Training.Device).Type))}, output {folder}");
            Console.WriteLine($"process {Environment.ProcessId}: Ctrl-C or `kill {Environment.ProcessId}` saves a checkpoint and stops; --resume continues");
            using var source = TrainingData.CreateTrainingSource(config);
            var validation = TrainingData.CreateValidationSets(config);
            var trainer = new Trainer(config, folder, source, validation);
            var metrics = new MetricsLog(Path.Combine(folder, "metrics.csv"));
            var samples = new SamplePredictionWriter(Path.Combine(folder, "samples"), validation);
            trainer.EpochCompleted += metrics.Append;
            TrainingResult result;
            if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
            {
                result = RunWithProgressBar(trainer, resume, init, interrupt.Token, samples);
            }
            else
            {
                trainer.EpochCompleted += report => Console.WriteLine(Summary(report));
                trainer.EpochCompleted += report => samples.Write(report.Epoch, trainer.LastPath);
                result = trainer.Run(resume, interrupt.Token, init);
            }

            Console.WriteLine($"{result.Outcome}: epoch {result.Progress.Epoch}, step {result.Progress.Step}, best mAP {result.Progress.BestMetric:F4}; last: {result.LastCheckpoint}, best: {result.BestCheckpoint}");
            return result.Outcome == TrainingOutcome.Interrupted ? 130 : 0;
        }
        catch (NonFiniteLossException e)
        {
            Console.Error.WriteLine(e.Message);
            return 3;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static TrainingResult RunWithProgressBar(Trainer trainer, bool resume, string? init, CancellationToken cancellation, SamplePredictionWriter samples)
    {
        TrainingResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting");
                trainer.StepCompleted += step =>
                {
                    task.MaxValue = step.TotalSteps;
                    task.Value = step.Step;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"epoch {step.Epoch + 1} [{step.Batch}/{step.BatchesPerEpoch}] loc {step.Localization:F3} conf {step.Classification:F3} lr {step.LearningRate:G3} {step.ImagesPerSecond:F1} img/s");
                };
                trainer.EpochCompleted += report =>
                {
                    AnsiConsole.MarkupLine(Markup.Escape(Summary(report)));
                    samples.Write(report.Epoch, trainer.LastPath);
                };
                result = trainer.Run(resume, cancellation, init);
            });
        return result!;
    }

    private static string Summary(EpochReport r) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {r.Epoch + 1}: loc {r.Localization:F4} conf {r.Classification:F4} | {string.Join(" | ", r.Validation.Select(v => $"{v.Name} mAP {v.Tight.Mean:F4}" + (v.Patch is { } p ? $" (patch boxes {p.Mean:F4})" : string.Empty) + (v.Numbers is { Numbers: > 0 } n ? $", numbers read exactly {n.ReadExactly}/{n.Numbers} ({n.Rate:P1})" : string.Empty)))} | {r.Seconds:F0} s, {r.ImagesPerSecond:F1} img/s, data wait {r.DataWaitFraction:P1}{(r.Improved ? " | best so far" : string.Empty)}");
}
