using System.Diagnostics;
using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.ModelFiles;
using DigitOcr.Loss;
using DigitOcr.Matching;
using DigitOcr.Model;
using DigitOcr.Postprocess;
using DigitOcr.Priors;
using DigitOcr.Torch;
using DigitOcr.Torch.Distributed;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Optim;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Training;

/// <summary>
/// Trains a detector: builds it from the config (xavier init, seeded), runs the optimizer over the batch source with
/// the learning-rate plan, validates after each epoch, keeps <c>last.pt</c> (each epoch, every few minutes and on
/// cancellation) and <c>best.pt</c> (best validation mAP of the first validation set), and resumes from
/// <c>last.pt</c> exactly where it stopped. A non-finite loss stops the run, keeping the last good checkpoint.
/// </summary>
/// <remarks>
/// With a process group of several ranks, each rank runs a trainer on its own share of the data (<paramref name="data"/>
/// made with its <see cref="Data.Loading.DataShard"/>) and they train one model together (<see cref="DataParallel"/>):
/// every rank starts from rank 0's weights, gradients are averaged each step, a step counts the images of all ranks,
/// and all stop after the same step. Rank 0 alone validates (the others' <paramref name="validation"/> is ignored),
/// raises the epoch's figures and writes checkpoints; a resume reads <c>last.pt</c> on rank 0 and restores every rank
/// from its bytes. Batch norm normalises each rank's batch with that rank's own statistics (as PyTorch's DDP does
/// without SyncBatchNorm); the running statistics saved are rank 0's. When a rank dies or hangs, the others fail within
/// the group's timeout with a <see cref="DistributedException"/>, rank 0 saving the last completed step first.
/// </remarks>
public sealed class Trainer(TrainingConfig config, string outputDirectory, IBatchSource data, IReadOnlyList<IValidationSet> validation, ProcessGroup? group = null)
{
    public const string LastFile = "last.pt";
    public const string BestFile = "best.pt";

    private readonly TrainingOptions options = config.Training;

    public event Action<StepReport>? StepCompleted;

    public event Action<EpochReport>? EpochCompleted;

    /// <summary>
    /// Before the first step of a run that starts from a model file's weights (not a resumed one): the validation sets'
    /// figures for those weights, the baseline a fine-tune is measured against.
    /// </summary>
    public event Action<IReadOnlyList<ValidationResult>>? InitialWeightsValidated;

    public string LastPath => Path.Combine(outputDirectory, LastFile);

    public string BestPath => Path.Combine(outputDirectory, BestFile);

