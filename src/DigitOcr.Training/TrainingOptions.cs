namespace DigitOcr.Training;

/// <summary>Which optimizer trains the model.</summary>
public enum OptimizerKind
{
    Sgd,
    AdamW,
}

/// <summary>How the learning rate moves over training (after any linear warm-up).</summary>
public enum LearningRateSchedule
{
    /// <summary>Multiplied by <see cref="TrainingOptions.Gamma"/> at each milestone epoch (the reference).</summary>
    MultiStep,

    /// <summary>Cosine decay from the peak to zero over all steps.</summary>
    Cosine,
}

/// <summary>A training recipe (the <c>training</c> section of a config); command-line flags override fields.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 20;

    public int ImagesPerEpoch { get; init; } = 50_000;

    public int BatchSize { get; init; } = 16;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    public double LearningRate { get; init; } = 3e-4;

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 5e-5;

    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.MultiStep;

    /// <summary>Epochs after which the rate is multiplied by <see cref="Gamma"/> (multi-step schedule).</summary>
    public IReadOnlyList<int> Milestones { get; init; } = [10, 15];

    public double Gamma { get; init; } = 0.1;

    /// <summary>Steps of linear warm-up from zero to the peak rate (0: none).</summary>
    public int WarmupSteps { get; init; }

    /// <summary>
    /// A model file whose weights the run starts from instead of random ones (a checkpoint, an exported model or a
    /// PyTorch state dict of this architecture; a relative path is taken from the current folder); <c>--init</c>
    /// overrides it; null: random initialisation. A resumed run continues from its checkpoint instead.
    /// </summary>
    public string? Init { get; init; }

    /// <summary>
    /// Batch norm layers keep the running statistics they were trained with (they run as in evaluation) while the
    /// rest trains; their scale and shift still learn. For fine-tuning, as detectron2 freezes batch norm: small batches
    /// of new images give batch statistics unlike the ones the weights learned with, which upsets a trained model
    /// before it has learned anything.
    /// </summary>
    public bool FreezeBatchNorm { get; init; }

    /// <summary>Seeds the weights, the data order and augmentation.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Images in each validation set (the first of each fixed set made from MNIST test digits).</summary>
    public int ValidationImages { get; init; } = 500;

    /// <summary>Validate on both presets ("pages" and "reference"), or only on the one trained on.</summary>
    public bool ValidateBothPresets { get; init; } = true;

    /// <summary>Intra-op threads (0: all cores).</summary>
    public int Threads { get; init; }

    public string Device { get; init; } = "cpu";

    /// <summary>Stop after this many epochs without a better validation mAP (0: never stop early).</summary>
    public int Patience { get; init; }

    /// <summary>Minutes between mid-epoch checkpoints (a killed run loses at most this much work).</summary>
    public double CheckpointMinutes { get; init; } = 10;

    /// <summary>
    /// In data-parallel training (several ranks), the longest any rank waits for the others in one collective before
    /// it stops with an error naming the operation: a rank that dies or hangs stops the rest within this time. The
    /// other ranks also wait this long for rank 0's validation and checkpoint at the end of each epoch, so keep it
    /// above those.
    /// </summary>
    public double DistributedTimeoutSeconds { get; init; } = 300;

    /// <summary>Lay activations out channels-last (NHWC), which oneDNN's CPU convolutions run faster on.</summary>
    public bool ChannelsLast { get; init; } = true;

    /// <summary>
    /// The forward pass's arithmetic. <see cref="TrainingPrecision.Auto"/> (default) trains with bfloat16 autocast on
    /// CPUs that compute bfloat16 natively, about 1.7x faster there, and in float32 elsewhere.
    /// </summary>
    public TrainingPrecision Precision { get; init; } = TrainingPrecision.Auto;

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.AtLeast(Epochs, 1, nameof(Epochs)),
        OptionChecks.AtLeast(ImagesPerEpoch, 1, nameof(ImagesPerEpoch)),
        OptionChecks.AtLeast(BatchSize, 1, nameof(BatchSize)),
        OptionChecks.Defined(Optimizer, nameof(Optimizer)),
        OptionChecks.Positive(LearningRate, nameof(LearningRate)),
        // 1 or more would make the velocity grow without bound.
        Momentum is >= 0 and < 1 ? null : OptionChecks.Invariant($"momentum must be in [0, 1), got {Momentum}"),
        OptionChecks.AtLeast(WeightDecay, 0, nameof(WeightDecay)),
        OptionChecks.Defined(Schedule, nameof(Schedule)),
        MilestonesProblem(),
        Gamma is > 0 and <= 1 ? null : OptionChecks.Invariant($"gamma must be in (0, 1], got {Gamma}"),
        OptionChecks.AtLeast(WarmupSteps, 0, nameof(WarmupSteps)),
        OptionChecks.AtLeast(ValidationImages, 0, nameof(ValidationImages)),
        OptionChecks.AtLeast(Threads, 0, nameof(Threads)),
        DeviceProblem(),
        OptionChecks.AtLeast(Patience, 0, nameof(Patience)),
        OptionChecks.Positive(CheckpointMinutes, nameof(CheckpointMinutes)),
        OptionChecks.Positive(DistributedTimeoutSeconds, nameof(DistributedTimeoutSeconds)),
        OptionChecks.Defined(Precision, nameof(Precision))).Within("training");

    /// <summary>Milestones are epoch numbers: a milestone 0 would cut the rate before the first step.</summary>
    private string? MilestonesProblem() =>
        Milestones is not null && Milestones.All(m => m >= 1)
            ? null
            : $"milestones must be epoch numbers >= 1, got [{string.Join(", ", Milestones ?? [])}]";

    private string? DeviceProblem()
    {
        if (Device is null)
        {
            return "device must be cpu, cuda or cuda:N, got null";
        }

        try
        {
            Torch.Device.Parse(Device);
            return null;
        }
        catch (FormatException e)
        {
            return $"device must be cpu, cuda or cuda:N: {e.Message}";
        }
    }
}
