using DigitOcr.Data.Sampling;
using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Where people really write numbers, and what happens to them there: ruled notebook lines, underlines, form
/// fields (a row of boxes, one digit each; a rectangle around the number) whose printed lines touch or cross the
/// strokes, and crossed-out digits (ink that is not a digit to read).
/// </summary>
public sealed record SurfaceOptions
{
    /// <summary>Probability that a page is ruled: lines across it at the line pitch, digits sitting on or crossing them.</summary>
    public double RuledProbability { get; init; } = 0.4;

    /// <summary>Probability that a line of digits is underlined by pen, the stroke running through the digits' feet.</summary>
    public double UnderlineProbability { get; init; } = 0.15;

    /// <summary>Probability that a line is written in a row of form boxes, one digit per box.</summary>
    public double FormBoxesProbability { get; init; } = 0.12;

    /// <summary>Width of a form box, times the line height.</summary>
    public ValueRange FormBoxWidth { get; init; } = new(1.0, 1.35);

    /// <summary>Height of a form box, times the line height.</summary>
    public ValueRange FormBoxHeight { get; init; } = new(1.15, 1.5);

    /// <summary>How far the form boxes' bottom edge lies below the baseline, times the line height.</summary>
    public ValueRange FormBoxDrop { get; init; } = new(0, 0.15);

    /// <summary>Height of a digit in a form box, as a fraction of the box height: the digit nearly fills it.</summary>
    public ValueRange FormDigitHeight { get; init; } = new(0.62, 0.95);

    /// <summary>Shift of a digit from its box's centre, as a fraction of the box side, either way.</summary>
    public double FormDigitJitter { get; init; } = 0.1;

    /// <summary>Height of an underline about the baseline, times the line height (through the digits' feet).</summary>
    public ValueRange UnderlineOffset { get; init; } = new(-0.12, 0.12);

    /// <summary>How far each point of a hand-drawn underline strays up or down, times the line height.</summary>
    public double UnderlineWobble { get; init; } = 0.03;

    /// <summary>Probability that a line gets a printed rectangle around it, close enough to touch.</summary>
    public double EnclosingRectangleProbability { get; init; } = 0.08;

    /// <summary>Gap between a line's digits and its enclosing rectangle, times the line height (negative: the rectangle cuts the strokes).</summary>
    public ValueRange EnclosingMargin { get; init; } = new(-0.05, 0.3);

    /// <summary>Probability that a digit is struck through (then it is not a digit: no box).</summary>
    public double CrossedOutProbability { get; init; } = 0.04;

    /// <summary>Ink coverage of printed lines (rules, boxes): lighter than pen.</summary>
    public ValueRange PrintedCoverage { get; init; } = new(90, 230);

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.Probability(RuledProbability, nameof(RuledProbability)),
        OptionChecks.Probability(UnderlineProbability, nameof(UnderlineProbability)),
        OptionChecks.Probability(FormBoxesProbability, nameof(FormBoxesProbability)),
        FormBoxWidth.Check(nameof(FormBoxWidth), 0.5, 5),
        FormBoxHeight.Check(nameof(FormBoxHeight), 0.5, 5),
        FormBoxDrop.Check(nameof(FormBoxDrop), -1, 1),
        FormDigitHeight.Check(nameof(FormDigitHeight), 0.1, 1),
        OptionChecks.InRange(FormDigitJitter, 0, 0.5, nameof(FormDigitJitter)),
        UnderlineOffset.Check(nameof(UnderlineOffset), -1, 1),
        OptionChecks.InRange(UnderlineWobble, 0, 0.5, nameof(UnderlineWobble)),
        OptionChecks.Probability(EnclosingRectangleProbability, nameof(EnclosingRectangleProbability)),
        EnclosingMargin.Check(nameof(EnclosingMargin), -0.5, 2),
        OptionChecks.Probability(CrossedOutProbability, nameof(CrossedOutProbability)),
        PrintedCoverage.Check(nameof(PrintedCoverage), 1, 255));
}
