namespace DigitOcr.Matching;

/// <summary>
/// How priors are assigned to ground truth: IoU at or above <see cref="PositiveIoU"/> is a positive; between
/// <see cref="NeutralIoU"/> (exclusive) and <see cref="PositiveIoU"/> a neutral, never used as a negative (the
/// reference: threshold / 5 = 0.1); the rest background. Each ground truth's best prior is always its positive.
/// </summary>
public sealed record MatcherOptions
{
    public double PositiveIoU { get; init; } = 0.5;

    public double NeutralIoU { get; init; } = 0.1;

    public IEnumerable<string> Validate()
    {
        if (PositiveIoU is <= 0 or > 1)
        {
            yield return $"matcher.positiveIoU must be in (0, 1], got {PositiveIoU}";
        }

        if (NeutralIoU < 0 || NeutralIoU >= PositiveIoU)
        {
            yield return $"matcher.neutralIoU must be in [0, positiveIoU), got {NeutralIoU}";
        }
    }
}
