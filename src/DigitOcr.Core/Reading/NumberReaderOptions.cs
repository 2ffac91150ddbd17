namespace DigitOcr.Reading;

/// <summary>
/// How digits are grouped into numbers, and which groups are numbers. Distances are in units of the digits' own
/// height, so the same settings work for small and large writing. <see cref="Validate"/> lists every value out of
/// range; <see cref="NumberReader"/> refuses options that have any.
/// </summary>
public sealed record NumberReaderOptions
{
    /// <summary>Detections scoring below this are ignored.</summary>
    public double MinDigitScore { get; init; } = 0.3;

    /// <summary>Largest slope of a line of digits, in degrees (numbers are written roughly horizontally).</summary>
    public double MaxLineAngleDegrees { get; init; } = 15;

    /// <summary>Two neighbours' heights may differ by at most this factor.</summary>
    public double MaxHeightRatio { get; init; } = 1.8;

    /// <summary>Largest horizontal gap between neighbouring digits of one line, in digit heights.</summary>
    public double MaxNeighbourGap { get; init; } = 3.0;

    /// <summary>
    /// How much wider than two of the line's typical gaps between digits a gap may be and still lie inside one
    /// number, in digit heights. A separator (dash, dot, space, brackets) is not a digit, so it shows as a gap: a
    /// digit gap, the mark, another digit gap. A gap wider than <c>SeparatorGap + 2 × typical gap</c> starts a new
    /// number. The default, 1.3, covers a closing bracket and a space (about 1.1 heights beyond two digit gaps),
    /// and splits at about two digit widths of blank paper for tightly written digits.
    /// </summary>
    public double SeparatorGap { get; init; } = 1.3;

    /// <summary>
    /// The line's typical gap between digits (the lower median of its gaps, in digit heights, at least 0) counts
    /// for at most this much, so that a line of widely scattered marks does not pass for one widely spaced number.
    /// With the defaults, no gap wider than 2.3 heights is inside a number.
    /// </summary>
    public double MaxTypicalGap { get; init; } = 0.5;

    /// <summary>
    /// Fewer digits than this are not a number (they stay in the detections): a lone digit or two is far more often
    /// a stray mark than something to read. The default, 3, keeps the shortest numbers people write on their own
    /// (extensions, short codes); set 1 to report every group.
    /// </summary>
    public int MinDigits { get; init; } = 3;

    /// <summary>
    /// A digit at either end of a number whose score is below this fraction of the median score of the number's
    /// other digits is not glued onto it: a faint stray mark next to a number is dropped instead of read as its
    /// first or last digit. Digits inside a number are always kept (the directory lookup discounts them). A digit's
    /// score here includes its alternatives' (<see cref="Postprocess.Detection.Alternatives"/>), so a box torn
    /// between two digits is still a digit. 0 turns this off. The default, 0.6, drops a 0.5 beside digits at 0.9
    /// and keeps a 0.6.
    /// </summary>
    public double EndDigitScoreRatio { get; init; } = 0.6;

    /// <summary>
    /// Shapes a number may have (e.g. <see cref="NumberFormat.OfLength"/> 10). Empty (the default): any digits.
    /// When given, a number that fits none is tried with its end digits dropped (see
    /// <see cref="EndDigitScoreRatio"/>) or kept, and with up to <see cref="MaxFormatCorrections"/> digits read as one
    /// of their alternatives (<see cref="Postprocess.Detection.Alternatives"/>); the most likely reading that fits wins.
    /// A number that still fits none is handled by <see cref="FormatMismatch"/>.
    /// </summary>
    public IReadOnlyList<NumberFormat> Formats { get; init; } = [];

    /// <summary>What happens to a number that fits none of <see cref="Formats"/>.</summary>
    public FormatMismatchPolicy FormatMismatch { get; init; } = FormatMismatchPolicy.Flag;

    /// <summary>
    /// How many digits a format may change to their alternatives. 1 by default: a format picks between two
    /// readings of a doubtful digit, it does not rewrite a number. At most 3.
    /// </summary>
    public int MaxFormatCorrections { get; init; } = 1;

