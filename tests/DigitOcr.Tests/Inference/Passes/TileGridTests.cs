using DigitOcr.Inference.Passes;

namespace DigitOcr.Tests.Inference.Passes;

public class TileGridTests
{
    private const int Overlap = 160;
    private const int Pad = 32;

    [Fact]
    public void AnAxisThatFits_IsOneTilePaddedToTheMultiple()
    {
        var span = Assert.Single(TileGrid.Split(1000, 1280, Overlap, Pad));

        Assert.Equal((0, 1000, 1024), (span.Start, span.Length, span.Padded));
        Assert.True(double.IsNegativeInfinity(span.Own1) && double.IsPositiveInfinity(span.Own2));
    }

    [Theory]
    [InlineData(1281, 1280)]
    [InlineData(3000, 1280)]
    [InlineData(4000, 1280)]
    [InlineData(6000, 1280)]
    [InlineData(5657, 2048)]
    [InlineData(700, 320)]
    public void ALongAxis_IsCutIntoEqualTilesWithinTheImage_OverlappingEnough_OwningEveryPixelOnce(int length, int tileSize)
    {
        var spans = TileGrid.Split(length, tileSize, Overlap, Pad);

        Assert.True(spans.Count >= 2);
        Assert.All(spans, s => Assert.True(s.Length <= tileSize && s.Length % Pad == 0 && s.Padded == s.Length, $"{s}"));
        Assert.Equal(0, spans[0].Start);
        Assert.Equal(length, spans[^1].Start + spans[^1].Length);
        for (var i = 0; i + 1 < spans.Count; i++)
        {
            var overlap = spans[i].Start + spans[i].Length - spans[i + 1].Start;
            Assert.True(overlap >= Overlap, $"tiles {i} and {i + 1} overlap by {overlap} px");
            // Owned regions meet halfway across the overlap.
            Assert.Equal(spans[i].Own2, spans[i + 1].Own1);
            Assert.Equal(spans[i + 1].Start + (overlap / 2.0), spans[i].Own2);
        }

        // Any digit up to the overlap long, wherever it lies, is whole in the tile that owns its centre.
        for (var start = 0; start + Overlap <= length; start += 7)
        {
            var centre = start + (Overlap / 2.0);
            var owner = Assert.Single(spans, s => centre >= s.Own1 && centre < s.Own2);
            Assert.True(start >= owner.Start && start + Overlap <= owner.Start + owner.Length, $"a digit at {start}..{start + Overlap} is cut by its owner {owner}");
        }
    }

    [Fact]
    public void Tiles_AreEveryRowAndColumnCombined()
    {
        var tiles = TileGrid.Tiles(3000, 1000, 1280, Overlap, Pad);

        Assert.Equal(3, tiles.Count);
        Assert.All(tiles, t => Assert.Equal((0, 1000, 1024), (t.Y, t.Height, t.PaddedHeight)));
        Assert.True(tiles[1].Owns(1500, 500));
        Assert.False(tiles[0].Owns(1500, 500));
    }
}
