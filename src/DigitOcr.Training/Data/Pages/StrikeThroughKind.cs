namespace DigitOcr.Data.Pages;

/// <summary>How a crossed-out digit is cancelled; drawn uniformly.</summary>
internal enum StrikeThroughKind
{
    /// <summary>A line across the digit at a random height.</summary>
    Line,

    /// <summary>Both diagonals of its ink box.</summary>
    Cross,

    /// <summary>A zigzag over the whole digit.</summary>
    Zigzag,
}
