using DigitOcr.Boxes;
using DigitOcr.Postprocess;

namespace DigitOcr.Reading;

/// <summary>
/// A number read from an image: its digits in reading order (<see cref="Text"/>), each detection with its own
/// score and alternatives, the number's confidence (geometric mean of its digits' scores), its bounding box in image
/// pixels, and the index of the line it stands on (lines numbered top to bottom).
/// <para>
/// <see cref="Digits"/> are the readings the number was made of: where a format chose a digit's alternative
/// (<see cref="NumberReaderOptions.Formats"/>), that digit's detection carries the alternative as its digit and
/// score, and the detector's first choice among its <see cref="Detection.Alternatives"/>.
/// </para>
/// </summary>
public sealed record RecognizedNumber(string Text, double Score, Box Box, IReadOnlyList<Detection> Digits, int Line)
{
    /// <summary>
    /// The number <paramref name="digits"/> (in reading order, at least one) spell: its text, its score (the geometric
    /// mean of the digits' scores) and the box around them.
    /// </summary>
    public static RecognizedNumber FromDigits(IReadOnlyList<Detection> digits, int line)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentOutOfRangeException.ThrowIfZero(digits.Count);
        var box = digits.Skip(1).Aggregate(digits[0].Box, (acc, d) => acc.Union(d.Box));
        var score = Math.Exp(digits.Average(d => Math.Log(Math.Max(d.Score, 1e-6))));
        return new RecognizedNumber(string.Concat(digits.Select(d => (char)('0' + d.Digit))), score, box, digits, line);
    }

    /// <summary>Each digit's score, in reading order (for confidence-weighted directory lookup).</summary>
    public IReadOnlyList<float> DigitScores => Digits.Select(d => d.Score).ToList();

    /// <summary>Each digit's other readings, best first, in reading order (empty lists where none are known).</summary>
    public IReadOnlyList<IReadOnlyList<DigitAlternative>> DigitAlternatives => Digits.Select(d => d.Alternatives).ToList();

    /// <summary>
    /// False only when <see cref="NumberReaderOptions.Formats"/> are given and the number fits none of them
    /// (with <see cref="FormatMismatchPolicy.Flag"/>); true otherwise.
    /// </summary>
    public bool FitsFormat { get; init; } = true;

    /// <summary>The first of <see cref="NumberReaderOptions.Formats"/> the number fits; null when none are given or it fits none.</summary>
    public NumberFormat? Format { get; init; }

    /// <summary>How many digits a format changed to one of their alternatives (0 when none did).</summary>
    public int FormatCorrections { get; init; }

    /// <summary>
    /// This number with the faint end digits the reader left off (<see cref="NumberReaderOptions.EndDigitScoreRatio"/>)
    /// kept, fewest kept first; empty when none were left off. A directory that holds one of them exactly confirms
    /// that the faint digit was written (<c>PhoneDirectory.LookupReading</c> in DigitOcr.Inference).
    /// </summary>
    public IReadOnlyList<RecognizedNumber> WithFaintEnds { get; init; } = [];
}
