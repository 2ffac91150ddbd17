using DigitOcr.Data.Sampling;

namespace DigitOcr.Data.Pages;

/// <summary>The look of printed lines (rules, form boxes, rectangles, printed clutter): lighter than pen, a pixel or a few thick.</summary>
internal static class PrintedInk
{
    /// <summary>Rules get one extra pixel of thickness per this many pixels of digit height.</summary>
    public const double RuleHeightPerPixel = 25;

    /// <summary>Form boxes and enclosing rectangles: one extra pixel per this many pixels of line height (finer than rules).</summary>
    public const double FormHeightPerPixel = 30;

    /// <summary>Printed clutter lines and rectangles: one extra pixel per this many pixels of digit height (bolder than forms).</summary>
    public const double ClutterHeightPerPixel = 12;

    /// <summary>Ink coverage of a printed line, drawn from <see cref="SurfaceOptions.PrintedCoverage"/>, 1..255.</summary>
    public static byte Coverage(SurfaceOptions surface, Random rng) =>
        (byte)Math.Clamp((int)Math.Round(rng.Uniform(surface.PrintedCoverage)), 1, 255);

    /// <summary>A printed line's thickness next to writing <paramref name="height"/> pixels tall: 1 to 1 + height / <paramref name="heightPerPixel"/> pixels (at least 2 possible).</summary>
    public static int Thickness(double height, double heightPerPixel, Random rng) =>
        rng.Next(1, Math.Max(1, (int)(height / heightPerPixel)) + 2);
}
