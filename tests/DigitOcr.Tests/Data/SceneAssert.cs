using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Scenes;

namespace DigitOcr.Tests.Data;

/// <summary>The ground-truth invariants every transform and preset must keep, checked independently of the code under test.</summary>
internal static class SceneAssert
{
    /// <summary>
    /// Coverage may differ by this much between a picture and a mask warped by the same matrix from different
    /// origins: OpenCV quantises interpolation weights to 1/32, so one step is 255/32 levels.
    /// </summary>
    private const int WarpTolerance = 8;

    /// <summary>
    /// Every digit's box (from <see cref="Scene.GroundTruth"/>) is the tight box of its own visible ink, found here
    /// by scanning every picture pixel; lies inside the picture; is ignored exactly when less than
    /// <paramref name="keepVisibleFraction"/> of the ink is visible.
    /// </summary>
    public static void BoxesAreTightAndInside(Scene scene, double keepVisibleFraction)
    {
        var (boxes, patches) = scene.GroundTruth(keepVisibleFraction);
        var expected = new List<LabeledBox>();
        foreach (var digit in scene.Digits)
        {
            int x1 = int.MaxValue, y1 = int.MaxValue, x2 = -1, y2 = -1, visible = 0;
            for (var y = 0; y < scene.Height; y++)
            {
                for (var x = 0; x < scene.Width; x++)
                {
                    if (digit.Ink.At(x, y) >= InkMask.InkLevel)
                    {
                        visible++;
                        (x1, y1, x2, y2) = (Math.Min(x1, x), Math.Min(y1, y), Math.Max(x2, x), Math.Max(y2, y));
                    }
                }
            }

            if (visible > 0)
            {
                expected.Add(new LabeledBox(new Box(x1, y1, x2 + 1, y2 + 1), digit.Digit, visible < keepVisibleFraction * digit.Ink.InkCount, digit.Number));
            }
        }

        Assert.Equal(expected, boxes);
        foreach (var box in boxes.Concat(patches))
        {
            Assert.InRange(box.Box.X1, 0, scene.Width);
            Assert.InRange(box.Box.X2, box.Box.X1, scene.Width);
            Assert.InRange(box.Box.Y1, 0, scene.Height);
            Assert.InRange(box.Box.Y2, box.Box.Y1, scene.Height);
            Assert.False(box.Box.IsEmpty, $"empty box {box}");
            Assert.InRange(box.Digit, 0, 9);
        }
    }

    /// <summary>
    /// In the ink stage the picture holds every digit's ink (or only the digits numbered in <paramref name="only"/>):
    /// no mask pixel is darker in the picture than in the mask.
    /// </summary>
    public static void PictureHoldsEveryMask(Scene scene, IReadOnlyCollection<int>? only = null)
    {
        Assert.Equal(SceneStage.Ink, scene.Stage);
        var pixels = scene.Image.ToPixels();
        foreach (var digit in scene.Digits.Where((_, i) => only is null || only.Contains(i)))
        {
            var region = digit.Ink.Extent.Intersect(scene.Bounds);
            for (var y = region.Y; y < region.Bottom; y++)
            {
                for (var x = region.X; x < region.Right; x++)
                {
                    var ink = digit.Ink.At(x, y);
                    var drawn = pixels[(y * scene.Width) + x];
                    Assert.True(drawn + WarpTolerance >= ink, $"digit {digit.Digit} has coverage {ink} at ({x}, {y}) but the picture only {drawn}");
                }
            }
        }
    }

    /// <summary>Same bytes and the same ground truth.</summary>
    public static void Identical(Sample expected, Sample actual)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        Assert.Equal(expected.Image.ToPixels(), actual.Image.ToPixels());
        Assert.Equal(expected.Boxes, actual.Boxes);
        Assert.Equal(expected.PatchBoxes, actual.PatchBoxes);
        Assert.Equal(expected.Applied, actual.Applied);
    }
}
