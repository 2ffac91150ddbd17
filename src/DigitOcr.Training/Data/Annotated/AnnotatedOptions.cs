using DigitOcr.Data.Augmentation.Photometric;
using DigitOcr.Data.Sampling;
using DigitOcr.Training;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// How the user's own annotated images become training crops (the <c>data.user</c> section of a config): each is
/// scaled, given a mild perspective, cut into the model's input size as the <c>pages</c> preset cuts its pages, and
/// each crop photographed again (<see cref="AnnotatedSampleSource"/>). They are photos already, so there is no
/// paper or ink to render: of <see cref="Photo"/>, the light, shadow, blur, noise and JPEG fields apply, the paper,
/// polarity and contrast fields do not.
/// </summary>
public sealed record AnnotatedOptions
{
    /// <summary>
    /// The image's scale, relative to its own pixels, drawn log-uniformly per image: photos of the same page come a
    /// little closer or farther. Kept near 1 because the predictor reads writing at the image's own size (and only
    /// writing 40 px or taller at 1/4, 1/16, ...): crops at half size would teach digits it never sees so small.
    /// </summary>
    public ValueRange Scale { get; init; } = new(0.75, 1.33);

    /// <summary>The scale is raised, if need be, so that the image's median digit is at least this tall (pixels): smaller than the smallest anchor, a digit cannot be matched.</summary>
    public double MinDigitHeight { get; init; } = 10;

    /// <summary>Probability of a mild perspective on the whole (scaled) image.</summary>
    public double PerspectiveProbability { get; init; } = 0.5;

    /// <summary>Largest move of an image corner under perspective, as a fraction of the image side (boxes grow around the warped digits, so keep it mild).</summary>
    public double MaxPerspectiveShift { get; init; } = 0.04;

    /// <summary>Camera effects added to each crop; milder than the synthetic pages' by default, because the photos have their own.</summary>
    public PhotoOptions Photo { get; init; } = new()
    {
        IlluminationProbability = 0.5,
        IlluminationStrength = new ValueRange(0.05, 0.3),
        ShadowProbability = 0.2,
        ShadowFactor = new ValueRange(0.6, 0.9),
        BlurProbability = 0.3,
        BlurSigma = new ValueRange(0.3, 1.0),
        NoiseProbability = 0.5,
        NoiseSigma = new ValueRange(1, 6),
        JpegProbability = 0.3,
        JpegQuality = new IntRange(40, 90),
    };

    /// <summary>Held-out images longer than this (pixels) are scaled down for the per-epoch validation, bounding its time and memory.</summary>
    public int ValidationMaxSide { get; init; } = 1280;

    /// <summary>Every value out of range, each naming its field (with its section) and the allowed range.</summary>
    public IEnumerable<string> Validate() =>
        OptionChecks.Problems(
                Scale.Check(nameof(Scale), 0.05, 20),
                OptionChecks.InRange(MinDigitHeight, 1, 1000, nameof(MinDigitHeight)),
                OptionChecks.Probability(PerspectiveProbability, nameof(PerspectiveProbability)),
                OptionChecks.InRange(MaxPerspectiveShift, 0, 0.2, nameof(MaxPerspectiveShift)),
                OptionChecks.AtLeast(ValidationMaxSide, 64, nameof(ValidationMaxSide)))
            .Concat(Photo.Validate().Within(nameof(Photo)));
}
