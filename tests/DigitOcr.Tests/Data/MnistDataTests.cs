using DigitOcr.Data.Mnist;
using DigitOcr.Data.Scenes;

namespace DigitOcr.Tests.Data;

public class MnistDataTests
{
    [Fact]
    public void Mnist_TrainAndTest_HaveTheirPublishedSizes()
    {
        Assert.Equal((60_000, 28, 28), (TestGlyphs.Train.Count, TestGlyphs.Train.Rows, TestGlyphs.Train.Columns));
        Assert.Equal(10_000, TestGlyphs.Test.Count);
    }

    [Fact]
    public void Mnist_Labels_CoverEveryDigit()
    {
        var test = TestGlyphs.Test;
        var counts = new int[10];
        for (var i = 0; i < test.Count; i++)
        {
            counts[test.Label(i)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 800, 1_300));
    }

    [Fact]
    public void FashionMnist_LoadsFromTheDebianPackage()
    {
        var fashion = GlyphSetCache.FashionMnist(MnistSplit.Test);

        Assert.Equal((10_000, 28, 28), (fashion.Count, fashion.Rows, fashion.Columns));
    }

    [Fact]
    public void InkBounds_IsTheTightBoxOfPixelsAtInkLevel()
    {
        var test = TestGlyphs.Test;
        for (var i = 0; i < 50; i++)
        {
            var pixels = test.Pixels(i);
            int x1 = 28, y1 = 28, x2 = -1, y2 = -1;
            for (var p = 0; p < pixels.Length; p++)
            {
                if (pixels[p] >= InkMask.InkLevel)
                {
                    (x1, y1, x2, y2) = (Math.Min(x1, p % 28), Math.Min(y1, p / 28), Math.Max(x2, p % 28), Math.Max(y2, p / 28));
                }
            }

            Assert.Equal(new DigitOcr.Data.PixelRect(x1, y1, x2 - x1 + 1, y2 - y1 + 1), test.InkBounds(i));
        }
    }
}
