using DigitOcr.Data.Sampling;

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

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        PageScale.Validate(nameof(PageScale), 1.0, 16);
        DigitHeight.Validate(nameof(DigitHeight), 4, 1000);
        DigitsPerLine.Validate(nameof(DigitsPerLine), 1);
        LinePitch.Validate(nameof(LinePitch), 1.0, 10);
        ScatteredDigits.Validate(nameof(ScatteredDigits), 0);
        DigitGap.Validate(nameof(DigitGap), -0.5, 3);
        PageOptions.CheckProbability(PhoneNumberProbability, nameof(PhoneNumberProbability));
        PageOptions.CheckProbability(EmptyLineProbability, nameof(EmptyLineProbability));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDigitsPerPage, nameof(MaxDigitsPerPage));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxLineRotationDegrees, nameof(MaxLineRotationDegrees));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxLineRotationDegrees, 45, nameof(MaxLineRotationDegrees));
        ArgumentOutOfRangeException.ThrowIfNegative(GapJitter, nameof(GapJitter));
        ArgumentOutOfRangeException.ThrowIfNegative(SizeJitter, nameof(SizeJitter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SizeJitter, 0.5, nameof(SizeJitter));
        ArgumentOutOfRangeException.ThrowIfNegative(AspectJitter, nameof(AspectJitter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AspectJitter, 0.5, nameof(AspectJitter));
        ArgumentOutOfRangeException.ThrowIfNegative(BaselineJitter, nameof(BaselineJitter));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDigitRotationDegrees, nameof(MaxDigitRotationDegrees));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSlant, nameof(MaxSlant));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxSlant, 1, nameof(MaxSlant));
    }
}
