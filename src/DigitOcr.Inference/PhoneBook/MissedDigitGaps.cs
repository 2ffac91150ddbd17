using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// Where in a read number a digit may have been missed: between two neighbours whose blank is wider than the
/// number's typical blank (the lower median; blanks measured as <see cref="NumberReader"/> splits lines) by <see cref="MinExtraGap"/> digit heights. A missed digit leaves its
/// own width (about 0.5-0.7 heights; a "1" less) and one more blank; a separator between groups leaves a gap too, so
/// a gap is a place to try, not a proof.
/// </summary>
public static class MissedDigitGaps
{
    /// <summary>How much wider than typical, in digit heights, a blank must be to hold a missed digit.</summary>
    public const double MinExtraGap = 0.45;

    /// <summary>The positions (1 .. Count - 1: before digit k) where a digit may be missing, left to right.</summary>
    public static List<int> Of(IReadOnlyList<Detection> digits)
    {
        var positions = new List<int>();
        if (digits.Count < 2)
        {
            return positions;
        }

        var gaps = new double[digits.Count - 1];
        for (var k = 1; k < digits.Count; k++)
        {
            gaps[k - 1] = NumberReader.RelativeGap(digits[k - 1].Box, digits[k].Box);
        }

        var typical = gaps.Order().ElementAt((gaps.Length - 1) / 2);
        for (var k = 1; k < digits.Count; k++)
        {
            if (gaps[k - 1] >= typical + MinExtraGap)
            {
                positions.Add(k);
            }
        }

        return positions;
    }
}
