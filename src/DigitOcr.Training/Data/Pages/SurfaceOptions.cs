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
    public double RuledProbability { get; init; } = 0.3;

    /// <summary>Probability that a line of digits is underlined by pen, the stroke running through the digits' feet.</summary>
    public double UnderlineProbability { get; init; } = 0.15;

    /// <summary>Probability that a line is written in a row of form boxes, one digit per box.</summary>
    public double FormBoxesProbability { get; init; } = 0.12;

    /// <summary>Probability that a line gets a printed rectangle around it, close enough to touch.</summary>
    public double EnclosingRectangleProbability { get; init; } = 0.08;

    /// <summary>Probability that a digit is struck through (then it is not a digit: no box).</summary>
    public double CrossedOutProbability { get; init; } = 0.04;

    /// <summary>Ink coverage of printed lines (rules, boxes): lighter than pen.</summary>
    public ValueRange PrintedCoverage { get; init; } = new(90, 230);

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.Probability(RuledProbability, nameof(RuledProbability)),
        OptionChecks.Probability(UnderlineProbability, nameof(UnderlineProbability)),
        OptionChecks.Probability(FormBoxesProbability, nameof(FormBoxesProbability)),
        OptionChecks.Probability(EnclosingRectangleProbability, nameof(EnclosingRectangleProbability)),
        OptionChecks.Probability(CrossedOutProbability, nameof(CrossedOutProbability)),
        PrintedCoverage.Check(nameof(PrintedCoverage), 1, 255));
}
