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

    /// <summary>Probability that a line slot stays empty (sparser pages, room for clutter).</summary>
    public double EmptyLineProbability { get; init; } = 0.35;

    /// <summary>The most digits drawn on one page (bounds the cost of pages of tiny digits).</summary>
    public int MaxDigitsPerPage { get; init; } = 150;

    /// <summary>Single digits scattered on the page, apart from lines.</summary>
    public IntRange ScatteredDigits { get; init; } = new(0, 5);

    /// <summary>Largest rotation of a line, degrees either way.</summary>
    public double MaxLineRotationDegrees { get; init; } = 8;

    /// <summary>
    /// Gap between neighbouring digits' ink, as a fraction of the digit height, drawn per line; negative values
    /// make digits touch and overlap.
    /// </summary>
    public ValueRange DigitGap { get; init; } = new(-0.12, 0.4);

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

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        PageScale.Check(nameof(PageScale), 1.0, 16),
        DigitHeight.Check(nameof(DigitHeight), 4, 1000),
        DigitsPerLine.Check(nameof(DigitsPerLine), 1),
        LinePitch.Check(nameof(LinePitch), 1.0, 10),
        ScatteredDigits.Check(nameof(ScatteredDigits), 0),
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
        OptionChecks.InRange(MaxSlant, 0, 1, nameof(MaxSlant)));
}
