using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation;

/// <summary>
/// Per-pixel work done in C# on a copy of the pixels (a 224x224 crop is 50 KB: a pass costs tens of microseconds,
/// cheaper than a native round trip per operation would save).
/// </summary>
public static class PixelOps
{
    /// <summary>A new image with every pixel looked up in <paramref name="table"/> (256 entries). The caller owns it.</summary>
    public static Image MapLevels(Image image, ReadOnlySpan<byte> table)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (table.Length != 256)
        {
            throw new ArgumentException($"A level table has 256 entries, got {table.Length}.", nameof(table));
        }

        var pixels = image.ToPixels();
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = table[pixels[i]];
        }

        return Image.FromPixels(pixels, image.Width, image.Height, image.Channels);
    }

    /// <summary>The table that turns a level <c>v</c> into <c>255 - v</c>.</summary>
    public static byte[] InvertTable()
    {
        var table = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            table[v] = (byte)(255 - v);
        }

        return table;
    }

    /// <summary>Rounds and clamps to a level.</summary>
    public static byte ToLevel(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);
}
