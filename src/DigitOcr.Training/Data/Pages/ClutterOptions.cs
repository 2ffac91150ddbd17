using DigitOcr.Data.Sampling;

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

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ItemsPerCropArea.Validate(nameof(ItemsPerCropArea), 0, 100);
        foreach (var (weight, name) in new[]
                 {
                     (LineWeight, nameof(LineWeight)), (BoxWeight, nameof(BoxWeight)), (ScribbleWeight, nameof(ScribbleWeight)),
                     (LettersWeight, nameof(LettersWeight)), (FashionWeight, nameof(FashionWeight)),
                 })
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, name);
        }
    }
}
