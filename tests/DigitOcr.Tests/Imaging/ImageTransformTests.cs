using DigitOcr.Imaging;

namespace DigitOcr.Tests.Imaging;

public class ImageTransformTests
{
    [Fact]
    public void Resize_AreaByHalf_AveragesEachTwoByTwoBlock()
    {
        byte[] pixels =
        [
            10, 20, 0, 100,
            30, 40, 100, 200,
            255, 255, 1, 2,
            255, 255, 3, 6,
        ];
        using var image = Image.FromPixels(pixels, width: 4, height: 4);

        using var half = image.Resize(2, 2, Interpolation.Area);

        Assert.Equal((2, 2), (half.Width, half.Height));
        Assert.Equal([25, 100, 255, 3], half.ToPixels());
    }

    [Fact]
    public void Resize_LinearDoubling_InterpolatesBetweenPixelCentres()
    {
        using var image = Image.FromPixels([0, 100], width: 2, height: 1);

        using var doubled = image.Resize(4, 1, Interpolation.Linear);

        // Destination centres map to source x = -0.25, 0.25, 0.75, 1.25 (clamped at the edges).
        Assert.Equal([0, 25, 75, 100], doubled.ToPixels());
    }

    [Fact]
    public void Resize_Nearest_RepeatsPixels()
    {
        using var image = Image.FromPixels([1, 2, 3, 4], width: 2, height: 2);

        using var doubled = image.Resize(4, 4, Interpolation.Nearest);

        Assert.Equal([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], doubled.ToPixels());
    }

    [Theory]
    [InlineData(7, 3, Interpolation.Linear)]
    [InlineData(1, 1, Interpolation.Area)]
    [InlineData(50, 2, Interpolation.Cubic)]
    public void Resize_ReturnsTheRequestedSize(int width, int height, Interpolation interpolation)
    {
        using var image = TestImages.Gradient(10, 6);

        using var resized = image.Resize(width, height, interpolation);

        Assert.Equal((width, height, 1), (resized.Width, resized.Height, resized.Channels));
    }

    [Fact]
    public void Resize_ToZeroWidth_ThrowsArgumentOutOfRange()
    {
        using var image = Image.Create(4, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => image.Resize(0, 4, Interpolation.Linear));
    }

    [Fact]
    public void WarpAffine_Identity_ReturnsTheSamePixels()
    {
        using var image = TestImages.Gradient(9, 7);

        using var warped = image.WarpAffine(AffineMatrix.Identity, 9, 7, Interpolation.Linear);

        Assert.Equal(image.ToPixels(), warped.ToPixels());
    }

    [Fact]
    public void WarpAffine_Translation_MovesPixelsAndFillsTheBorder()
    {
        using var image = TestImages.SinglePixel(size: 5, x: 1, y: 1);

        using var moved = image.WarpAffine(AffineMatrix.Translation(2, 1), 5, 5, Interpolation.Nearest,
            BorderMode.Constant, borderValue: 7);

        var pixels = moved.ToPixels();
        Assert.Equal(255, pixels.At(5, 3, 2));
        Assert.Equal(0, pixels.At(5, 2, 1)); // from source (0, 0)
        Assert.Equal(7, pixels.At(5, 0, 3)); // from source x = -2: outside
        Assert.Equal(7, pixels.At(5, 4, 0)); // from source y = -1: outside
        Assert.Equal(0, pixels.At(5, 4, 4));
        Assert.Equal(1, pixels.Count(p => p == 255));
    }

    [Fact]
    public void WarpAffine_Rotation90AboutTheCentre_TurnsCounterClockwise()
    {
        // A pixel right of the centre of a 5x5 image ends up above it.
        using var image = TestImages.SinglePixel(size: 5, x: 3, y: 2);

        using var rotated = image.WarpAffine(AffineMatrix.Rotation(2, 2, 90), 5, 5, Interpolation.Nearest);

        var pixels = rotated.ToPixels();
        Assert.Equal(255, pixels.At(5, 2, 1));
        Assert.Equal(1, pixels.Count(p => p == 255));
    }

    [Fact]
    public void WarpPerspective_TranslationHomography_MatchesWarpAffine()
    {
        using var image = TestImages.Gradient(8, 6);
        double[] homography = [1, 0, 2, 0, 1, -1, 0, 0, 1];

        using var perspective = image.WarpPerspective(homography, 8, 6, Interpolation.Nearest, BorderMode.Replicate);
        using var affine = image.WarpAffine(AffineMatrix.Translation(2, -1), 8, 6, Interpolation.Nearest, BorderMode.Replicate);

        Assert.Equal(affine.ToPixels(), perspective.ToPixels());
    }

