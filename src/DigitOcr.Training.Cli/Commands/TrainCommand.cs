using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using DigitOcr.CommandLine;
using DigitOcr.Config;
using DigitOcr.Data.Annotated;
using DigitOcr.Data.Loading;
using DigitOcr.Data.Sources;
using DigitOcr.Torch.Distributed;
using DigitOcr.Training;
using DigitOcr.Training.Distributed;
using Spectre.Console;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>train --config FILE [overrides] [--resume]</c>: trains a detector, validating each epoch, writing
/// <c>last.pt</c>, <c>best.pt</c>, <c>metrics.csv</c> and sample predictions to the output folder. A live progress bar
/// on a terminal, one line per epoch otherwise. Ctrl-C or SIGTERM saves and exits cleanly; rerun with --resume to continue.
/// Data-parallel: <c>--nproc-per-node N</c> starts N workers of this same command (<see cref="WorkerLauncher"/>); a
/// worker, or any process started with torchrun's variables set (<see cref="DistributedContext"/>), trains as one rank.
/// </summary>
internal static partial class TrainCommand
{
    public static Command Create()
    {
        var config = ValidatedOptions.ExistingFile("--config", "Detector or recognizer config (configs/*.json).", "a config file such as configs/lite.json");
        config.Required = true;
        var output = ValidatedOptions.OutputFolder("--output", "Folder for checkpoints and metrics (default: runs/<config name>); a new run does not start in one that holds another run's last.pt or best.pt.");
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
        var initMember = ValidatedOptions.OptionalInteger("--init-member", "With a recognizer config and --init naming a file of several recognizers: the one to start from (default 0, the first); overrides initMember.", 0, RecognizerConfig.MaxMembers - 1);
        var processes = ValidatedOptions.OptionalInteger(NprocPerNode, "Train data-parallel with this many worker processes on this machine (torchrun's convention): --batch-size is per process, the cores are split between them, rank 0 validates and writes checkpoints.", 1, 1024);
        var nodes = ValidatedOptions.OptionalInteger(Nnodes, "With --nproc-per-node: the machines taking part (default 1); MASTER_ADDR and MASTER_PORT name node 0's rendezvous.", 1, 65_536);
        var nodeRank = ValidatedOptions.OptionalInteger(NodeRank, "With --nproc-per-node: this machine's number, 0 .. --nnodes - 1 (default 0; node 0 runs rank 0).", 0, 65_535);
        var dataDir = ValidatedOptions.ExistingFolder("--data-dir", "Fine-tune on this folder of your own annotated images (annotations.csv, COCO .json or Pascal VOC .xml), mixed with the preset's (data.userFraction), holding some out for validation (data.validationFraction).", "a folder of annotated images");
        var command = new Command("train", "Train a detector, or a digit recognizer (a config with \"task\": \"recognizer\"), from a config.")
        {
            config, output, resume, epochs, images, batch, lr, seed, threads, device, data, validation, precision, init, initMember, dataDir, processes, nodes, nodeRank,
        };
        command.SetAction((parse, cancellation) =>
        {
            var path = parse.GetValue(config)!;
            if (parse.GetValue(processes) is null && (parse.GetValue(nodes) is not null || parse.GetValue(nodeRank) is not null))
            {
                throw new CommandLineException(TrainerExitCodes.Usage, $"{Nnodes} and {NodeRank} go with {NprocPerNode} N (the workers to start on this machine)");
            }

            if (File.Exists(path) && RecognizerConfig.IsRecognizerJson(File.ReadAllText(path)))
            {
                if (parse.GetValue(processes) is not null || DistributedContext.FromEnvironment() is { IsDistributed: true })
                {
                    throw new CommandLineException(TrainerExitCodes.Usage, $"data-parallel training ({NprocPerNode}, or {DistributedContext.WorldSizeVariable} > 1) is for the detector; '{path}' is a recognizer config: train it in one process");
                }

                return Task.FromResult(RecognizerTraining.Run(
                    path, parse.GetValue(output), parse.GetValue(resume), parse.GetValue(epochs), parse.GetValue(batch),
                    parse.GetValue(lr), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(init), parse.GetValue(initMember), cancellation));
            }

            if (parse.GetValue(initMember) is not null)
            {
                throw new CommandLineException(TrainerExitCodes.Usage, $"--init-member picks one of several recognizers in an --init file; '{path}' is a detector config");
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
            if (parse.GetValue(processes) is { } count)
            {
                // The config was checked here, once: the workers parse the same command line.
                var launch = new LaunchOptions { ProcessesPerNode = count, Nodes = parse.GetValue(nodes) ?? 1, NodeRank = parse.GetValue(nodeRank) ?? 0 };
                return Task.FromResult(Launch(launch, folder, cancellation));
            }

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

    private const string NprocPerNode = "--nproc-per-node";
    private const string Nnodes = "--nnodes";
    private const string NodeRank = "--node-rank";

    /// <summary>
    /// <c>--nproc-per-node</c>: starts this machine's workers (this program, the same arguments without the launcher's
    /// options) and waits for them. Returns the first failed rank's exit code when it is one of the trainer's own
    /// (a usage, data or file problem, divergence), <see cref="TrainerExitCodes.RankFailed"/> for any other failure.
    /// </summary>
    private static int Launch(LaunchOptions launch, string folder, CancellationToken outer)
    {
        var set = DistributedContext.Variables.Take(3).Where(v => Environment.GetEnvironmentVariable(v) is not null).ToList();
        if (set.Count > 0)
        {
            throw new CommandLineException(TrainerExitCodes.Usage,
                $"{NprocPerNode} starts its own workers and sets {string.Join(", ", DistributedContext.Variables.Take(3))} for them, but {string.Join(", ", set)} is already set (by another launcher?); unset it or drop {NprocPerNode}");
        }

        var port = Environment.GetEnvironmentVariable(DistributedContext.MasterPortVariable);
        int? masterPort = null;
        if (port is not null)
        {
            masterPort = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65_535
                ? p
                : throw new CommandLineException(TrainerExitCodes.Usage, $"{DistributedContext.MasterPortVariable} is '{port}'; it must be a port number 1 .. 65535 (or unset, for a free port on one machine)");
        }

        launch = launch with { MasterAddress = Environment.GetEnvironmentVariable(DistributedContext.MasterAddressVariable), MasterPort = masterPort };
        var problems = launch.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new CommandLineException(TrainerExitCodes.Usage, string.Join("; ", problems));
        }

        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(outer);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The workers got the terminal's Ctrl-C too; they save after their step and stop together. Wait for them.
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupt.Cancel();
        });
        try
        {
            var (program, arguments) = WorkerCommandLine();
            var result = new WorkerLauncher(launch, [TrainerExitCodes.Success, TrainerExitCodes.Interrupted])
                .Run(program, arguments, Console.Out, Console.Error, interrupt.Token);
            if (result.FirstFailure is { } failed)
            {
                var last = Path.Combine(folder, Trainer.LastFile);
                Console.Error.WriteLine($"trainer: rank {failed.Rank} of {launch.WorldSize} {WorkerLauncher.Describe(failed.ExitCode)}; the run stopped" +
                    (launch.NodeRank == 0 && File.Exists(last) ? $". '{last}' keeps the last completed step: rerun with --resume to continue" : string.Empty));
                return failed.ExitCode is >= TrainerExitCodes.Usage and <= TrainerExitCodes.BadAnnotations ? failed.ExitCode : TrainerExitCodes.RankFailed;
            }

            return result.Workers.Any(w => w.ExitCode == TrainerExitCodes.Interrupted) ? TrainerExitCodes.Interrupted : TrainerExitCodes.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>This program and its arguments without the launcher's options, for the workers.</summary>
    private static (string Program, IReadOnlyList<string> Arguments) WorkerCommandLine()
    {
        var program = Environment.ProcessPath ?? throw new CommandLineException(TrainerExitCodes.Usage,
            "--nproc-per-node cannot start the workers: the runtime does not say where this program is (Environment.ProcessPath). Start one process per rank yourself, as README.md's torchrun example does");
        var arguments = new List<string>();
        if (string.Equals(Path.GetFileNameWithoutExtension(program), "dotnet", StringComparison.Ordinal))
        {
            // Started as `dotnet DigitOcr.Training.Cli.dll ...`: the workers are too.
            arguments.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        }

        string[] launcherOptions = [NprocPerNode, Nnodes, NodeRank];
        var given = Environment.GetCommandLineArgs().Skip(1).ToList();
        for (var i = 0; i < given.Count; i++)
        {
            var token = given[i];
            if (launcherOptions.Contains(token))
            {
                i++;
                continue;
            }

            if (launcherOptions.Any(o => token.StartsWith(o + "=", StringComparison.Ordinal) || token.StartsWith(o + ":", StringComparison.Ordinal)))
            {
                continue;
            }

            arguments.Add(token);
        }

        return (program, arguments);
    }

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

        RunFolder.EnsureNoOtherRun(folder, resume);

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
        // A worker of a data-parallel run (started by --nproc-per-node, torchrun or by hand) trains as one rank.
        var context = DistributedContext.FromEnvironment() is { IsDistributed: true } c ? c : null;
        var leader = context?.IsLeader ?? true;
        var saving = leader ? "saving a checkpoint after this step" : "stopping after this step, with the other ranks";
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(outer);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl-C: finish the step, save, exit. A second one kills the process as usual.
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
                Console.Error.WriteLine($"Interrupted: {saving} (Ctrl-C again to abort).");
            }
        };
        Console.CancelKeyPress += onCancel;

        // SIGTERM (kill, a job scheduler, a container stop) saves and exits like Ctrl-C. It matters for runs started in
        // the background, where the shell makes the process ignore SIGINT.
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            if (!interrupt.IsCancellationRequested)
            {
                interrupt.Cancel();
                Console.Error.WriteLine($"Terminated: {saving}.");
            }
        });
        try
        {
            if (context is not null && Torch.Device.Parse(config.Training.Device) is { Type: Torch.DeviceType.CUDA, Index: < 0 })
            {
                // One GPU per local rank, as torchrun's scripts pick it.
                config = config with { Training = config.Training with { Device = $"cuda:{context.LocalRank}" } };
            }

            // The user's folder is checked before anything is written: a bad one leaves no run behind.
            var user = TrainingData.LoadUserData(config);
            if (leader)
            {
                PrepareOutput(config, folder, resume);
                Console.WriteLine($"training {config.Name}: {config.Data.Preset.Name()} data, {config.Training.Epochs} epochs x {config.Training.ImagesPerEpoch:N0} images, batch {config.Training.BatchSize}{(context is null ? string.Empty : " per rank")}, {config.Training.Optimizer} lr {config.Training.LearningRate:G3}, {TrainingPrecisions.Describe(TrainingPrecisions.AutocastType(config.Training.Precision, Torch.Device.Parse(config.Training.Device).Type))}, {(init is null ? "random weights" : $"from {init}")}, output {folder}");
                if (user is var (userFolder, split))
                {
                    UserDataReport.Describe(userFolder, split, string.Create(CultureInfo.InvariantCulture,
                        $"{config.Data.UserFraction:P0} of training crops from them (data.userFraction), the held-out ones validated first (they pick best.pt)"));
                }

                Console.WriteLine($"process {Environment.ProcessId}: Ctrl-C or `kill {Environment.ProcessId}` saves a checkpoint and stops; --resume continues");
            }

            using var group = context is null ? null : Join(context, config);
            using var source = TrainingData.CreateTrainingSource(config, user?.Split, context is null ? null : new DataShard(context.Rank, context.WorldSize));
            var validation = new List<IValidationSet>();
            IReadOnlyList<ValidationSet> presets = [];
            if (leader)
            {
                // Rank 0 alone validates, logs and writes checkpoints.
                presets = TrainingData.CreateValidationSets(config);
                if (user is { Split: var held } && TrainingData.CreateUserValidationSet(config, held) is { } userSet)
                {
                    validation.Add(userSet);
                }

                validation.AddRange(presets);
            }

            var trainer = new Trainer(config, folder, source, validation, group);
            TrainingResult result;
            if (!leader)
            {
                result = trainer.Run(resume, interrupt.Token, init);
                Console.WriteLine($"{result.Outcome}: rank {context!.Rank} done at epoch {result.Progress.Epoch}, step {result.Progress.Step}");
                return result.Outcome == TrainingOutcome.Interrupted ? TrainerExitCodes.Interrupted : TrainerExitCodes.Success;
            }

            var metrics = new MetricsLog(Path.Combine(folder, "metrics.csv"));
            var samples = new SamplePredictionWriter(Path.Combine(folder, "samples"), presets);
            trainer.EpochCompleted += metrics.Append;
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
        catch (DistributedException e) when (leader && File.Exists(Path.Combine(folder, Trainer.LastFile)))
        {
            throw new CommandLineException(TrainerExitCodes.RankFailed,
                $"{e.Message}; '{Path.Combine(folder, Trainer.LastFile)}' keeps the last completed step: rerun with --resume to continue", e);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Joins the run's process group (rank 0 hosts the rendezvous) and says so.</summary>
    private static ProcessGroup Join(DistributedContext context, TrainingConfig config)
    {
        var timeout = TimeSpan.FromSeconds(config.Training.DistributedTimeoutSeconds);
        var group = ProcessGroup.Gloo(context, timeout);
        var batch = config.Training.BatchSize;
        Console.WriteLine(context.IsLeader
            ? string.Create(CultureInfo.InvariantCulture,
                $"data-parallel: {context.WorldSize} ranks x batch {batch} = {context.WorldSize * batch} images per step, rendezvous at {context.MasterAddress}:{context.MasterPort}, timeout {timeout.TotalSeconds:0.#} s (training.distributedTimeoutSeconds); rank 0 validates and writes checkpoints")
            : $"rank {context.Rank} of {context.WorldSize} joined (process {Environment.ProcessId}, local rank {context.LocalRank})");
        return group;
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
        $"epoch {r.Epoch + 1}: loc {r.Localization:F4} conf {r.Classification:F4} | {Figures(r.Validation)} | {r.Seconds:F0} s, {r.ImagesPerSecond:F1} img/s, data wait {r.DataWaitFraction:P1}{(r.AllReduceSecondsPerStep is { } a ? $", all-reduce {a * 1000:F1} ms/step" : string.Empty)}{(r.Improved ? " | best so far" : string.Empty)}");

    /// <summary>Each validation set's mAP, and its numbers read exactly where it has numbers.</summary>
    private static string Figures(IReadOnlyList<ValidationResult> results) => string.Join(" | ", results.Select(v =>
        string.Create(CultureInfo.InvariantCulture, $"{v.Name} mAP {v.Tight.Mean:F4}")
        + (v.Loss is { } l ? string.Create(CultureInfo.InvariantCulture, $" loss {l:F4}") : string.Empty)
        + (v.Patch is { } p ? string.Create(CultureInfo.InvariantCulture, $" (patch boxes {p.Mean:F4})") : string.Empty)
        + (v.Numbers is { Numbers: > 0 } n ? string.Create(CultureInfo.InvariantCulture, $", numbers read exactly {n.ReadExactly}/{n.Numbers} ({n.Rate:P1})") : string.Empty)));
}
