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

    /// <summary>Probability that a line, rectangle or letters are pen ink (full coverage) rather than print (<see cref="SurfaceOptions.PrintedCoverage"/>).</summary>
    public double PenInkProbability { get; init; } = 0.5;

    /// <summary>Probability that a line or rectangle has the page's pen width rather than a printed line's.</summary>
    public double PenWidthProbability { get; init; } = 0.5;

    /// <summary>Length of a straight line, times the digit height: long enough never to pass for a 1.</summary>
    public ValueRange LineLength { get; init; } = new(2.5, 7);

    /// <summary>Width of a rectangle, times the digit height: wider than a digit, so it never passes for a 0.</summary>
    public ValueRange BoxWidth { get; init; } = new(1.6, 5);

    /// <summary>Height of a rectangle, times the digit height: taller than a digit, so it never passes for a 0.</summary>
    public ValueRange BoxHeight { get; init; } = new(1.6, 4);

    /// <summary>Largest rotation of a rectangle, degrees either way.</summary>
    public double MaxBoxRotationDegrees { get; init; } = 10;

    /// <summary>Loops of a scribble ("eeee"): several, so it is longer than a digit is wide.</summary>
    public IntRange ScribbleLoops { get; init; } = new(3, 7);

    /// <summary>Radius of a scribble's loops, times the digit height.</summary>
    public ValueRange ScribbleRadius { get; init; } = new(0.15, 0.35);

    /// <summary>How far a scribble moves on per loop, as a multiple of its loop radius.</summary>
    public ValueRange ScribbleAdvance { get; init; } = new(0.5, 0.9);

    /// <summary>Largest rotation of a scribble, degrees either way.</summary>
    public double MaxScribbleRotationDegrees { get; init; } = 20;

    /// <summary>
    /// Probability that a line of digits gets a scribble right beside it — touching its first or last digit, or
    /// running along its top or bottom edge — where people doodle, and where a detector mistakes loops for digits.
    /// </summary>
    public double ScribbleNearDigitsProbability { get; init; } = 0.2;

    /// <summary>Letters in one clutter item.</summary>
    public IntRange LetterCount { get; init; } = new(1, 4);

    /// <summary>Height of capital letters, times the digit height.</summary>
    public ValueRange LetterHeight { get; init; } = new(0.6, 1.1);

    /// <summary>Stroke width of letters, in pixels at the font's own size (scaled with the letters).</summary>
    public ValueRange LetterStrokeWidth { get; init; } = new(1, 3);

    /// <summary>Side of a Fashion-MNIST item's 28x28 cell, times the digit height.</summary>
    public ValueRange FashionSize { get; init; } = new(1.2, 3);

    /// <summary>Largest rotation of a Fashion-MNIST item, degrees either way.</summary>
    public double MaxFashionRotationDegrees { get; init; } = 25;

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        ItemsPerCropArea.Check(nameof(ItemsPerCropArea), 0, 100),
        OptionChecks.AtLeast(LineWeight, 0, nameof(LineWeight)),
        OptionChecks.AtLeast(BoxWeight, 0, nameof(BoxWeight)),
        OptionChecks.AtLeast(ScribbleWeight, 0, nameof(ScribbleWeight)),
        OptionChecks.AtLeast(LettersWeight, 0, nameof(LettersWeight)),
        OptionChecks.AtLeast(FashionWeight, 0, nameof(FashionWeight)),
        OptionChecks.Probability(PenInkProbability, nameof(PenInkProbability)),
        OptionChecks.Probability(PenWidthProbability, nameof(PenWidthProbability)),
        // The lower bounds keep clutter unlike a digit: a shorter line is a 1, a smaller rectangle a 0.
        LineLength.Check(nameof(LineLength), 2, 50),
        BoxWidth.Check(nameof(BoxWidth), 1.2, 50),
        BoxHeight.Check(nameof(BoxHeight), 1.2, 50),
        OptionChecks.InRange(MaxBoxRotationDegrees, 0, 90, nameof(MaxBoxRotationDegrees)),
        ScribbleLoops.Check(nameof(ScribbleLoops), 2, 50),
        ScribbleRadius.Check(nameof(ScribbleRadius), 0.05, 1),
        ScribbleAdvance.Check(nameof(ScribbleAdvance), 0.1, 2),
        OptionChecks.InRange(MaxScribbleRotationDegrees, 0, 90, nameof(MaxScribbleRotationDegrees)),
        OptionChecks.Probability(ScribbleNearDigitsProbability, nameof(ScribbleNearDigitsProbability)),
        LetterCount.Check(nameof(LetterCount), 1, 20),
        LetterHeight.Check(nameof(LetterHeight), 0.1, 5),
        LetterStrokeWidth.Check(nameof(LetterStrokeWidth), 0.5, 10),
        FashionSize.Check(nameof(FashionSize), 0.2, 10),
        OptionChecks.InRange(MaxFashionRotationDegrees, 0, 180, nameof(MaxFashionRotationDegrees)));
}
