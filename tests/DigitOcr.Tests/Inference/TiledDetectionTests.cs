using DigitOcr.Inference;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Inference;

/// <summary>The shipped model on the sample page cut into tiles narrower than its numbers: the seams must not show.</summary>
public class TiledDetectionTests
{
    private static readonly string Page = Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    [Fact]
    public void SamplePage_In320PxTiles_ReadsTheSameDigitsAndNumbersAsInOnePiece()
    {
        // 760 px wide in 320 px tiles: four tiles starting at 0, 147, 293 and 440, so most of the 40 px digits lie
        // in two tiles and several are cut by one.
        using var whole = DigitDetector.Load(options: new DetectorOptions { PyramidLevels = 1 });
        using var tiled = DigitDetector.Load(options: new DetectorOptions { PyramidLevels = 1, TileSize = 320 });

        var expected = whole.Detect(Page).Digits;
        var actual = tiled.Detect(Page).Digits;

        Assert.Equal(20, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var e in expected)
        {
            var a = actual.MaxBy(x => x.Box.IoU(e.Box))!;
            // The owning tile sees the digit whole but less of its surroundings than the whole page shows, which moves
            // a box edge by a few pixels at most: a fifth of the digit's height (8 px of these 40 px digits). Not IoU:
            // a "1" is a third as wide as it is tall, so the same few pixels cost it three times the IoU.
            var slack = 0.2 * e.Box.Height;
            var edges = new[] { a.Box.X1 - e.Box.X1, a.Box.Y1 - e.Box.Y1, a.Box.X2 - e.Box.X2, a.Box.Y2 - e.Box.Y2 };
            Assert.True(a.Digit == e.Digit && edges.All(d => Math.Abs(d) <= slack), $"digit {e.Digit} at {e.Box}: tiled {a.Digit} at {a.Box}");
        }

        var reader = new NumberReader();
        Assert.Equal(reader.Read(expected).Select(n => n.Text), reader.Read(actual).Select(n => n.Text));
    }
}
