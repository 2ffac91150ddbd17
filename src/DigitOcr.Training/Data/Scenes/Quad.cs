using DigitOcr.Boxes;

namespace DigitOcr.Data.Scenes;

/// <summary>
/// Four corners (top-left, top-right, bottom-right, bottom-left when made from a box) in pixel-edge coordinates,
/// the convention of <see cref="Box"/>: a box that has been rotated or warped. Carries the reference's patch box
/// through the affine step, where the reference takes the enclosing box of the transformed corners.
/// </summary>
public readonly record struct Quad(double X0, double Y0, double X1, double Y1, double X2, double Y2, double X3, double Y3)
{
    /// <summary>The corners of <paramref name="box"/>.</summary>
    public static Quad FromBox(Box box) =>
        new(box.X1, box.Y1, box.X2, box.Y1, box.X2, box.Y2, box.X1, box.Y2);

    /// <summary>
    /// The corners through <paramref name="transform"/>, which works in pixel-centre coordinates: an edge point is
    /// half a pixel before the centre of the pixel it starts.
    /// </summary>
    public Quad Transform(Homography transform)
    {
        var (a, b) = Map(transform, X0, Y0);
        var (c, d) = Map(transform, X1, Y1);
        var (e, f) = Map(transform, X2, Y2);
        var (g, h) = Map(transform, X3, Y3);
        return new Quad(a, b, c, d, e, f, g, h);
    }

    /// <summary>The corners scaled about the image origin, as a resize of the whole image moves them.</summary>
    public Quad Scale(double sx, double sy) =>
        new(X0 * sx, Y0 * sy, X1 * sx, Y1 * sy, X2 * sx, Y2 * sy, X3 * sx, Y3 * sy);

    public Quad Offset(double dx, double dy) =>
        new(X0 + dx, Y0 + dy, X1 + dx, Y1 + dy, X2 + dx, Y2 + dy, X3 + dx, Y3 + dy);

    /// <summary>The smallest axis-aligned box holding the four corners.</summary>
    public Box Bounds() => new(
        (float)Math.Min(Math.Min(X0, X1), Math.Min(X2, X3)),
        (float)Math.Min(Math.Min(Y0, Y1), Math.Min(Y2, Y3)),
        (float)Math.Max(Math.Max(X0, X1), Math.Max(X2, X3)),
        (float)Math.Max(Math.Max(Y0, Y1), Math.Max(Y2, Y3)));

    private static (double X, double Y) Map(Homography transform, double x, double y)
    {
        var (u, v) = transform.Transform(x - 0.5, y - 0.5);
        return (u + 0.5, v + 0.5);
    }
}
