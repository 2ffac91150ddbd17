using DigitOcr.Data.Sampling;
using DigitOcr.Training;

namespace DigitOcr.Data.Augmentation.Photometric;

/// <summary>How ink coverage becomes a photograph of paper: tones, light, shadow, focus, sensor and compression.</summary>
public sealed record PhotoOptions
{
    /// <summary>Probability of light ink on a dark surface (chalk on a board, a negative) instead of dark on light.</summary>
    public double LightOnDarkProbability { get; init; } = 0.25;

    /// <summary>Gray level of light paper.</summary>
    public ValueRange PaperTone { get; init; } = new(140, 250);

    /// <summary>Gray level of a dark surface.</summary>
    public ValueRange DarkSurfaceTone { get; init; } = new(0, 90);

    /// <summary>The least difference between ink and paper levels (a faint pencil).</summary>
    public double MinContrast { get; init; } = 25;

    /// <summary>The darkest (or, light on dark, the brightest) ink is full black (white); this caps how far from it ink may drift.</summary>
    public double MaxInkDrift { get; init; } = 100;

    /// <summary>Probability of uneven light: a brightness ramp across the picture.</summary>
    public double IlluminationProbability { get; init; } = 0.8;

    /// <summary>How much darker the dim side of the ramp gets (fraction of brightness).</summary>
    public ValueRange IlluminationStrength { get; init; } = new(0.05, 0.45);

    /// <summary>Probability of a shadow: the picture darker beyond a soft straight edge.</summary>
    public double ShadowProbability { get; init; } = 0.3;

    /// <summary>Brightness factor inside the shadow.</summary>
    public ValueRange ShadowFactor { get; init; } = new(0.45, 0.85);

    /// <summary>Width in pixels of the shadow's soft edge.</summary>
    public ValueRange ShadowSoftness { get; init; } = new(1, 40);

    /// <summary>Probability of a Gaussian blur (focus, motion, scan).</summary>
    public double BlurProbability { get; init; } = 0.5;

    /// <summary>Blur standard deviation in pixels.</summary>
    public ValueRange BlurSigma { get; init; } = new(0.3, 1.4);

    /// <summary>Probability of sensor noise.</summary>
    public double NoiseProbability { get; init; } = 0.8;

    /// <summary>Standard deviation of the additive Gaussian noise, in gray levels.</summary>
    public ValueRange NoiseSigma { get; init; } = new(1, 12);

    /// <summary>Probability of JPEG compression artifacts (encode, then decode).</summary>
    public double JpegProbability { get; init; } = 0.5;

    /// <summary>JPEG quality, 1..100.</summary>
    public IntRange JpegQuality { get; init; } = new(25, 90);

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.Probability(LightOnDarkProbability, nameof(LightOnDarkProbability)),
        OptionChecks.Probability(IlluminationProbability, nameof(IlluminationProbability)),
        OptionChecks.Probability(ShadowProbability, nameof(ShadowProbability)),
        OptionChecks.Probability(BlurProbability, nameof(BlurProbability)),
        OptionChecks.Probability(NoiseProbability, nameof(NoiseProbability)),
        OptionChecks.Probability(JpegProbability, nameof(JpegProbability)),
        PaperTone.Check(nameof(PaperTone), 0, 255),
        DarkSurfaceTone.Check(nameof(DarkSurfaceTone), 0, 255),
        IlluminationStrength.Check(nameof(IlluminationStrength), 0, 1),
        ShadowFactor.Check(nameof(ShadowFactor), 0, 1),
        ShadowSoftness.Check(nameof(ShadowSoftness), 0.5),
        BlurSigma.Check(nameof(BlurSigma), 0.01, 20),
        NoiseSigma.Check(nameof(NoiseSigma), 0, 128),
        JpegQuality.Check(nameof(JpegQuality), 1, 100),
        OptionChecks.InRange(MinContrast, 0, 200, nameof(MinContrast)),
        OptionChecks.AtLeast(MaxInkDrift, 0, nameof(MaxInkDrift)));
}
