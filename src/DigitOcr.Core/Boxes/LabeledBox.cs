namespace DigitOcr.Boxes;

/// <summary>
/// A ground-truth digit: its box (pixels, corner form), the digit 0-9, and whether it is ignored — a digit the
/// detector should neither be rewarded nor punished for (for example one cut by a crop border): priors that match
/// it become neutral, neither positives nor negatives. <see cref="Number"/> identifies the written number the digit
/// belongs to (digits sharing it form that number, in list order); -1 when unknown.
/// </summary>
public readonly record struct LabeledBox(Box Box, int Digit, bool Ignored = false, int Number = -1)
{
    /// <summary>The detector's class: 0 is background, digit d is d + 1.</summary>
    public int ClassIndex => Digit + 1;
}
