using DigitOcr.Data.Augmentation.Photometric;
using DigitOcr.Data.Augmentation.Reference;

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
    public double PerspectiveProbability { get; init; } = 0.6;

    /// <summary>Largest move of a page corner under perspective, as a fraction of the page side.</summary>
    public double MaxPerspectiveShift { get; init; } = 0.06;

    public PhotoOptions Photo { get; init; } = new();

    public CropOptions Crop { get; init; } = new();

    /// <summary>Throws when a value is out of range; names the option.</summary>
    public void Validate()
    {
        Layout.Validate();
        Pen.Validate();
        Surface.Validate();
        Clutter.Validate();
        Photo.Validate();
        Crop.Validate();
        CheckProbability(PerspectiveProbability, nameof(PerspectiveProbability));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxPerspectiveShift, nameof(MaxPerspectiveShift));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPerspectiveShift, 0.2, nameof(MaxPerspectiveShift));
    }

    internal static void CheckProbability(double value, string name) => ReferenceOptions.CheckProbability(value, name);
}
