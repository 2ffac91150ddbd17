namespace DigitOcr.Imaging;

/// <summary>
/// A 2x3 affine transform in pixel coordinates (origin at the top-left pixel's centre, x right, y down), mapping a
/// source point to <c>(M00·x + M01·y + M02, M10·x + M11·y + M12)</c>. This is the matrix
/// <see cref="Image.WarpAffine"/> takes (source to destination, as <c>cv::warpAffine</c> without
/// <c>WARP_INVERSE_MAP</c>).
/// </summary>
public readonly record struct AffineMatrix(double M00, double M01, double M02, double M10, double M11, double M12)
{
    /// <summary>Below this absolute determinant a matrix counts as singular.</summary>
    private const double SingularDeterminant = 1e-12;

    /// <summary>The transform that maps every point to itself.</summary>
    public static AffineMatrix Identity => new(1, 0, 0, 0, 1, 0);

    /// <summary>The determinant of the linear part; the factor by which areas scale.</summary>
    public double Determinant => M00 * M11 - M01 * M10;

    /// <summary>A shift by (<paramref name="dx"/>, <paramref name="dy"/>) pixels.</summary>
    public static AffineMatrix Translation(double dx, double dy) => new(1, 0, dx, 0, 1, dy);

    /// <summary>A scaling by (<paramref name="sx"/>, <paramref name="sy"/>) about the origin.</summary>
    public static AffineMatrix Scaling(double sx, double sy) => new(sx, 0, 0, 0, sy, 0);

    /// <summary>
    /// A rotation by <paramref name="degrees"/> about (<paramref name="centerX"/>, <paramref name="centerY"/>) with
    /// isotropic <paramref name="scale"/>; positive angles turn counter-clockwise as seen on screen (y down). The same
    /// matrix as <c>cv::getRotationMatrix2D(center, angle, scale)</c>.
    /// </summary>
    public static AffineMatrix Rotation(double centerX, double centerY, double degrees, double scale = 1.0)
    {
        var radians = degrees * Math.PI / 180.0;
        var alpha = scale * Math.Cos(radians);
        var beta = scale * Math.Sin(radians);
        return new AffineMatrix(
            alpha, beta, (1 - alpha) * centerX - beta * centerY,
            -beta, alpha, beta * centerX + (1 - alpha) * centerY);
    }

    /// <summary>
    /// The composition <c>this · <paramref name="first"/></c>: the result maps a point through
    /// <paramref name="first"/>, then through this matrix.
    /// </summary>
    public AffineMatrix Multiply(AffineMatrix first) => new(
        M00 * first.M00 + M01 * first.M10,
        M00 * first.M01 + M01 * first.M11,
        M00 * first.M02 + M01 * first.M12 + M02,
        M10 * first.M00 + M11 * first.M10,
        M10 * first.M01 + M11 * first.M11,
        M10 * first.M02 + M11 * first.M12 + M12);

    /// <summary>The composition <c>left · right</c> (<paramref name="right"/> applies first); see <see cref="Multiply"/>.</summary>
    public static AffineMatrix operator *(AffineMatrix left, AffineMatrix right) => left.Multiply(right);

    /// <summary>Maps the point (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public (double X, double Y) Transform(double x, double y) =>
        (M00 * x + M01 * y + M02, M10 * x + M11 * y + M12);

    /// <summary>The inverse transform (destination to source).</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular (it collapses the plane onto a line or point).</exception>
    public AffineMatrix Invert()
    {
        var det = Determinant;
        if (Math.Abs(det) < SingularDeterminant || !double.IsFinite(det))
        {
            throw new InvalidOperationException($"{this} is not invertible: its determinant is {det}.");
        }

        var a = M11 / det;
        var b = -M01 / det;
        var c = -M10 / det;
        var d = M00 / det;
        return new AffineMatrix(a, b, -(a * M02 + b * M12), c, d, -(c * M02 + d * M12));
    }

    /// <summary>The six coefficients, row-major (<c>M00, M01, M02, M10, M11, M12</c>), as OpenCV stores a 2x3 matrix.</summary>
    public double[] ToArray() => [M00, M01, M02, M10, M11, M12];
}
