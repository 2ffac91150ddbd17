using DigitOcr.Boxes;
using DigitOcr.Inference.Passes;
using DigitOcr.Postprocess;

namespace DigitOcr.Tests.Inference.Passes;

/// <summary>Two tiles side by side: the left reads x 0..1120, the right 960..2080; the seam between what they own is at x = 1040.</summary>
public class TileMergeTests
{
    private const double Nms = 0.1;

    private static readonly IReadOnlyList<PassTile> Tiles = TileGrid.Tiles(2080, 600, 1280, 160, 32);

    [Fact]
    public void TheGrid_IsTheOneDescribed()
    {
        Assert.Equal([(0, 1120), (960, 1120)], Tiles.Select(t => (t.X, t.Width)));
        Assert.Equal(1040, Tiles[0].OwnX2);
    }

    [Fact]
    public void ADigitCutByTheLeftTilesEdge_IsKeptOnce_AsTheRightTileSawItWhole()
    {
        // A 40 px digit at x 1100..1140 (pass pixels): the left tile ends at 1120 and saw its left half, even with a
        // better score; the right tile saw it whole at 140..180 of its own pixels.
        var left = new[] { D(1, 0.95f, 1100, 100, 1120, 160) };
        var right = new[] { D(7, 0.9f, 140, 100, 180, 160) };

        var merged = TileMerge.Merge(Tiles, [left, right], Nms);

        var digit = Assert.Single(merged);
        Assert.Equal((7, new Box(1100, 100, 1140, 160)), (digit.Digit, digit.Box));
    }

    [Fact]
    public void ADigitCentredOnTheSeam_SeenWholeByBothTiles_IsKeptOnce_WithTheBetterScore()
    {
        // Both tiles see it whole; their boxes differ by a pixel, so one centre falls on each side of 1040.
        var left = new[] { D(4, 0.8f, 1019, 100, 1060, 160) };
        var right = new[] { D(4, 0.9f, 1021 - 960, 100, 1062 - 960, 160) };

        var merged = TileMerge.Merge(Tiles, [left, right], Nms);

        Assert.Equal(0.9f, Assert.Single(merged).Score);
    }

    [Fact]
    public void NeighbouringDigitsAcrossTheSeam_AreAllKept()
    {
        // "12" written across the seam: the 1 owned by the left tile, the 2 by the right; each tile also saw the other.
        var left = new[] { D(1, 0.9f, 1000, 100, 1030, 160), D(2, 0.85f, 1045, 100, 1080, 160) };
        var right = new[] { D(1, 0.7f, 40, 100, 70, 160), D(2, 0.95f, 85, 100, 120, 160) };

        var merged = TileMerge.Merge(Tiles, [left, right], Nms);

        Assert.Equal([2, 1], merged.Select(d => d.Digit));
        Assert.Equal([0.95f, 0.9f], merged.Select(d => d.Score));
    }

    [Fact]
    public void OneTile_GivesItsDetectionsUnchanged()
    {
        var only = new[] { D(3, 0.4f, 0, 0, 10, 10), D(4, 0.9f, 2, 2, 8, 8) };
        var single = TileGrid.Tiles(500, 400, 1280, 160, 32);

        Assert.Equal(only, TileMerge.Merge(single, [only], Nms));
    }

    private static Detection D(int digit, float score, float x1, float y1, float x2, float y2) => new(digit, score, new Box(x1, y1, x2, y2));
}
