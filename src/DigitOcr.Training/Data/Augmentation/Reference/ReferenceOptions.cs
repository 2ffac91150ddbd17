using DigitOcr.Training;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's per-digit augmentation (REFERENCE.md, "Training recipe of the reference"), with its values as
/// defaults: one MNIST digit on a white <see cref="CanvasSize"/> square.
/// </summary>
public sealed record ReferenceOptions
{
    /// <summary>Side of the square canvas in pixels.</summary>
    public int CanvasSize { get; init; } = 224;

    /// <summary>Probability of the aspect jitter (<c>ar = clip(N(1, sigma), 0, 2)</c>, <c>ar &lt; 1</c> becomes <c>1 / (2 - ar)</c>).</summary>
    public double AspectJitterProbability { get; init; } = 0.25;

    /// <summary>Standard deviation of the aspect ratio draw.</summary>
    public double AspectSigma { get; init; } = 0.5;

    /// <summary>Probability of the uniform scale in [1, largest that fits].</summary>
    public double ScaleProbability { get; init; } = 0.5;

    /// <summary>
    /// Reproduce the reference's quirk of passing <c>(h*s, w*s)</c> as OpenCV's <c>(width, height)</c>, which swaps
    /// the sides of a digit whose aspect was jittered. True by default: the <c>reference</c> preset is for parity.
    /// </summary>
    public bool SwapScaledSides { get; init; } = true;

    /// <summary>Probability of the binary threshold.</summary>
    public double ThresholdProbability { get; init; } = 0.5;

    /// <summary>The threshold level: pixels above it become full ink, the rest none.</summary>
    public int ThresholdLevel { get; init; } = 127;

    /// <summary>Probability of the erode-or-dilate step once the digit is scaled at least <see cref="MorphologyMinScale"/> times.</summary>
    public double MorphologyProbability { get; init; } = 0.5;

    /// <summary>The scale from which the erode-or-dilate step may run; it runs 1 .. scale/3 iterations of a 3x3 kernel.</summary>
    public double MorphologyMinScale { get; init; } = 3.0;

    /// <summary>Probability of adding one to <see cref="MaxBlackPixels"/> random black pixels to the canvas.</summary>
    public double BlackPixelsProbability { get; init; } = 0.2;

    /// <summary>The most random black pixels added.</summary>
    public int MaxBlackPixels { get; init; } = 3;

    /// <summary>Probability of inverting the canvas (light digit on black).</summary>
    public double InvertProbability { get; init; } = 0.5;

    /// <summary>The random affine's largest shift, as a fraction of the canvas side.</summary>
    public double AffineMaxTranslate { get; init; } = 0.1;

    /// <summary>The random affine's largest rotation in degrees.</summary>
    public double AffineMaxRotationDegrees { get; init; } = 5.0;

    /// <summary>
    /// A digit whose ink is cut by the canvas border keeps a plain tight box when at least this fraction of its ink
    /// is visible, and becomes ignored otherwise (the patch box is always kept, as the reference does).
    /// </summary>
    public double KeepVisibleFraction { get; init; } = 0.7;

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.AtLeast(CanvasSize, 32, nameof(CanvasSize)),
        OptionChecks.Probability(AspectJitterProbability, nameof(AspectJitterProbability)),
        OptionChecks.Probability(ScaleProbability, nameof(ScaleProbability)),
        OptionChecks.Probability(ThresholdProbability, nameof(ThresholdProbability)),
        OptionChecks.Probability(MorphologyProbability, nameof(MorphologyProbability)),
        OptionChecks.Probability(BlackPixelsProbability, nameof(BlackPixelsProbability)),
        OptionChecks.Probability(InvertProbability, nameof(InvertProbability)),
        OptionChecks.Probability(KeepVisibleFraction, nameof(KeepVisibleFraction)),
        OptionChecks.AtLeast(AspectSigma, 0, nameof(AspectSigma)),
        OptionChecks.InRange(ThresholdLevel, 0, 254, nameof(ThresholdLevel)),
        OptionChecks.AtLeast(MorphologyMinScale, 1.0, nameof(MorphologyMinScale)),
        OptionChecks.AtLeast(MaxBlackPixels, 0, nameof(MaxBlackPixels)),
        OptionChecks.InRange(AffineMaxTranslate, 0, 0.5, nameof(AffineMaxTranslate)),
        OptionChecks.AtLeast(AffineMaxRotationDegrees, 0, nameof(AffineMaxRotationDegrees)));
}