    [Fact]
    public void WarpPerspective_WrongNumberOfValues_Throws()
    {
        using var image = Image.Create(4, 4);

        Assert.Throws<ArgumentException>(() => image.WarpPerspective(new double[6], 4, 4));
    }

    [Fact]
    public void Threshold_Binary_KeepsOnlyValuesStrictlyAbove()
    {
        using var image = Image.FromPixels([0, 100, 128, 129, 255], width: 5, height: 1);

        using var binary = image.Threshold(128, 255, ThresholdType.Binary);
        using var inverted = image.Threshold(128, 200, ThresholdType.BinaryInverted);

        Assert.Equal([0, 0, 0, 255, 255], binary.ToPixels());
        Assert.Equal([200, 200, 200, 0, 0], inverted.ToPixels());
    }

    [Fact]
    public void Threshold_BinaryOtsu_SplitsTwoLevels()
    {
        using var image = Image.FromPixels([20, 30, 20, 30, 200, 210, 200, 210], width: 8, height: 1);

        using var binary = image.Threshold(0, 255, ThresholdType.BinaryOtsu);

        Assert.Equal([0, 0, 0, 0, 255, 255, 255, 255], binary.ToPixels());
    }

    [Fact]
    public void Dilate_SingleWhitePixel_GrowsToTheKernelSquare()
    {
        using var image = TestImages.SinglePixel(size: 7, x: 3, y: 3);

        using var dilated = image.Dilate(kernelSize: 3);

        var pixels = dilated.ToPixels();
        for (var y = 0; y < 7; y++)
        {
            for (var x = 0; x < 7; x++)
            {
                var inside = x is >= 2 and <= 4 && y is >= 2 and <= 4;
                Assert.Equal(inside ? 255 : 0, pixels.At(7, x, y));
            }
        }
    }

    [Fact]
    public void Dilate_TwoIterations_GrowsTwice()
    {
        using var image = TestImages.SinglePixel(size: 7, x: 3, y: 3);

        using var dilated = image.Dilate(kernelSize: 3, iterations: 2);

        Assert.Equal(25, dilated.ToPixels().Count(p => p == 255));
    }

    [Fact]
    public void Erode_SingleWhitePixel_Disappears()
    {
        using var image = TestImages.SinglePixel(size: 7, x: 3, y: 3);

        using var eroded = image.Erode(kernelSize: 3);

        Assert.All(eroded.ToPixels(), p => Assert.Equal(0, p));
    }

    [Fact]
    public void Erode_SingleBlackPixelOnWhite_GrowsToTheKernelSquare()
    {
        using var image = TestImages.SinglePixel(size: 7, x: 3, y: 3, background: 255, value: 0);

        using var eroded = image.Erode(kernelSize: 3);

        Assert.Equal(9, eroded.ToPixels().Count(p => p == 0));
        Assert.Equal(0, eroded.ToPixels().At(7, 2, 4));
    }

    [Fact]
    public void GaussianBlur_SpreadsASinglePixelSymmetrically()
    {
        using var image = TestImages.SinglePixel(size: 7, x: 3, y: 3);

        using var blurred = image.GaussianBlur(kernelSize: 5, sigma: 1.0);

        var pixels = blurred.ToPixels();
        Assert.True(pixels.At(7, 3, 3) < 255);
        Assert.True(pixels.At(7, 2, 3) > 0);
        Assert.Equal(pixels.At(7, 2, 3), pixels.At(7, 4, 3));
        Assert.Equal(pixels.At(7, 3, 2), pixels.At(7, 3, 4));
        Assert.Equal(0, pixels.At(7, 0, 0));
    }

    [Fact]
    public void GaussianBlur_EvenKernel_ThrowsArgumentOutOfRange()
    {
        using var image = Image.Create(4, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => image.GaussianBlur(kernelSize: 4, sigma: 1.0));
    }

    [Fact]
    public void Operations_ReturnNewImages_LeavingTheSourceUnchanged()
    {
        using var image = TestImages.Gradient(8, 8);
        var before = image.ToPixels();

        using (image.Resize(4, 4, Interpolation.Area))
        using (image.Threshold(100, 255, ThresholdType.Binary))
        using (image.Dilate(3))
        using (image.GaussianBlur(3, 0))
        using (image.WarpAffine(AffineMatrix.Rotation(4, 4, 30), 8, 8))
        {
            Assert.Equal(before, image.ToPixels());
        }
    }
}
