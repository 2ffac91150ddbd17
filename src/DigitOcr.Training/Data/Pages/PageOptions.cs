using DigitOcr.Data.Augmentation.Photometric;
using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>
/// The <c>pages</c> preset: synthetic pages of handwritten numbers (layout, pen, writing surface, clutter,
/// camera), cut into crops. Every part has defaults; a JSON file overrides what it names.
/// </summary>
public sealed record PageOptions
{
    public LayoutOptions Layout { get; init; } = new();

    public PenOptions Pen { get; init; } = new();

    public SurfaceOptions Surface { get; init; } = new();

    public ClutterOptions Clutter { get; init; } = new();

    /// <summary>Probability of a mild perspective on the whole page.</summary>
    public double PerspectiveProbability { get; init; } = 0.7;

    /// <summary>Largest move of a page corner under perspective, as a fraction of the page side.</summary>
    public double MaxPerspectiveShift { get; init; } = 0.09;

    public PhotoOptions Photo { get; init; } = new();

    public CropOptions Crop { get; init; } = new();

    /// <summary>Every value out of range, each naming its field (with its section) and the allowed range.</summary>
    public IEnumerable<string> Validate() =>
        Layout.Validate().Within(nameof(Layout))
            .Concat(Pen.Validate().Within(nameof(Pen)))
            .Concat(Surface.Validate().Within(nameof(Surface)))
            .Concat(Clutter.Validate().Within(nameof(Clutter)))
            .Concat(Photo.Validate().Within(nameof(Photo)))
            .Concat(Crop.Validate().Within(nameof(Crop)))
            .Concat(OptionChecks.Problems(
                OptionChecks.Probability(PerspectiveProbability, nameof(PerspectiveProbability)),
                OptionChecks.InRange(MaxPerspectiveShift, 0, 0.2, nameof(MaxPerspectiveShift))));
}
