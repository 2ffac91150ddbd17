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

    /// <summary>Lay activations out channels-last (NHWC), which oneDNN's CPU convolutions run faster on.</summary>
    public bool ChannelsLast { get; init; } = true;

    /// <summary>
    /// The forward pass's arithmetic. <see cref="TrainingPrecision.Auto"/> (default) trains with bfloat16 autocast on
    /// CPUs that compute bfloat16 natively, about 1.7x faster there, and in float32 elsewhere.
    /// </summary>
    public TrainingPrecision Precision { get; init; } = TrainingPrecision.Auto;

    public IEnumerable<string> Validate()
    {
        if (Epochs < 1 || ImagesPerEpoch < 1 || BatchSize < 1)
        {
            yield return $"training.epochs, imagesPerEpoch and batchSize must be >= 1, got {Epochs}, {ImagesPerEpoch}, {BatchSize}";
        }

        if (LearningRate <= 0 || !double.IsFinite(LearningRate))
        {
            yield return $"training.learningRate must be a positive number, got {LearningRate}";
        }

        if (WarmupSteps < 0 || ValidationImages < 0 || Threads < 0 || Patience < 0)
        {
            yield return "training.warmupSteps, validationImages, threads and patience must be >= 0";
        }
    }
}
