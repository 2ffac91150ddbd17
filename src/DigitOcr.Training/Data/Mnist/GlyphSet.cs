using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Mnist;

/// <summary>
/// Small gray images with labels, held in memory: MNIST digits or Fashion-MNIST items, bright ink (255) on a black
/// background (0), as the IDX files store them. Immutable and safe to share between threads.
/// </summary>
public sealed class GlyphSet
{
    private readonly byte[] pixels;
    private readonly byte[] labels;
    private readonly PixelRect[] inkBounds;

    /// <summary>Wraps <paramref name="images"/> and their <paramref name="labels"/> (one per image, 0..9).</summary>
    /// <param name="name">What this set is, for messages (for example <c>MNIST train</c>).</param>
    /// <param name="images">The images.</param>
    /// <param name="labels">The labels, one per image.</param>
    /// <exception cref="InvalidDataException">The counts differ or a label is outside 0..9.</exception>
    public GlyphSet(string name, IdxImages images, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != images.Count)
        {
            throw new InvalidDataException(
                $"{name}: {images.Count} images but {labels.Length} labels; the images and labels files do not belong together.");
        }

        var bad = Array.FindIndex(labels, l => l > 9);
        if (bad >= 0)
        {
            throw new InvalidDataException($"{name}: label {labels[bad]} of item {bad} is outside 0..9.");
        }

        Name = name;
        Count = images.Count;
        Rows = images.Rows;
        Columns = images.Columns;
        pixels = images.Pixels;
        this.labels = labels;
        inkBounds = new PixelRect[Count];
        for (var i = 0; i < Count; i++)
        {
            inkBounds[i] = InkMask.BoundsOf(Pixels(i), Columns, Rows);
        }
    }

    /// <summary>What this set is, for messages.</summary>
    public string Name { get; }

    /// <summary>How many glyphs.</summary>
    public int Count { get; }

    /// <summary>Height of each glyph (28 for MNIST).</summary>
    public int Rows { get; }

    /// <summary>Width of each glyph (28 for MNIST).</summary>
    public int Columns { get; }

    /// <summary>The label of glyph <paramref name="index"/>, 0..9 (the digit, for MNIST).</summary>
    public int Label(int index) => labels[index];

    /// <summary>The pixels of glyph <paramref name="index"/>, row-major, ink bright.</summary>
    public ReadOnlySpan<byte> Pixels(int index) => pixels.AsSpan(index * Rows * Columns, Rows * Columns);

    /// <summary>The tight box of the glyph's ink (pixels at or above <see cref="InkMask.InkLevel"/>); empty for a blank glyph.</summary>
    public PixelRect InkBounds(int index) => inkBounds[index];

    /// <summary>Glyph <paramref name="index"/> as a new gray image, ink bright on black. The caller owns it.</summary>
    public Image ToImage(int index) => Image.FromPixels(Pixels(index), Columns, Rows);

    /// <summary>The first <paramref name="count"/> glyphs as a set of their own (all of them when there are fewer).</summary>
    public GlyphSet First(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var n = Math.Min(count, Count);
        return n == Count ? this : new GlyphSet($"{Name} (first {n})", new IdxImages(n, Rows, Columns, pixels[..(n * Rows * Columns)]), labels[..n]);
    }

    public override string ToString() => $"{Name}: {Count} glyphs of {Columns}x{Rows}";
}
