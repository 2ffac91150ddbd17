using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Tests.Data;

public class GeometryTests
{
    [Fact]
    public void Homography_FromPoints_MapsEachCornerToItsTarget()
    {
        double[] from = [0, 0, 99, 0, 99, 49, 0, 49];
        double[] to = [3, -2, 101, 4, 95, 52, -4, 47];

        var h = Homography.FromPoints(from, to);

        for (var i = 0; i < 4; i++)
        {
            var (x, y) = h.Transform(from[2 * i], from[(2 * i) + 1]);
            Assert.Equal(to[2 * i], x, 9);
            Assert.Equal(to[(2 * i) + 1], y, 9);
        }

        Assert.False(h.IsAffine);
    }

    [Fact]
    public void Homography_Multiply_AppliesTheRightOperandFirst()
    {
        var shift = Homography.Translation(10, 0);
        var scale = Homography.FromAffine(AffineMatrix.Scaling(2, 2));

        Assert.Equal((22.0, 2.0), (scale * shift).Transform(1, 1));
        Assert.Equal((12.0, 2.0), (shift * scale).Transform(1, 1));
    }

    [Fact]
    public void Quad_TransformedByAPixelShift_MovesByThatShift()
    {
        var quad = Quad.FromBox(new Box(2, 3, 10, 12));

        var moved = quad.Transform(Homography.Translation(5, -1));

        Assert.Equal(new Box(7, 2, 15, 11), moved.Bounds());
    }

    [Fact]
    public void InkMask_FromPixels_TrimsToCoverageAndKeepsFaintEdges()
    {
        var pixels = new byte[6 * 5];
        pixels[(1 * 6) + 2] = 10;     // faint: kept in the patch, not ink
        pixels[(2 * 6) + 3] = 200;    // ink
        pixels[(3 * 6) + 3] = 64;     // exactly the ink level: ink

        var mask = InkMask.FromPixels(pixels, 6, 5, x: 100, y: 50);

        Assert.Equal(new PixelRect(102, 51, 2, 3), mask.Extent);
        Assert.Equal(new PixelRect(103, 52, 1, 2), mask.InkBounds);
        Assert.Equal(2, mask.InkCount);
    }

    [Fact]
    public void InkMask_InkWithin_CountsAndBoundsOnlyTheVisiblePart()
    {
        var pixels = Enumerable.Repeat((byte)255, 4 * 4).ToArray();
        var mask = InkMask.FromPixels(pixels, 4, 4, x: -2, y: 1);

        var (count, bounds) = mask.InkWithin(new PixelRect(0, 0, 10, 10));

        Assert.Equal(8, count);
        Assert.Equal(new PixelRect(0, 1, 2, 4), bounds);
    }

    [Fact]
    public void InkMask_Warp_ByWholePixels_MovesTheInkExactly()
    {
        var pixels = new byte[5 * 5];
        pixels[12] = 255;
        var mask = InkMask.FromPixels(pixels, 5, 5, x: 10, y: 20);

        var moved = mask.Warp(Homography.Translation(3, -4));

        Assert.Equal(new PixelRect(15, 18, 1, 1), moved.InkBounds);
        Assert.Equal(1, moved.InkCount);
    }

    [Fact]
    public void InkMask_Map_WithPadding_LetsDilationGrowPastThePatch()
    {
        var mask = InkMask.FromPixels([255], 1, 1, x: 5, y: 5);

        var grown = mask.Map(p => p.Dilate(3, 2), padding: 2);

        Assert.Equal(new PixelRect(3, 3, 5, 5), grown.InkBounds);
    }

    [Fact]
    public void Scene_Warp_MovesPictureAndMaskTogether()
    {
        var pixels = new byte[40 * 30];
        for (var y = 10; y < 14; y++)
        {
            for (var x = 8; x < 20; x++)
            {
                pixels[(y * 40) + x] = 255;
            }
        }

        using var scene = new Scene(Image.FromPixels(pixels, 40, 30), [new SceneDigit(7, InkMask.FromPixels(pixels, 40, 30, 0, 0))]);

        scene.Warp(Homography.FromAffine(AffineMatrix.Rotation(20, 15, 17)), 40, 30);

        SceneAssert.PictureHoldsEveryMask(scene);
        SceneAssert.BoxesAreTightAndInside(scene, 0.7);
        Assert.Equal(7, scene.Digits.Single().Digit);
    }
}