    /// <summary>
    /// Trains. <paramref name="resume"/> continues from <c>last.pt</c> (weights, optimizer, progress, RNG);
    /// otherwise <paramref name="initialWeights"/>, when given, starts from a model file's weights (a DigitOcr
    /// checkpoint or model, or a PyTorch state dict of this architecture) instead of the random initialisation.
    /// </summary>
    /// <remarks>
    /// Nothing is written before the inputs are checked: <paramref name="resume"/> without a <c>last.pt</c> throws
    /// <see cref="FileNotFoundException"/> before the output folder is created. Temporary files of checkpoints whose
    /// writer was killed (<c>last.pt.tmp-&lt;pid&gt;</c>, that process gone) are deleted on start.
    /// </remarks>
    public TrainingResult Run(bool resume, CancellationToken cancellation = default, string? initialWeights = null)
    {
        var leader = group is null || group.rank == 0;
        if (leader && resume && !File.Exists(LastPath))
        {
            throw new FileNotFoundException($"--resume was given but '{LastPath}' does not exist; start without --resume", LastPath);
        }

        if (leader)
        {
            Directory.CreateDirectory(outputDirectory);
            TorchFile.RemoveStaleTemporaryFiles(outputDirectory);
        }

        if (options.Threads > 0)
        {
            torch.set_num_threads(options.Threads);
        }

        var device = Device.Parse(options.Device);
        if (device.Type == DeviceType.CUDA && !torch.cuda.is_available())
        {
            throw new InvalidOperationException($"device '{options.Device}' was asked for, but this libtorch has no CUDA device; use --device cpu");
        }

        // libtorch has no CPU caching allocator: keep freed activation memory in the process between steps.
        torch.set_malloc_caching(true);
        torch.manual_seed(options.Seed);
        using var model = new SsdDetector(config.Model);
        model.InitializeWeights();
        model.to(device);
        var memoryFormat = options.ChannelsLast ? MemoryFormat.ChannelsLast : MemoryFormat.Contiguous;
        var autocast = TrainingPrecisions.AutocastType(options.Precision, device.Type);
        model.to(memoryFormat);
        using var optimizer = Optimizers.Create(options, model.parameters());
        var parallel = group is { world_size: > 1 } ? new DataParallel(group, model.parameters()) : null;
        var worldSize = parallel?.WorldSize ?? 1;
        var progress = new TrainingProgress(0, 0, 0, double.NegativeInfinity, WorldSize: worldSize);
        try
        {
            if (resume)
            {
                // Every rank restores from rank 0's file: same weights, optimizer state, progress and generator.
                using var checkpoint = parallel is null ? Checkpoint.Load(LastPath) : Checkpoint.Load(new MemoryStream(parallel.ShareFile(LastPath)), LastPath);
                if (checkpoint.Progress.WorldSize != worldSize)
                {
                    // Each step's images and the batches per epoch depend on the number of processes: a different one would silently change the run.
                    throw new InvalidDataException(
                        $"--resume: '{LastPath}' was written by a run of {checkpoint.Progress.WorldSize} process(es), this one has {worldSize}; resume with the same number (--nproc-per-node, or WORLD_SIZE), or start a new run with --init '{LastPath}'");
                }

                checkpoint.RestoreModel(model);
                checkpoint.RestoreTraining(optimizer);
                progress = checkpoint.Progress;
            }
            else if (initialWeights is not null && leader)
            {
                LoadInitialWeights(model, config.ModelConfig, initialWeights);
            }

            parallel?.BroadcastModel(model);
        }
        catch (DistributedException e) when (parallel is not null)
        {
            throw parallel.Explain(e);
        }

        var validationSets = leader ? validation : [];

        var sizes = model.FeatureSizes(config.InputSize, config.InputSize);
        using var priors = new PriorBoxGenerator(config.Priors).GenerateTensor(sizes, config.InputSize, config.InputSize, device);
        var coder = new BoxCoder(config.Priors.Variances[0], config.Priors.Variances[1]);
        var matcher = new SsdMatcher(config.Matcher, coder);
        var loss = new MultiBoxLoss(config.Loss);
        var postprocessor = new DetectionPostprocessor(config.Postprocess, coder);
        if (!resume && initialWeights is not null && validationSets.Count > 0 && InitialWeightsValidated is { } baseline)
        {
            baseline(validationSets.Select(v => v.Evaluate(model, priors, postprocessor)).ToList());
        }
        var plan = new LearningRatePlan(options, data.BatchesPerEpoch);
        BatchTargetEncoder encodeTargets = (truths, height, width) => matcher.Match(truths, priors, height, width);
        var ranks = parallel?.WorldSize ?? 1;

        // Where a resumed run would continue (the model and optimizer hold it: a step that failed changed nothing), and
        // the step last written to last.pt (or started from). When another rank fails, rank 0 saves what was completed since.
        var completed = progress;
        var savedStep = progress.Step;
        var lastSave = Stopwatch.StartNew();
        try
        {
            for (var epoch = progress.Epoch; epoch < options.Epochs; epoch++)
            {
                // Validation put the model in evaluation mode and back; training mode is set here, each epoch.
                EnterTraining(model, options.FreezeBatchNorm);
                var epochClock = Stopwatch.StartNew();
                var (sumLoc, sumConf, batches, images) = (0.0, 0.0, 0, 0);
                var waited = TimeSpan.Zero;
                var collectivesBefore = parallel?.CollectiveTime ?? TimeSpan.Zero;

                // Ranks stop together: after the step in which any of them was asked to, never on their own.
                var stopAgreed = false;
                var dataCancellation = parallel is null ? cancellation : CancellationToken.None;
                using var batchEnumerator = data.ReadEpoch(epoch, progress.NextBatch, encodeTargets, dataCancellation).GetEnumerator();
                var batchIndex = progress.NextBatch;
                while (true)
                {
                    var waitClock = Stopwatch.StartNew();
                    var stop = parallel is null ? cancellation.IsCancellationRequested : stopAgreed;
                    if (stop || !batchEnumerator.MoveNext())
                    {
                        break;
                    }

                    waited += waitClock.Elapsed;
                    using var batch = batchEnumerator.Current;
                    optimizer.LearningRate = plan.At(progress.Step);
                    parallel?.BeginStep(progress.Step);
                    var step = TrainStep(model, optimizer, batch, priors, matcher, loss, device, memoryFormat, autocast, parallel, cancellation.IsCancellationRequested);
                    stopAgreed = step.Stop;
                    var (localization, classification) = (step.Localization, step.Classification);
                    if (!double.IsFinite(localization) || !double.IsFinite(classification))
                    {
                        throw new NonFiniteLossException(
                            $"the loss became non-finite at epoch {epoch + 1}, batch {batchIndex + 1} (step {progress.Step + 1}): " +
                            $"localization {localization}, classification {classification}, learning rate {optimizer.LearningRate:G3}. " +
                            $"Nothing was saved after the last good checkpoint ('{LastPath}'). Lower the learning rate (--lr) or add warm-up steps, then rerun with --resume.");
                    }

                    batchIndex++;
                    batches++;
                    images += batch.Truths.Count * ranks;
                    sumLoc += localization;
                    sumConf += classification;
                    progress = progress with { NextBatch = batchIndex, Step = progress.Step + 1 };
                    completed = progress with { Epoch = epoch };
                    var elapsed = epochClock.Elapsed.TotalSeconds;
                    StepCompleted?.Invoke(new StepReport(epoch, batchIndex, data.BatchesPerEpoch, progress.Step, plan.TotalSteps,
                        localization, classification, optimizer.LearningRate, images / Math.Max(elapsed, 1e-9), waited.TotalSeconds / Math.Max(elapsed, 1e-9)));

                    if (leader && lastSave.Elapsed.TotalMinutes >= options.CheckpointMinutes)
                    {
                        Checkpoint.Save(LastPath, model, optimizer, completed, config);
                        savedStep = completed.Step;
                        lastSave.Restart();
                    }
                }

                // Speed and data wait are measured over the training steps only, not validation or checkpoint writing.
                var trainingSeconds = epochClock.Elapsed.TotalSeconds;
                var stopping = parallel is null
                    ? cancellation.IsCancellationRequested
                    : parallel.AgreeToStop(stopAgreed || cancellation.IsCancellationRequested);
                if (stopping)
                {
                    if (leader)
                    {
                        Checkpoint.Save(LastPath, model, optimizer, progress with { Epoch = epoch }, config);
                    }

                    return new TrainingResult(TrainingOutcome.Interrupted, progress with { Epoch = epoch }, LastPath, BestPath);
                }

                var results = validationSets.Select(v => v.Evaluate(model, priors, postprocessor)).ToList();
                var metric = results.Count > 0 ? results[0].Tight.Mean : -sumLoc - sumConf;
                var improved = metric > progress.BestMetric;
                progress = new TrainingProgress(
                    epoch + 1, 0, progress.Step,
                    improved ? metric : progress.BestMetric,
                    improved ? 0 : progress.EpochsWithoutImprovement + 1,
                    worldSize);
                if (leader)
                {
                    Checkpoint.Save(LastPath, model, optimizer, progress, config);
                    if (improved)
                    {
                        Checkpoint.Save(BestPath, model, optimizer: null, progress, config);
                    }
                }

                if (parallel is not null)
                {
                    (progress, improved) = parallel.FollowLeader(progress, improved);
                }

                completed = progress;
                savedStep = progress.Step;
                lastSave.Restart();
                var seconds = epochClock.Elapsed.TotalSeconds;
                var collectiveSeconds = parallel is null ? (double?)null : (parallel.CollectiveTime - collectivesBefore).TotalSeconds / Math.Max(batches, 1);
                EpochCompleted?.Invoke(new EpochReport(epoch, sumLoc / Math.Max(batches, 1), sumConf / Math.Max(batches, 1), results,
                    seconds, images / Math.Max(trainingSeconds, 1e-9), waited.TotalSeconds / Math.Max(trainingSeconds, 1e-9), improved, collectiveSeconds));

                if (options.Patience > 0 && progress.EpochsWithoutImprovement >= options.Patience)
                {
                    return new TrainingResult(TrainingOutcome.EarlyStopped, progress, LastPath, BestPath);
                }
            }
        }
        catch (DistributedException e) when (parallel is not null)
        {
            if (leader && completed.Step > savedStep)
            {
                Checkpoint.Save(LastPath, model, optimizer, completed, config);
            }

            throw parallel.Explain(e);
        }

        return new TrainingResult(TrainingOutcome.Completed, progress, LastPath, BestPath);
    }

