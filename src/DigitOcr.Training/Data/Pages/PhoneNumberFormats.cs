namespace DigitOcr.Data.Pages;

/// <summary>
/// How people group the digits of a phone number (3-3-4, 4-4, 2-2-2-2-2, ...) and what they write between the
/// groups. At most 14 digits.
/// </summary>
internal static class PhoneNumberFormats
{
    /// <summary>Digit counts per group.</summary>
    public static readonly IReadOnlyList<int[]> Groups =
    [
        [3, 3, 4], [3, 3, 4], [3, 4], [4, 4], [3, 3], [2, 2, 2, 2, 2], [2, 2, 2, 2], [3, 3, 2, 2], [4, 3, 3],
        [3, 3, 3], [2, 4, 4], [1, 3, 3, 4], [5, 5], [4, 4, 4], [3, 4, 4], [2, 3, 4], [4, 6], [3, 2, 2],
    ];

    /// <summary>What separates two groups.</summary>
    public static readonly IReadOnlyList<Separator> Separators =
        [Separator.Space, Separator.Space, Separator.Dash, Separator.Dash, Separator.Dot, Separator.None];
}

/// <summary>A mark between two groups of a number.</summary>
internal enum Separator
{
    /// <summary>Groups written with the usual spacing.</summary>
    None,

    /// <summary>A wider gap.</summary>
    Space,

    /// <summary>A short horizontal stroke at mid-height.</summary>
    Dash,

    /// <summary>A dot on the baseline.</summary>
    Dot,
}
