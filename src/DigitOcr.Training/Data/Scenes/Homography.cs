using DigitOcr.Imaging;

namespace DigitOcr.Data.Scenes;

/// <summary>
/// A 3x3 projective transform in pixel-centre coordinates (as <see cref="AffineMatrix"/> and OpenCV's warps:
/// pixel (0, 0) is centred at (0, 0)), mapping a source point (x, y) to
/// <c>((H00 x + H01 y + H02) / w, (H10 x + H11 y + H12) / w)</c> with <c>w = H20 x + H21 y + H22</c>.
/// </summary>
public readonly record struct Homography(
    double H00, double H01, double H02,
    double H10, double H11, double H12,
    double H20, double H21, double H22)
{
    private const double AffineTolerance = 1e-12;

    public static Homography Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>True when the bottom row is (0, 0, 1): lines stay parallel and <see cref="Image.WarpAffine"/> can apply it.</summary>
    public bool IsAffine =>
        Math.Abs(H20) < AffineTolerance && Math.Abs(H21) < AffineTolerance && Math.Abs(H22 - 1) < AffineTolerance;

    /// <summary>The same transform as <paramref name="affine"/>.</summary>
    public static Homography FromAffine(AffineMatrix affine) =>
        new(affine.M00, affine.M01, affine.M02, affine.M10, affine.M11, affine.M12, 0, 0, 1);

    /// <summary>A shift by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public static Homography Translation(double dx, double dy) => new(1, 0, dx, 0, 1, dy, 0, 0, 1);

    /// <summary>
    /// The transform taking the four points <paramref name="from"/> to the four points <paramref name="to"/>
    /// (<c>cv::getPerspectiveTransform</c>), given as interleaved x, y pairs.
    /// </summary>
    /// <exception cref="ArgumentException">Not four points each, or three of them on a line.</exception>
    public static Homography FromPoints(ReadOnlySpan<double> from, ReadOnlySpan<double> to)
    {
        if (from.Length != 8 || to.Length != 8)
        {
            throw new ArgumentException($"A homography is fixed by 4 point pairs (8 values each), got {from.Length} and {to.Length} values.");
        }

        // Eight linear equations in H00..H21 (H22 = 1), solved by Gaussian elimination with partial pivoting.
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            double x = from[2 * i], y = from[(2 * i) + 1], u = to[2 * i], v = to[(2 * i) + 1];
            double[] rowU = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowV = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var j = 0; j < 9; j++)
            {
                a[2 * i, j] = rowU[j];
                a[(2 * i) + 1, j] = rowV[j];
            }
        }

        for (var col = 0; col < 8; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < 8; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                throw new ArgumentException("The points do not fix a homography: three of them lie on a line.");
            }

            for (var j = 0; j < 9; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (var r = 0; r < 8; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = a[r, col] / a[col, col];
                for (var j = col; j < 9; j++)
                {
                    a[r, j] -= f * a[col, j];
                }
            }
        }

        var h = new double[8];
        for (var i = 0; i < 8; i++)
        {
            h[i] = a[i, 8] / a[i, i];
        }

        return new Homography(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1);
    }

    /// <summary>The composition <c>this · <paramref name="first"/></c>: <paramref name="first"/> applies first.</summary>
    public Homography Multiply(Homography first) => new(
        (H00 * first.H00) + (H01 * first.H10) + (H02 * first.H20),
        (H00 * first.H01) + (H01 * first.H11) + (H02 * first.H21),
        (H00 * first.H02) + (H01 * first.H12) + (H02 * first.H22),
        (H10 * first.H00) + (H11 * first.H10) + (H12 * first.H20),
        (H10 * first.H01) + (H11 * first.H11) + (H12 * first.H21),
        (H10 * first.H02) + (H11 * first.H12) + (H12 * first.H22),
        (H20 * first.H00) + (H21 * first.H10) + (H22 * first.H20),
        (H20 * first.H01) + (H21 * first.H11) + (H22 * first.H21),
        (H20 * first.H02) + (H21 * first.H12) + (H22 * first.H22));

    /// <summary>The composition <c>left · right</c> (<paramref name="right"/> applies first).</summary>
    public static Homography operator *(Homography left, Homography right) => left.Multiply(right);

    /// <summary>Maps the point (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public (double X, double Y) Transform(double x, double y)
    {
        var w = (H20 * x) + (H21 * y) + H22;
        return (((H00 * x) + (H01 * y) + H02) / w, ((H10 * x) + (H11 * y) + H12) / w);
    }

    /// <summary>The affine part as an <see cref="AffineMatrix"/>; only meaningful when <see cref="IsAffine"/>.</summary>
    public AffineMatrix ToAffine() => new(H00 / H22, H01 / H22, H02 / H22, H10 / H22, H11 / H22, H12 / H22);

    /// <summary>The nine coefficients, row-major, as <see cref="Image.WarpPerspective"/> takes them.</summary>
    public double[] ToArray() => [H00, H01, H02, H10, H11, H12, H20, H21, H22];

    /// <summary>A new <paramref name="width"/> x <paramref name="height"/> image of <paramref name="image"/> through this transform (affine warps take the faster path).</summary>
    public Image Warp(Image image, int width, int height, Interpolation interpolation, BorderMode border, double borderValue) =>
        IsAffine
            ? image.WarpAffine(ToAffine(), width, height, interpolation, border, borderValue)
            : image.WarpPerspective(ToArray(), width, height, interpolation, border, borderValue);
}
