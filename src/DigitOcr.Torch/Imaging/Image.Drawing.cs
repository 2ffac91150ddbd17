using DigitOcr.Torch.Native;

namespace DigitOcr.Imaging;

public sealed partial class Image
{
    /// <summary>Thickness that fills a shape instead of outlining it.</summary>
    public const int Filled = -1;

    /// <summary>
    /// Draws, in place, the axis-aligned rectangle with corners (<paramref name="x1"/>, <paramref name="y1"/>) and
    /// (<paramref name="x2"/>, <paramref name="y2"/>), both inclusive. Antialiased: the pixels just outside the
    /// edges are lightly blended too. Clipped to the image.
    /// </summary>
    /// <param name="x1">Left (or right) column.</param>
    /// <param name="y1">Top (or bottom) row.</param>
    /// <param name="x2">The opposite column.</param>
    /// <param name="y2">The opposite row.</param>
    /// <param name="color">The colour; a gray image uses <see cref="Color.B"/>.</param>
    /// <param name="thickness">Line width in pixels, or <see cref="Filled"/> (any negative value) to fill.</param>
    public void DrawRectangle(int x1, int y1, int x2, int y2, Color color, int thickness = 1)
    {
        CheckThickness(thickness, allowFill: true);
        NativeError.CheckStatus(NativeMethods.dgo_image_draw_rectangle(Handle, x1, y1, x2, y2, color.B, color.G, color.R, thickness));
    }

    /// <summary>Draws, in place, an antialiased line between sub-pixel end points (1/16-pixel precision); clipped to the image.</summary>
    /// <param name="x1">Start column (pixel centres at integers).</param>
    /// <param name="y1">Start row.</param>
    /// <param name="x2">End column.</param>
    /// <param name="y2">End row.</param>
    /// <param name="color">The colour; a gray image uses <see cref="Color.B"/>.</param>
    /// <param name="thickness">Line width in pixels, at least 1.</param>
    public void DrawLine(double x1, double y1, double x2, double y2, Color color, int thickness = 1)
    {
        CheckThickness(thickness, allowFill: false);
        NativeError.CheckStatus(NativeMethods.dgo_image_draw_line(Handle, x1, y1, x2, y2, color.B, color.G, color.R, thickness));
    }

    /// <summary>
    /// Draws, in place, <paramref name="text"/> in OpenCV's Hershey Simplex font with its baseline starting at
    /// (<paramref name="x"/>, <paramref name="y"/>). Only ASCII prints; other characters show as '?'.
    /// </summary>
    /// <param name="text">The text, one line.</param>
    /// <param name="x">Left end of the baseline.</param>
    /// <param name="y">Row of the baseline.</param>
    /// <param name="scale">Font scale; 1.0 is about 22 pixels tall for capitals.</param>
    /// <param name="color">The colour; a gray image uses <see cref="Color.B"/>.</param>
    /// <param name="thickness">Stroke width in pixels, at least 1.</param>
    public void DrawText(string text, int x, int y, double scale, Color color, int thickness = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        CheckThickness(thickness, allowFill: false);
        NativeError.CheckStatus(NativeMethods.dgo_image_draw_text(Handle, text, x, y, scale, color.B, color.G, color.R, thickness));
    }

    /// <summary>
    /// Pastes <paramref name="source"/>, in place, with its top-left pixel at (<paramref name="x"/>,
    /// <paramref name="y"/>), combining pixels by <paramref name="mode"/>. Clipped to this image: the source may lie
    /// partly or wholly outside. Both images must have the same number of channels.
    /// </summary>
    /// <param name="source">The image to paste; left unchanged.</param>
    /// <param name="x">Column of the source's left edge (may be negative).</param>
    /// <param name="y">Row of the source's top edge (may be negative).</param>
    /// <param name="mode">Replace, or keep the per-pixel maximum or minimum.</param>
    public void DrawImage(Image source, int x, int y, PasteMode mode = PasteMode.Copy)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Channels != Channels)
        {
            throw new ArgumentException(
                $"Cannot paste a {source.Channels}-channel image onto a {Channels}-channel image; convert it first (ToGray/ToColor).",
                nameof(source));
        }

        NativeError.CheckStatus(NativeMethods.dgo_image_draw_image(Handle, source.Handle, x, y, (int)mode));
    }

    /// <summary>
    /// Draws, in place, an antialiased polyline through sub-pixel points (1/16-pixel precision), or fills the
    /// polygon they enclose when <paramref name="thickness"/> is <see cref="Filled"/>. Clipped to the image.
    /// </summary>
    /// <param name="xy">The points as interleaved coordinates x0, y0, x1, y1, ... (at least 2 points).</param>
    /// <param name="closed">Whether a segment joins the last point back to the first (a filled polygon is always closed).</param>
    /// <param name="color">The colour; a gray image uses <see cref="Color.B"/>.</param>
    /// <param name="thickness">Line width in pixels, or <see cref="Filled"/> (any negative value) to fill.</param>
    public unsafe void DrawPolyline(ReadOnlySpan<double> xy, bool closed, Color color, int thickness = 1)
    {
        CheckThickness(thickness, allowFill: true);
        if (xy.Length < 4 || xy.Length % 2 != 0)
        {
            throw new ArgumentException(
                $"A polyline needs at least 2 points given as interleaved x, y coordinates (an even count of at least 4); got {xy.Length} values.",
                nameof(xy));
        }

        fixed (double* p = xy)
        {
            NativeError.CheckStatus(NativeMethods.dgo_image_draw_polyline(Handle, p, xy.Length / 2, closed ? 1 : 0, color.B, color.G, color.R, thickness));
        }
    }

    /// <summary>Draws, in place, an antialiased circle with a sub-pixel centre and radius; clipped to the image.</summary>
    /// <param name="centerX">Column of the centre.</param>
    /// <param name="centerY">Row of the centre.</param>
    /// <param name="radius">Radius in pixels, not negative.</param>
    /// <param name="color">The colour; a gray image uses <see cref="Color.B"/>.</param>
    /// <param name="thickness">Line width in pixels, or <see cref="Filled"/> (any negative value) to fill.</param>
    public void DrawCircle(double centerX, double centerY, double radius, Color color, int thickness = 1)
    {
        CheckThickness(thickness, allowFill: true);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        NativeError.CheckStatus(NativeMethods.dgo_image_draw_circle(Handle, centerX, centerY, radius, color.B, color.G, color.R, thickness));
    }

    private static void CheckThickness(int thickness, bool allowFill)
    {
        if (thickness == 0 || (!allowFill && thickness < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(thickness), thickness,
                allowFill ? "Thickness must be positive, or Image.Filled to fill." : "Thickness must be positive.");
        }
    }
}