    /// <summary>Alternatives scoring below this are not considered by formats (a format must not make up a digit).</summary>
    public double MinAlternativeScore { get; init; } = 0.05;

    /// <summary>Every value out of range, each naming its field and the allowed range; empty when all are fine.</summary>
    public IEnumerable<string> Validate()
    {
        if (MinDigitScore is < 0 or > 1 || double.IsNaN(MinDigitScore))
        {
            yield return $"reader.minDigitScore must be in [0, 1], got {MinDigitScore}";
        }

        if (MaxLineAngleDegrees is < 0 or >= 90 || double.IsNaN(MaxLineAngleDegrees))
        {
            yield return $"reader.maxLineAngleDegrees must be in [0, 90), got {MaxLineAngleDegrees}";
        }

        if (!(MaxHeightRatio >= 1) || double.IsInfinity(MaxHeightRatio))
        {
            yield return $"reader.maxHeightRatio must be finite and >= 1, got {MaxHeightRatio}";
        }

        if (!(MaxNeighbourGap >= 0) || double.IsInfinity(MaxNeighbourGap))
        {
            yield return $"reader.maxNeighbourGap must be finite and >= 0 (digit heights), got {MaxNeighbourGap}";
        }

        if (!(SeparatorGap >= 0) || double.IsInfinity(SeparatorGap))
        {
            yield return $"reader.separatorGap must be finite and >= 0 (digit heights), got {SeparatorGap}";
        }

        if (!(MaxTypicalGap >= 0) || double.IsInfinity(MaxTypicalGap))
        {
            yield return $"reader.maxTypicalGap must be finite and >= 0 (digit heights), got {MaxTypicalGap}";
        }

        if (MinDigits < 1)
        {
            yield return $"reader.minDigits must be >= 1, got {MinDigits}";
        }

        if (EndDigitScoreRatio is < 0 or > 1 || double.IsNaN(EndDigitScoreRatio))
        {
            yield return $"reader.endDigitScoreRatio must be in [0, 1] (0: off), got {EndDigitScoreRatio}";
        }

        if (!Enum.IsDefined(FormatMismatch))
        {
            yield return $"reader.formatMismatch must be one of {string.Join(", ", Enum.GetNames<FormatMismatchPolicy>())}, got {FormatMismatch}";
        }

        if (MaxFormatCorrections is < 0 or > 3)
        {
            yield return $"reader.maxFormatCorrections must be in [0, 3], got {MaxFormatCorrections}";
        }

        if (MinAlternativeScore is < 0 or > 1 || double.IsNaN(MinAlternativeScore))
        {
            yield return $"reader.minAlternativeScore must be in [0, 1], got {MinAlternativeScore}";
        }

        if (Formats is null)
        {
            yield return "reader.formats must be a list (empty for any digits), got null";
            yield break;
        }

        for (var i = 0; i < Formats.Count; i++)
        {
            foreach (var problem in ValidateFormat(Formats[i], $"reader.formats[{i}]"))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> ValidateFormat(NumberFormat? format, string field)
    {
        if (format is null)
        {
            yield return $"{field} must be a format, got null";
            yield break;
        }

        if (format.Length is null && format.Pattern is null)
        {
            yield return $"{field} must set a length, a pattern or both, got neither";
        }

        if (format.Length is < 1 or > NumberReader.MaxFormatLength)
        {
            yield return $"{field}.length must be in [1, {NumberReader.MaxFormatLength}], got {format.Length}";
        }

        if (format.Pattern is { } pattern && NumberReader.PatternProblem(pattern) is { } problem)
        {
            yield return $"{field}.pattern '{pattern}' is not a valid regular expression: {problem}";
        }
    }
}

/// <summary>What <see cref="NumberReader"/> does with a number that fits none of <see cref="NumberReaderOptions.Formats"/>.</summary>
public enum FormatMismatchPolicy
{
    /// <summary>Kept, with <see cref="RecognizedNumber.FitsFormat"/> false (a directory may still correct it).</summary>
    Flag,

    /// <summary>Left out of the numbers (its digits stay in the detections).</summary>
    Drop,
}
