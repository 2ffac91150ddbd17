using DigitOcr.Data.Mnist;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Everything a page will show, decided before any pixel is drawn (so lines can be checked for room first):
/// printed strokes and letters under the writing, glyphs (digits and Fashion-MNIST items), and pen strokes over
/// it (strike-throughs, underlines). Coordinates are page pixels, pixel-centre convention.
/// </summary>
internal sealed class PagePlan(int width, int height)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>Strokes drawn first, under everything (rules, form boxes, clutter).</summary>
    public List<StrokeMark> Background { get; } = [];

    /// <summary>Letters drawn with the background.</summary>
    public List<TextMark> Texts { get; } = [];

    /// <summary>Glyphs that are not digits (Fashion-MNIST), drawn after the background.</summary>
    public List<GlyphMark> Clutter { get; } = [];

    /// <summary>Digits (crossed-out ones included), drawn after the clutter.</summary>
    public List<GlyphMark> Digits { get; } = [];

    /// <summary>Written numbers (committed lines) so far; the next one gets this id.</summary>
    public int Numbers { get; set; }

    /// <summary>Pen strokes drawn last, over the digits.</summary>
    public List<StrokeMark> Foreground { get; } = [];

    /// <summary>What the page's writing went through (<see cref="PageConditions"/>), recorded in the rendered scene.</summary>
    public SortedSet<string> Conditions { get; } = new(StringComparer.Ordinal);

    /// <summary>Page areas taken by lines of digits: scattered digits and clutter keep out of them.</summary>
    public List<PixelRect> Occupied { get; } = [];

    public PixelRect Bounds => new(0, 0, Width, Height);

    /// <summary>Whether <paramref name="rect"/> overlaps no occupied area.</summary>
    public bool IsFree(PixelRect rect) => Occupied.TrueForAll(o => o.Intersect(rect).IsEmpty);
}

/// <summary>A polyline (or filled polygon when <see cref="Thickness"/> is <see cref="Image.Filled"/>) of ink.</summary>
/// <param name="Points">Interleaved x, y page coordinates.</param>
/// <param name="Closed">Whether the last point joins the first.</param>
/// <param name="Coverage">Ink coverage, 1..255.</param>
/// <param name="Thickness">Pixels, or <see cref="Image.Filled"/>.</param>
internal sealed record StrokeMark(double[] Points, bool Closed, byte Coverage, int Thickness);

/// <summary>Letters in OpenCV's Hershey font with the baseline starting at (<see cref="X"/>, <see cref="Y"/>).</summary>
internal sealed record TextMark(string Text, int X, int Y, double Scale, byte Coverage, int Thickness);

/// <summary>A glyph drawn through an affine map from its 28x28 cell to the page.</summary>
/// <param name="Set">Where the glyph comes from.</param>
/// <param name="Index">Which glyph.</param>
/// <param name="ToPage">Glyph pixel to page pixel.</param>
/// <param name="StrokeSteps">3x3 morphology iterations on the drawn glyph: positive dilate (thicker), negative erode (thinner).</param>
/// <param name="Sharpen">Contrast gain on the coverage about its middle, so enlarged glyphs keep crisp edges (1 = none).</param>
/// <param name="CrossedOut">Struck through: drawn, but not a digit.</param>
/// <param name="Number">The written number (one line of the page) the digit belongs to; -1 for clutter.</param>
internal sealed record GlyphMark(GlyphSet Set, int Index, AffineMatrix ToPage, int StrokeSteps, double Sharpen, bool CrossedOut, int Number = -1)
{
    /// <summary>The page box of the glyph's ink (corners of its ink rectangle mapped), as (x1, y1, x2, y2).</summary>
    public (double X1, double Y1, double X2, double Y2) InkExtent()
    {
        var ink = Set.InkBounds(Index);
        return Extent(ink.X - 0.5, ink.Y - 0.5, ink.Right - 0.5, ink.Bottom - 0.5);
    }

    /// <summary>The page box of the glyph's whole cell.</summary>
    public (double X1, double Y1, double X2, double Y2) CellExtent() =>
        Extent(-0.5, -0.5, Set.Columns - 0.5, Set.Rows - 0.5);

    private (double X1, double Y1, double X2, double Y2) Extent(double left, double top, double right, double bottom)
    {
        double x1 = double.MaxValue, y1 = double.MaxValue, x2 = double.MinValue, y2 = double.MinValue;
        foreach (var (x, y) in new[] { (left, top), (right, top), (right, bottom), (left, bottom) })
        {
            var (u, v) = ToPage.Transform(x, y);
            x1 = Math.Min(x1, u);
            y1 = Math.Min(y1, v);
            x2 = Math.Max(x2, u);
            y2 = Math.Max(y2, v);
        }

        return (x1, y1, x2, y2);
    }
}
