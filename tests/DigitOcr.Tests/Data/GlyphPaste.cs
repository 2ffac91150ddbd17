using DigitOcr.Boxes;
using DigitOcr.Data.Mnist;
using DigitOcr.Imaging;

namespace DigitOcr.Tests.Data;

/// <summary>MNIST glyphs written on test pages by hand, where a test needs digits of an exact size at an exact place.</summary>
internal static class GlyphPaste
{
    /// <summary>
    /// Pastes glyph <paramref name="index"/>, dark on the paper (the darker pixel wins), its ink scaled to
    /// <paramref name="digitHeight"/> px with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>); returns the ink's box.
    /// </summary>
    public static Box Dark(Image paper, GlyphSet glyphs, int index, int x, int y, int digitHeight)
    {
        var ink = glyphs.InkBounds(index);
        var pixels = glyphs.Pixels(index).ToArray();
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(255 - pixels[i]);
        }

        using var glyph = Image.FromPixels(pixels, glyphs.Columns, glyphs.Rows);
        using var cut = glyph.Crop(ink.X, ink.Y, ink.Width, ink.Height);
        var width = Math.Max(2, (int)Math.Round(ink.Width * (double)digitHeight / ink.Height));
        using var small = cut.Resize(width, digitHeight, Interpolation.Area);
        paper.DrawImage(small, x, y, PasteMode.Min);
        return new Box(x, y, x + width, y + digitHeight);
    }
}
