using DigitOcr.Data.Pages;
using DigitOcr.Data.Sampling;

namespace DigitOcr.Evaluation;

/// <summary>
/// The <see cref="EvaluationPreset.SmallWriting"/> pages: a form photographed whole by a phone, as the
/// <c>pages</c> preset draws it (MNIST test digits, pen, paper, clutter, camera), but 2000 to 4000 px on each side with
/// writing 10 to 40 px tall (each page draws one height log-uniformly; lines and digits vary around it). The lines
/// are spread down the page (most line slots left empty) and up to 400 digits drawn, so that every part of a tiled
/// pass has work. Shrinking such a page to 1280 px leaves digits of 3-25 px, mostly below the smallest anchor.
/// </summary>
public static class SmallWritingPages
{
    /// <summary>The page sides are this many times <see cref="PageSide"/>, each side drawn separately.</summary>
    public static ValueRange PageScale { get; } = new(2, 4);

    /// <summary>The unit of the page sides, in pixels.</summary>
    public const int PageSide = 1000;

    /// <summary>The page's digit height range (ink, pixels).</summary>
    public static ValueRange DigitHeight { get; } = new(10, 40);

    /// <summary>The <c>pages</c> preset's options, sized as above.</summary>
    public static PageOptions Options { get; } = new()
    {
        Layout = new LayoutOptions { PageScale = PageScale, DigitHeight = DigitHeight, MaxDigitsPerPage = 400, EmptyLineProbability = 0.75 },
        Crop = new CropOptions { Width = PageSide, Height = PageSide },
    };
}
