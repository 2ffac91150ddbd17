using DigitOcr.Data.Sampling;
using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Marks that are not digits, left as background: straight lines, boxes, scribbles, letter-like strokes and
/// Fashion-MNIST items. Shapes that could pass for a digit (a short upright stroke, a ring, digit-like letters) are
/// not drawn.
/// </summary>
public sealed record ClutterOptions
{
    /// <summary>Clutter items per crop-sized area of page.</summary>
    public ValueRange ItemsPerCropArea { get; init; } = new(0, 4);

    /// <summary>Relative frequency of long straight lines.</summary>
    public double LineWeight { get; init; } = 1;

    /// <summary>Relative frequency of rectangles.</summary>
    public double BoxWeight { get; init; } = 0.7;

    /// <summary>Relative frequency of scribbles.</summary>
    public double ScribbleWeight { get; init; } = 1;

    /// <summary>Relative frequency of letters (only letters unlike any digit).</summary>
    public double LettersWeight { get; init; } = 1;

    /// <summary>Relative frequency of Fashion-MNIST items; 0 leaves Fashion-MNIST unloaded.</summary>
    public double FashionWeight { get; init; } = 0.8;

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        ItemsPerCropArea.Check(nameof(ItemsPerCropArea), 0, 100),
        OptionChecks.AtLeast(LineWeight, 0, nameof(LineWeight)),
        OptionChecks.AtLeast(BoxWeight, 0, nameof(BoxWeight)),
        OptionChecks.AtLeast(ScribbleWeight, 0, nameof(ScribbleWeight)),
        OptionChecks.AtLeast(LettersWeight, 0, nameof(LettersWeight)),
        OptionChecks.AtLeast(FashionWeight, 0, nameof(FashionWeight)));
}
