using DigitOcr.Boxes;
using DigitOcr.Postprocess;

namespace DigitOcr.Reading;

/// <summary>
/// A number read from an image: its digits in reading order (<see cref="Text"/>), each detection with its own
/// score, the number's confidence (geometric mean of its digits' scores), its bounding box in image pixels, and the
/// index of the line it stands on (lines numbered top to bottom).
/// </summary>
public sealed record RecognizedNumber(string Text, double Score, Box Box, IReadOnlyList<Detection> Digits, int Line)
{
    /// <summary>Each digit's score, in reading order (for confidence-weighted directory lookup).</summary>
    public IReadOnlyList<float> DigitScores => Digits.Select(d => d.Score).ToList();
}
