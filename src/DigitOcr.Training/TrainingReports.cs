namespace DigitOcr.Training;

/// <summary>After each optimisation step: where the run is, the losses, the rate and the speed.</summary>
public sealed record StepReport(
    int Epoch,
    int Batch,
    int BatchesPerEpoch,
    long Step,
    long TotalSteps,
    double Localization,
    double Classification,
    double LearningRate,
    double ImagesPerSecond,
    double DataWaitFraction);

/// <summary>
/// After each epoch: mean training losses, validation figures, the epoch's wall time (validation included), images/s
/// and the share of time spent waiting for data (both over the training steps only), whether it was the best so far,
/// and, with several ranks, the seconds per step this rank spent in collectives (the loss agreement and the gradient
/// all-reduces, waiting for slower ranks included; null for a single process). With several ranks the losses and
/// images/s are the global batch's.
/// </summary>
public sealed record EpochReport(
    int Epoch,
    double Localization,
    double Classification,
    IReadOnlyList<ValidationResult> Validation,
    double Seconds,
    double ImagesPerSecond,
    double DataWaitFraction,
    bool Improved,
    double? AllReduceSecondsPerStep = null);

/// <summary>How a run ended.</summary>
public enum TrainingOutcome
{
    Completed,
    EarlyStopped,
    Interrupted,
}

/// <summary>The end of a run: its outcome, where it stood, and its best checkpoint.</summary>
public sealed record TrainingResult(TrainingOutcome Outcome, TrainingProgress Progress, string LastCheckpoint, string BestCheckpoint);
