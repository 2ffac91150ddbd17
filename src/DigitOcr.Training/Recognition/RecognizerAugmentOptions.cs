using DigitOcr.Data.Sampling;

namespace DigitOcr.Training.Recognition;

/// <summary>How <see cref="CropAugmentation"/> varies a crop each time it is drawn for training.</summary>
public sealed record RecognizerAugmentOptions
{
    /// <summary>Share of drawn crops that are varied (the rest are used as stored); 0 turns augmentation off.</summary>
    public double Probability { get; init; } = 0.8;

    /// <summary>Largest rotation, degrees either way.</summary>
    public double MaxRotationDegrees { get; init; } = 10;

    /// <summary>Largest change of scale, as a fraction either way.</summary>
    public double MaxScaleChange { get; init; } = 0.1;

    /// <summary>Largest shift, as a fraction of the crop side, either way.</summary>
    public double MaxShift { get; init; } = 0.06;

    /// <summary>
    /// Largest horizontal shear (x moves by this times y, both about the centre), either way: writing that slants, or a
    /// page seen at an angle. 0 (the default) draws none and leaves the random sequence as it was.
    /// </summary>
    public double MaxShear { get; init; }

    /// <summary>
    /// Largest change of width, as a fraction either way, the height changed by the inverse factor so the area is kept:
    /// narrow and wide hands, foreshortening. 0 (the default) draws none.
    /// </summary>
    public double MaxAspectChange { get; init; }

    /// <summary>Contrast factor about the crop's mean gray level.</summary>
    public ValueRange Contrast { get; init; } = new(0.45, 1.15);

    /// <summary>Largest brightness shift, gray levels either way.</summary>
    public double MaxBrightnessShift { get; init; } = 25;

    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.Probability(Probability, nameof(Probability)),
        OptionChecks.InRange(MaxRotationDegrees, 0, 45, nameof(MaxRotationDegrees)),
        OptionChecks.InRange(MaxScaleChange, 0, 0.5, nameof(MaxScaleChange)),
        OptionChecks.InRange(MaxShift, 0, 0.3, nameof(MaxShift)),
        OptionChecks.InRange(MaxShear, 0, 1, nameof(MaxShear)),
        OptionChecks.InRange(MaxAspectChange, 0, 0.5, nameof(MaxAspectChange)),
        Contrast.Check(nameof(Contrast), 0.05, 3),
        OptionChecks.InRange(MaxBrightnessShift, 0, 128, nameof(MaxBrightnessShift)));
}
