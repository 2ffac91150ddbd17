using DigitOcr.Imaging;

namespace DigitOcr.Tests.Imaging;

public class AffineMatrixTests
{
    private const int Precision = 10;

    [Fact]
    public void Identity_MapsEveryPointToItself()
    {
        Assert.Equal((3.5, -2.0), AffineMatrix.Identity.Transform(3.5, -2.0));
    }

    [Fact]
    public void Translation_ShiftsPoints()
    {
        Assert.Equal((4.0, 1.0), AffineMatrix.Translation(3, -1).Transform(1, 2));
    }

    [Fact]
    public void Rotation_MatchesGetRotationMatrix2D()
    {
        // cv::getRotationMatrix2D((10, 20), 90, 2): alpha = 0, beta = 2.
        var m = AffineMatrix.Rotation(10, 20, 90, scale: 2);

        AssertClose(new AffineMatrix(0, 2, 10 - 40, -2, 0, 20 + 20), m);
    }

    [Fact]
    public void Rotation_KeepsTheCentreFixed()
    {
        var m = AffineMatrix.Rotation(10, 20, 37, scale: 1.3);

        var (x, y) = m.Transform(10, 20);

        Assert.Equal(10, x, Precision);
        Assert.Equal(20, y, Precision);
    }

    [Fact]
    public void Rotation_PositiveAngle_TurnsCounterClockwiseOnScreen()
    {
        // y points down: a point right of the centre moves up.
        var (x, y) = AffineMatrix.Rotation(0, 0, 90).Transform(1, 0);

        Assert.Equal(0, x, Precision);
        Assert.Equal(-1, y, Precision);
    }

    [Fact]
    public void Multiply_AppliesTheArgumentFirst()
    {
        var rotate = AffineMatrix.Rotation(0, 0, 90);
        var shift = AffineMatrix.Translation(5, 0);

        var (x, y) = shift.Multiply(rotate).Transform(1, 0);
        var (ox, oy) = (shift * rotate).Transform(1, 0);

        Assert.Equal(5, x, Precision);
        Assert.Equal(-1, y, Precision);
        Assert.Equal((x, y), (ox, oy));
    }

    [Fact]
    public void Invert_ThenMultiply_GivesIdentity()
    {
        var m = AffineMatrix.Rotation(3, 4, 25, scale: 0.7).Multiply(AffineMatrix.Translation(-2, 9));

        AssertClose(AffineMatrix.Identity, m.Multiply(m.Invert()));
        AssertClose(AffineMatrix.Identity, m.Invert().Multiply(m));
    }

    [Fact]
    public void Invert_MapsTransformedPointsBack()
    {
        var m = new AffineMatrix(2, 0.5, 3, -0.25, 1.5, -7);

        var (x, y) = m.Transform(11, -4);
        var (bx, by) = m.Invert().Transform(x, y);

        Assert.Equal(11, bx, Precision);
        Assert.Equal(-4, by, Precision);
    }

    [Fact]
    public void Invert_SingularMatrix_Throws()
    {
        var collapse = new AffineMatrix(1, 2, 0, 2, 4, 0);

        Assert.Throws<InvalidOperationException>(() => collapse.Invert());
    }

    [Fact]
    public void ToArray_IsRowMajor()
    {
        Assert.Equal([1.0, 2, 3, 4, 5, 6], new AffineMatrix(1, 2, 3, 4, 5, 6).ToArray());
    }

    private static void AssertClose(AffineMatrix expected, AffineMatrix actual)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        for (var i = 0; i < e.Length; i++)
        {
            Assert.Equal(e[i], a[i], Precision);
        }
    }
}
