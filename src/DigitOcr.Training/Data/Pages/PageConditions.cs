namespace DigitOcr.Data.Pages;

/// <summary>
/// The names a page records in <see cref="Sample.Applied"/> for what its writing went through (beside the photo
/// steps of <see cref="Augmentation.TransformNames"/>), so results can be broken down by condition.
/// </summary>
public static class PageConditions
{
    /// <summary>The page is ruled: lines at the line pitch run along or through the digits' feet.</summary>
    public const string Ruled = "ruled";

    /// <summary>A number is written in a row of form boxes, one digit per box.</summary>
    public const string FormBoxes = "form-boxes";

    /// <summary>A number is underlined by pen, through the digits' feet.</summary>
    public const string Underline = "underline";

    /// <summary>A number has a printed rectangle around it, touching or cutting its strokes.</summary>
    public const string Enclosed = "enclosed";

    /// <summary>A digit is struck through (not a digit to read).</summary>
    public const string CrossedOut = "crossed-out";

    /// <summary>A scribble touches a number's first or last digit or runs along it.</summary>
    public const string ScribbleNearDigits = "scribble-near-digits";

    /// <summary>A number's digits touch or overlap (its gap is negative).</summary>
    public const string Touching = "touching";

    /// <summary>Ink and paper are less than <see cref="LowContrastLevels"/> gray levels apart.</summary>
    public const string LowContrast = "low-contrast";

    /// <summary>Light ink on a dark surface (chalk on a board, a negative).</summary>
    public const string LightOnDark = "light-on-dark";

    /// <summary>The ink-to-paper difference below which a page counts as <see cref="LowContrast"/>.</summary>
    public const double LowContrastLevels = 70;
}
