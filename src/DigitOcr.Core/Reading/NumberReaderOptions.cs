namespace DigitOcr.Reading;

/// <summary>
/// How digits are grouped into numbers. Distances are in units of the digits' own height, so the same settings
/// work for small and large writing.
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
    /// A gap wider than this (in digit heights) starts a new number on the same line. Separators of a phone number
    /// (dashes, dots, spaces between groups) leave smaller gaps and are ignored.
    /// </summary>
    public double NumberGap { get; init; } = 1.6;

    /// <summary>Numbers shorter than this many digits are still reported (a single digit is a number too).</summary>
    public int MinDigits { get; init; } = 1;
}
