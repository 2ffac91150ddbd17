using DigitOcr.Data.Sampling;
using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>How digits are laid out on a page: sizes, lines, groups, spacing and per-digit jitter.</summary>
public sealed record LayoutOptions
{
    /// <summary>Page side as a multiple of the crop side (each side drawn separately).</summary>
    public ValueRange PageScale { get; init; } = new(1.5, 3.0);

    /// <summary>Height of a page's digits (ink, pixels), drawn log-uniformly per page; lines and digits vary around it.</summary>
    public ValueRange DigitHeight { get; init; } = new(12, 200);

    /// <summary>Digits in a plain line (a line that is not a phone number).</summary>
    public IntRange DigitsPerLine { get; init; } = new(1, 14);

    /// <summary>Probability that a line is a phone number: groups (3-3-4, 4-4, 2-2-2-2-2, ...) with separators.</summary>
    public double PhoneNumberProbability { get; init; } = 0.6;

    /// <summary>Distance between lines as a multiple of the digit height.</summary>
    public ValueRange LinePitch { get; init; } = new(1.35, 2.6);

    /// <summary>
    /// On a page without rules, each gap between lines is <see cref="LinePitch"/> (drawn per page) times a factor
    /// drawn per line from this range.
    /// </summary>
    public ValueRange PitchJitter { get; init; } = new(0.85, 1.3);

    /// <summary>
    /// On a page without rules, the first baseline's distance from the top, times the digit height: room for a digit
    /// above it, so pages of large digits hold only a row or two.
    /// </summary>
    public ValueRange FirstBaseline { get; init; } = new(1.05, 1.6);

    /// <summary>Where a line starts, as a fraction of the page width (negative: cut by the left edge).</summary>
    public ValueRange LineStart { get; init; } = new(-0.15, 0.6);

    /// <summary>Height of a line's digits on a page without rules, times the page's digit height.</summary>
    public ValueRange LineHeight { get; init; } = new(0.85, 1.15);

    /// <summary>Height of a line's digits on a ruled page, times the page's digit height (a little smaller, to fit between rules).</summary>
    public ValueRange RuledLineHeight { get; init; } = new(0.8, 1.05);

    /// <summary>
    /// A line's baseline below its rule on a ruled page, times the line's height: negative sits above the rule,
    /// positive lets the digits cross it.
    /// </summary>
    public ValueRange RuledBaselineOffset { get; init; } = new(-0.15, 0.25);

    /// <summary>Probability that a line slot stays empty (sparser pages, room for clutter).</summary>
    public double EmptyLineProbability { get; init; } = 0.35;

    /// <summary>The most digits drawn on one page (bounds the cost of pages of tiny digits).</summary>
    public int MaxDigitsPerPage { get; init; } = 150;

    /// <summary>Single digits scattered on the page, apart from lines.</summary>
    public IntRange ScatteredDigits { get; init; } = new(0, 5);

    /// <summary>Height of a scattered digit, times the page's digit height.</summary>
    public ValueRange ScatteredDigitHeight { get; init; } = new(0.8, 1.3);

    /// <summary>Probability that a phone number's first group is written in parentheses.</summary>
    public double ParenthesesProbability { get; init; } = 0.25;

    /// <summary>Width of a parenthesis, times the line height.</summary>
    public ValueRange ParenthesisWidth { get; init; } = new(0.25, 0.4);

    /// <summary>Width of a space between groups of a phone number, times the line height.</summary>
    public ValueRange SpaceWidth { get; init; } = new(0.3, 0.8);

    /// <summary>Length of a dash between groups of a phone number, times the line height.</summary>
    public ValueRange DashLength { get; init; } = new(0.3, 0.55);

    /// <summary>Largest rotation of a line, degrees either way.</summary>
    public double MaxLineRotationDegrees { get; init; } = 8;

    /// <summary>
    /// Gap between neighbouring digits' ink, as a fraction of the digit height, drawn per line; negative values
    /// make digits touch and overlap.
    /// </summary>
    public ValueRange DigitGap { get; init; } = new(-0.16, 0.4);

    /// <summary>Per-digit variation of the gap, fraction of the height either way.</summary>
    public double GapJitter { get; init; } = 0.06;

    /// <summary>Per-digit variation of the height, fraction either way.</summary>
    public double SizeJitter { get; init; } = 0.12;

    /// <summary>Per-digit variation of the width-to-height ratio, fraction either way.</summary>
    public double AspectJitter { get; init; } = 0.15;

    /// <summary>Per-digit shift of the baseline, fraction of the height either way.</summary>
    public double BaselineJitter { get; init; } = 0.07;

    /// <summary>Per-digit extra rotation, degrees either way.</summary>
    public double MaxDigitRotationDegrees { get; init; } = 5;

    /// <summary>Largest slant (horizontal shear per unit of height), either way; drawn per line, with a little per digit.</summary>
    public double MaxSlant { get; init; } = 0.2;

    /// <summary>Per-digit variation of the line's slant, either way.</summary>
    public double SlantJitter { get; init; } = 0.05;

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        PageScale.Check(nameof(PageScale), 1.0, 16),
        DigitHeight.Check(nameof(DigitHeight), 4, 1000),
        DigitsPerLine.Check(nameof(DigitsPerLine), 1),
        LinePitch.Check(nameof(LinePitch), 1.0, 10),
        // A factor near 0 would stall the rows on one baseline.
        PitchJitter.Check(nameof(PitchJitter), 0.5, 4),
        FirstBaseline.Check(nameof(FirstBaseline), 0, 10),
        LineStart.Check(nameof(LineStart), -1, 1),
        LineHeight.Check(nameof(LineHeight), 0.25, 4),
        RuledLineHeight.Check(nameof(RuledLineHeight), 0.25, 4),
        RuledBaselineOffset.Check(nameof(RuledBaselineOffset), -1, 1),
        ScatteredDigits.Check(nameof(ScatteredDigits), 0),
        ScatteredDigitHeight.Check(nameof(ScatteredDigitHeight), 0.25, 4),
        OptionChecks.Probability(ParenthesesProbability, nameof(ParenthesesProbability)),
        ParenthesisWidth.Check(nameof(ParenthesisWidth), 0.05, 2),
        SpaceWidth.Check(nameof(SpaceWidth), 0, 5),
        DashLength.Check(nameof(DashLength), 0.05, 2),
        DigitGap.Check(nameof(DigitGap), -0.5, 3),
        OptionChecks.Probability(PhoneNumberProbability, nameof(PhoneNumberProbability)),
        OptionChecks.Probability(EmptyLineProbability, nameof(EmptyLineProbability)),
        OptionChecks.AtLeast(MaxDigitsPerPage, 1, nameof(MaxDigitsPerPage)),
        OptionChecks.InRange(MaxLineRotationDegrees, 0, 45, nameof(MaxLineRotationDegrees)),
        OptionChecks.AtLeast(GapJitter, 0, nameof(GapJitter)),
        OptionChecks.InRange(SizeJitter, 0, 0.5, nameof(SizeJitter)),
        OptionChecks.InRange(AspectJitter, 0, 0.5, nameof(AspectJitter)),
        OptionChecks.AtLeast(BaselineJitter, 0, nameof(BaselineJitter)),
        OptionChecks.AtLeast(MaxDigitRotationDegrees, 0, nameof(MaxDigitRotationDegrees)),
        OptionChecks.InRange(MaxSlant, 0, 1, nameof(MaxSlant)),
        OptionChecks.InRange(SlantJitter, 0, 0.5, nameof(SlantJitter)));
}
