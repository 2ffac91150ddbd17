using DigitOcr.Data.Sampling;
using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>The writing instrument of a page: how thick its strokes are compared with MNIST's own.</summary>
public sealed record PenOptions
{
    /// <summary>Probability of a thin pen: strokes of <see cref="ThinWidth"/> pixels whatever the digit size.</summary>
    public double ThinProbability { get; init; } = 0.3;

    /// <summary>Stroke width of a thin pen, pixels.</summary>
    public ValueRange ThinWidth { get; init; } = new(1.5, 4);

    /// <summary>Probability of a marker: strokes of <see cref="MarkerWidth"/> times the digit height.</summary>
    public double MarkerProbability { get; init; } = 0.2;

    /// <summary>Stroke width of a marker as a fraction of the digit height.</summary>
    public ValueRange MarkerWidth { get; init; } = new(0.14, 0.24);

    /// <summary>
    /// A thinning step may not remove more than this fraction of a digit's ink (thin parts vanish first); beyond
    /// it the step is done with fewer iterations.
    /// </summary>
    public double MaxInkLoss { get; init; } = 0.6;

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.Probability(ThinProbability, nameof(ThinProbability)),
        OptionChecks.Probability(MarkerProbability, nameof(MarkerProbability)),
        ThinProbability + MarkerProbability <= 1
            ? null
            : OptionChecks.Invariant($"thinProbability + markerProbability must be at most 1, got {ThinProbability + MarkerProbability}"),
        OptionChecks.Probability(MaxInkLoss, nameof(MaxInkLoss)),
        ThinWidth.Check(nameof(ThinWidth), 0.5, 20),
        MarkerWidth.Check(nameof(MarkerWidth), 0.01, 0.5));
}
