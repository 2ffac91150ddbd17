using DigitOcr.Boxes;
using DigitOcr.Postprocess;

namespace DigitOcr.Reading;

/// <summary>Which <see cref="PictureEdges"/> a box touches.</summary>
public static class PictureEdge
{
    /// <summary>
    /// A box this close to a side, in pixels, touches it: a digit cut by the edge has its box clipped to the edge, and
    /// a box's regression is good to a pixel or two.
    /// </summary>
    public const float Margin = 2;

    /// <summary>
    /// The sides <paramref name="number"/> touches, or that a digit beside it touches: on its line and within one
    /// digit height of its first or last digit. A digit cut by the edge often scores too low to join the number
    /// (<see cref="NumberReaderOptions.EndDigitScoreRatio"/>), and what is left then ends short of the edge.
    /// <paramref name="digits"/>: every detection of the picture.
    /// </summary>
    public static PictureEdges Touched(RecognizedNumber number, IReadOnlyList<Detection> digits, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(digits);
        var edges = Touched(number.Box, width, height);
        var heights = number.Digits.Select(d => d.Box.Height).Order().ToList();
        var digitHeight = heights.Count == 0 ? number.Box.Height : heights[heights.Count / 2];
        foreach (var digit in digits)
        {
            var sides = Touched(digit.Box, width, height);
            if (sides == PictureEdges.None || number.Digits.Contains(digit))
            {
                continue;
            }

            var overlap = Math.Min(digit.Box.Y2, number.Box.Y2) - Math.Max(digit.Box.Y1, number.Box.Y1);
            var gap = Math.Max(digit.Box.X1 - number.Box.X2, number.Box.X1 - digit.Box.X2);
            if (overlap >= 0.5f * Math.Min(digit.Box.Height, number.Box.Height) && gap <= digitHeight)
            {
                edges |= sides;
            }
        }

        return edges;
    }

    public static PictureEdges Touched(Box box, int width, int height)
    {
        var edges = PictureEdges.None;
        if (box.X1 <= Margin)
        {
            edges |= PictureEdges.Left;
        }

        if (box.Y1 <= Margin)
        {
            edges |= PictureEdges.Top;
        }

        if (box.X2 >= width - Margin)
        {
            edges |= PictureEdges.Right;
        }

        if (box.Y2 >= height - Margin)
        {
            edges |= PictureEdges.Bottom;
        }

        return edges;
    }
}
