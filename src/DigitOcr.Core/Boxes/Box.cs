namespace DigitOcr.Boxes;

/// <summary>
/// An axis-aligned box in corner form (x1, y1, x2, y2): pixels of an image, or fractions of its size where a
/// caller says so. x2 and y2 are the far edges (a 1-pixel box at column 3 is [3, 4)).
/// </summary>
public readonly record struct Box(float X1, float Y1, float X2, float Y2)
{
    public float Width => X2 - X1;

    public float Height => Y2 - Y1;

    public float CenterX => (X1 + X2) / 2;

    public float CenterY => (Y1 + Y2) / 2;

    /// <summary>Area; zero for empty or inverted boxes.</summary>
    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public bool IsEmpty => Width <= 0 || Height <= 0;

    public static Box FromCenter(float cx, float cy, float width, float height) =>
        new(cx - (width / 2), cy - (height / 2), cx + (width / 2), cy + (height / 2));

    /// <summary>The overlap of two boxes (empty when they do not meet).</summary>
    public Box Intersect(Box other) =>
        new(Math.Max(X1, other.X1), Math.Max(Y1, other.Y1), Math.Min(X2, other.X2), Math.Min(Y2, other.Y2));

    /// <summary>Intersection over union; 0 when either box is empty.</summary>
    public float IoU(Box other)
    {
        var inter = Intersect(other).Area;
        var union = Area + other.Area - inter;
        return union > 0 ? inter / union : 0;
    }

    /// <summary>The smallest box holding both this box and <paramref name="other"/>.</summary>
    public Box Union(Box other) =>
        new(Math.Min(X1, other.X1), Math.Min(Y1, other.Y1), Math.Max(X2, other.X2), Math.Max(Y2, other.Y2));

    public Box Offset(float dx, float dy) => new(X1 + dx, Y1 + dy, X2 + dx, Y2 + dy);

    public Box Scale(float sx, float sy) => new(X1 * sx, Y1 * sy, X2 * sx, Y2 * sy);

    /// <summary>This box limited to [0, width] x [0, height].</summary>
    public Box Clip(float width, float height) =>
        new(Math.Clamp(X1, 0, width), Math.Clamp(Y1, 0, height), Math.Clamp(X2, 0, width), Math.Clamp(Y2, 0, height));

    public override string ToString() => $"[{X1:0.##}, {Y1:0.##}, {X2:0.##}, {Y2:0.##}]";
}
