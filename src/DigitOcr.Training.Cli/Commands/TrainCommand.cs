using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using DigitOcr.CommandLine;
using DigitOcr.Config;
using DigitOcr.Data.Annotated;
using DigitOcr.Data.Sources;
using DigitOcr.Training;
using Spectre.Console;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>train --config FILE [overrides] [--resume]</c>: trains a detector, validating each epoch, writing
/// <c>last.pt</c>, <c>best.pt</c>, <c>metrics.csv</c> and sample predictions to the output folder. A live progress bar
/// on a terminal, one line per epoch otherwise. Ctrl-C or SIGTERM saves and exits cleanly; rerun with --resume to continue.
/// </summary>
internal static partial class TrainCommand
{
    public static Command Create()
    {
        var config = ValidatedOptions.ExistingFile("--config", "Detector or recognizer config (configs/*.json).", "a config file such as configs/lite.json");
        config.Required = true;
        var output = ValidatedOptions.OutputFolder("--output", "Folder for checkpoints and metrics (default: runs/<config name>).");
        var resume = new Option<bool>("--resume") { Description = "Continue from <output>/last.pt." };
        var epochs = ValidatedOptions.OptionalInteger("--epochs", "Override training.epochs", 1, int.MaxValue);
        var images = ValidatedOptions.OptionalInteger("--images-per-epoch", "Override training.imagesPerEpoch", 1, int.MaxValue);
        var batch = ValidatedOptions.OptionalInteger("--batch-size", "Override training.batchSize", 1, 65_536);
        var lr = ValidatedOptions.PositiveNumber("--lr", "Override training.learningRate (a number greater than 0).");
        var seed = ValidatedOptions.OptionalInteger("--seed", "Override training.seed (weights) and data.seed", 0, int.MaxValue);
        var threads = ValidatedOptions.OptionalInteger("--threads", "Override training.threads (0: all cores)", 0, 1024);
        var device = ValidatedOptions.Word("--device", "Override training.device (cpu, cuda, cuda:N).", ["cpu", "cuda"], CudaDevice(), "cuda:N");
        var data = new Option<DataPreset?>("--data") { Description = "Override data.preset (pages or reference)." };
        var validation = ValidatedOptions.OptionalInteger("--validation-images", "Override training.validationImages", 0, int.MaxValue);
        var precision = ValidatedOptions.OptionalChoice<TrainingPrecision>("--precision", "Override training.precision.");
        var init = ValidatedOptions.ExistingFile("--init", "Start from this model file's weights (a checkpoint, an exported model or a PyTorch state dict) instead of random ones; overrides training.init.", "a model file such as runs/lite/best.pt");
        var dataDir = ValidatedOptions.ExistingFolder("--data-dir", "Fine-tune on this folder of your own annotated images (annotations.csv, COCO .json or Pascal VOC .xml), mixed with the preset's (data.userFraction), holding some out for validation (data.validationFraction).", "a folder of annotated images");
        var command = new Command("train", "Train a detector from a config.")
        {
            config, output, resume, epochs, images, batch, lr, seed, threads, device, data, validation, precision, init, dataDir,
        };
        command.SetAction((parse, cancellation) =>
        {
            var path = parse.GetValue(config)!;
            if (File.Exists(path) && RecognizerConfig.IsRecognizerJson(File.ReadAllText(path)))
            {
                return Task.FromResult(RecognizerTraining.Run(
                    path, parse.GetValue(output), parse.GetValue(resume), parse.GetValue(epochs), parse.GetValue(batch),
                    parse.GetValue(lr), parse.GetValue(seed), parse.GetValue(threads), cancellation));
            }

            var loaded = ConfigFiles.Load(parse.GetValue(config)!);
            var t = loaded.Training;
            var d = loaded.Data;
            var merged = ConfigFiles.Validated(loaded with
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
                Data = d with
                {
                    Preset = parse.GetValue(data) ?? d.Preset,
                    Seed = parse.GetValue(seed) ?? d.Seed,
                    UserFolder = parse.GetValue(dataDir) is { } dir ? Path.GetFullPath(dir) : d.UserFolder,
                },
            });
            var folder = parse.GetValue(output) ?? Path.Combine("runs", merged.Name);
            return Task.FromResult(Run(merged, folder, parse.GetValue(resume), parse.GetValue(init) ?? ConfiguredInit(merged), cancellation));
        });
        return command;
    }

    /// <summary>The config's <c>training.init</c>, which must exist (a relative path is taken from the current folder).</summary>
    private static string? ConfiguredInit(TrainingConfig config)
    {
        if (config.Training.Init is not { } path || File.Exists(path))
        {
            return config.Training.Init;
        }

        throw new CommandLineException(TrainerExitCodes.Usage,
            $"--config: training.init names the model file '{path}', which does not exist (relative paths are taken from {Directory.GetCurrentDirectory()}); run from the repository root or give --init FILE");
    }

    [GeneratedRegex(@"^cuda:\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex CudaDevice();

    /// <summary>
    /// Checks what can be checked before anything is written: a checkpoint to resume from, an output folder that
    /// can be created and written (its <c>config.json</c> is the first file written).
    /// </summary>
    private static void PrepareOutput(TrainingConfig config, string folder, bool resume)
    {
        var last = Path.Combine(folder, Trainer.LastFile);
        if (resume && !File.Exists(last))
        {
            throw new CommandLineException(TrainerExitCodes.Files, $"--resume: there is no checkpoint '{last}' to continue from; start without --resume (or give the run's --output)");
        }

        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "config.json"), config.ToJson());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException(TrainerExitCodes.Files, $"--output: cannot write to '{folder}': {e.Message}", e);
        }
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
            // The user's folder is checked before anything is written: a bad one leaves no run behind.
            var user = TrainingData.LoadUserData(config);
            PrepareOutput(config, folder, resume);
            Console.WriteLine($"training {config.Name}: {config.Data.Preset.Name()} data, {config.Training.Epochs} epochs x {config.Training.ImagesPerEpoch:N0} images, batch {config.Training.BatchSize}, {config.Training.Optimizer} lr {config.Training.LearningRate:G3}, {TrainingPrecisions.Describe(TrainingPrecisions.AutocastType(config.Training.Precision, Torch.Device.Parse(config.Training.Device).Type))}, {(init is null ? "random weights" : $"from {init}")}, output {folder}");
            if (user is var (userFolder, split))
            {
                UserDataReport.Describe(userFolder, split, string.Create(CultureInfo.InvariantCulture,
                    $"{config.Data.UserFraction:P0} of training crops from them (data.userFraction), the held-out ones validated first (they pick best.pt)"));
            }

            Console.WriteLine($"process {Environment.ProcessId}: Ctrl-C or `kill {Environment.ProcessId}` saves a checkpoint and stops; --resume continues");
            using var source = TrainingData.CreateTrainingSource(config, user?.Split);
            var presets = TrainingData.CreateValidationSets(config);
            var validation = new List<IValidationSet>();
            if (user is { Split: var held } && TrainingData.CreateUserValidationSet(config, held) is { } userSet)
            {
                validation.Add(userSet);
            }

            validation.AddRange(presets);
            var trainer = new Trainer(config, folder, source, validation);
            var metrics = new MetricsLog(Path.Combine(folder, "metrics.csv"));
            var samples = new SamplePredictionWriter(Path.Combine(folder, "samples"), presets);
            trainer.EpochCompleted += metrics.Append;
            TrainingResult result;
            if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
            {
                result = RunWithProgressBar(trainer, resume, init, interrupt.Token, samples);
            }
            else
            {
                trainer.InitialWeightsValidated += results => Console.WriteLine($"before training: {Figures(results)}");
                trainer.EpochCompleted += report => Console.WriteLine(Summary(report));
                trainer.EpochCompleted += report => samples.Write(report.Epoch, trainer.LastPath);
                result = trainer.Run(resume, interrupt.Token, init);
            }

            Console.WriteLine($"{result.Outcome}: epoch {result.Progress.Epoch}, step {result.Progress.Step}, best mAP {result.Progress.BestMetric:F4}; last: {result.LastCheckpoint}, best: {result.BestCheckpoint}");
            return result.Outcome == TrainingOutcome.Interrupted ? TrainerExitCodes.Interrupted : TrainerExitCodes.Success;
        }
        catch (NonFiniteLossException e)
        {
            Console.Error.WriteLine(e.Message);
            return TrainerExitCodes.Diverged;
        }
        catch (AnnotatedFolderException e)
        {
            return UserDataReport.Fail(e);
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
                trainer.InitialWeightsValidated += results => AnsiConsole.MarkupLine(Markup.Escape($"before training: {Figures(results)}"));
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
        $"epoch {r.Epoch + 1}: loc {r.Localization:F4} conf {r.Classification:F4} | {Figures(r.Validation)} | {r.Seconds:F0} s, {r.ImagesPerSecond:F1} img/s, data wait {r.DataWaitFraction:P1}{(r.Improved ? " | best so far" : string.Empty)}");

    /// <summary>Each validation set's mAP, and its numbers read exactly where it has numbers.</summary>
    private static string Figures(IReadOnlyList<ValidationResult> results) => string.Join(" | ", results.Select(v =>
        string.Create(CultureInfo.InvariantCulture, $"{v.Name} mAP {v.Tight.Mean:F4}")
        + (v.Loss is { } l ? string.Create(CultureInfo.InvariantCulture, $" loss {l:F4}") : string.Empty)
        + (v.Patch is { } p ? string.Create(CultureInfo.InvariantCulture, $" (patch boxes {p.Mean:F4})") : string.Empty)
        + (v.Numbers is { Numbers: > 0 } n ? string.Create(CultureInfo.InvariantCulture, $", numbers read exactly {n.ReadExactly}/{n.Numbers} ({n.Rate:P1})") : string.Empty)));
}
