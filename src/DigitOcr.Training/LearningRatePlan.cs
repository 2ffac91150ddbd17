namespace DigitOcr.Training;

/// <summary>
/// The learning rate at any step, in closed form, so a resumed run continues exactly where it stopped: linear
/// warm-up over the first steps, then multi-step decay by epoch (the reference's MultiStepLR) or cosine decay.
/// </summary>
public sealed class LearningRatePlan(TrainingOptions options, int stepsPerEpoch)
{
    public int TotalSteps => options.Epochs * stepsPerEpoch;

    public double At(long step)
    {
        var peak = options.LearningRate;
        var rate = options.Schedule switch
        {
            LearningRateSchedule.Cosine => peak * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (double)step / Math.Max(1, TotalSteps)))),
            _ => peak * Math.Pow(options.Gamma, options.Milestones.Count(m => m <= step / stepsPerEpoch)),
        };
        return options.WarmupSteps > 0 && step < options.WarmupSteps ? rate * (step + 1) / options.WarmupSteps : rate;
    }
}