    /// <summary>Training mode, with batch norm layers left in evaluation mode when they are frozen.</summary>
    private static void EnterTraining(SsdDetector model, bool freezeBatchNorm)
    {
        model.train();
        if (freezeBatchNorm)
        {
            foreach (var (_, module) in model.named_modules())
            {
                if (module is BatchNorm2d norm)
                {
                    norm.eval();
                }
            }
        }
    }

    private static void LoadInitialWeights(SsdDetector model, ModelConfig architecture, string path)
    {
        using var file = ModelFile.Load(path);
        file.LoadInto(model, architecture);
    }

    /// <summary>
    /// One optimisation step. Alone, on the batch's loss. With other ranks, on the global batch: the loss sums are
    /// agreed on first (with any rank's wish to <paramref name="stop"/>), each rank back-propagates its sums scaled so
    /// that the averaged gradients are the global batch's, then the gradients are averaged. The reported losses are
    /// the global batch's; a non-finite one skips the update on every rank alike.
    /// </summary>
    private static StepResult TrainStep(
        SsdDetector model, Optimizer optimizer, TrainingBatch batch, Tensor priors, SsdMatcher matcher, MultiBoxLoss loss, Device device, MemoryFormat format,
        ScalarType? autocast, DataParallel? parallel, bool stop)
    {
        using var scope = torch.NewDisposeScope();
        var shape = batch.Images.shape;
        var input = (device.Type == DeviceType.CPU ? batch.Images : batch.Images.to(device)).contiguous(format);
        optimizer.zero_grad();
        using var output = Forward(model, input, device, autocast);
        using var ownTargets = batch.Targets is null ? matcher.Match(batch.Truths, priors, (int)shape[2], (int)shape[3]) : null;
        var targets = batch.Targets ?? ownTargets!;
        using var parts = loss.Compute(output.Loc, output.Conf, targets, divisor: parallel is null ? null : 1);
        StepResult result;
        var scale = 1.0;
        if (parallel is null)
        {
            result = new StepResult(parts.Localization.item<float>(), parts.Classification.item<float>(), Stop: false);
        }
        else
        {
            var agreed = parallel.AgreeOnStep(parts, stop);
            result = new StepResult(agreed.Localization, agreed.Classification, agreed.Stop);
            scale = parallel.GradientScale(agreed);
        }

        if (double.IsFinite(result.Localization) && double.IsFinite(result.Classification))
        {
            var total = parts.Total();
            (parallel is null ? total : total * scale).backward();
            parallel?.AverageGradients();
            optimizer.step();
        }

        return result;
    }

    /// <summary>The forward pass, under autocast when asked; the loss always sees float32.</summary>
    private static SsdOutput Forward(SsdDetector model, Tensor input, Device device, ScalarType? autocast)
    {
        if (autocast is null)
        {
            return model.forward(input);
        }

        SsdOutput mixed;
        using (torch.autocast(device.Type, autocast.Value))
        {
            mixed = model.forward(input);
        }

        return new SsdOutput(mixed.Loc.to(ScalarType.Float32), mixed.Conf.to(ScalarType.Float32), mixed.FeatureSizes);
    }

    /// <summary>A step's losses (the global batch's with several ranks) and whether the ranks agreed to stop after it.</summary>
    private readonly record struct StepResult(double Localization, double Classification, bool Stop);
}
