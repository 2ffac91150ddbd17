using DigitOcr.Boxes;

namespace DigitOcr.Data;

/// <summary>A rectangle of whole pixels: columns <c>X .. X+Width-1</c>, rows <c>Y .. Y+Height-1</c>.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Columns covered; 0 for an empty rectangle.</param>
/// <param name="Height">Rows covered; 0 for an empty rectangle.</param>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>One past the right column.</summary>
    public int Right => X + Width;

    /// <summary>One past the bottom row.</summary>
    public int Bottom => Y + Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>The same pixels as a <see cref="Box"/> (corner form, far edges exclusive).</summary>
    public Box ToBox() => new(X, Y, Right, Bottom);

    /// <summary>The overlap with <paramref name="other"/>, or an empty rectangle.</summary>
    public PixelRect Intersect(PixelRect other)
    {
        var x1 = Math.Max(X, other.X);
        var y1 = Math.Max(Y, other.Y);
        var x2 = Math.Min(Right, other.Right);
        var y2 = Math.Min(Bottom, other.Bottom);
        return x2 > x1 && y2 > y1 ? new PixelRect(x1, y1, x2 - x1, y2 - y1) : default;
    }

    public PixelRect Offset(int dx, int dy) => this with { X = X + dx, Y = Y + dy };
}
