using DigitOcr.Boxes;
using DigitOcr.Inference.Passes;
using DigitOcr.Postprocess;

namespace DigitOcr.Tests.Inference.Passes;

/// <summary>Regions of small writing on a 1000 x 600 image, small meaning under 24 px, read from a score of 0.3.</summary>
public class RereadRegionsTests
{
    private const int Width = 1000;
    private const int Height = 600;
    private const double Below = 24;
    private const double MinScore = 0.3;

    [Fact]
    public void ANumberOfSmallDigits_IsOneRegion_ReachingOneDigitHeightBeyondItsEnds_AndHalfAHeightAboveAndBelow()
    {
        // Three 20 px digits 12 px wide with 4 px between them: each claims 20 px to each side, so the claims overlap.
        var digits = new[] { D(0.9f, 100, 200, 112, 220), D(0.9f, 116, 200, 128, 220), D(0.9f, 132, 200, 144, 220) };

        var region = Assert.Single(RereadRegions.Find(digits, Width, Height, Below, MinScore));

        Assert.Equal(new Box(80, 190, 164, 230), region.Area);
        // The network sees half a digit height (10 px) more on every side.
        Assert.Equal(new Box(70, 180, 174, 240), region.Crop);
    }

    [Fact]
    public void TwoNumbersFarApart_AreTwoRegions()
    {
        var digits = new[] { D(0.9f, 100, 200, 112, 220), D(0.9f, 600, 400, 612, 420) };

        var regions = RereadRegions.Find(digits, Width, Height, Below, MinScore);

        Assert.Equal(2, regions.Count);
    }

    [Fact]
    public void DigitsAtOrAboveTheBound_OrScoringBelowTheReadersFloor_MakeNoRegion()
    {
        var digits = new[] { D(0.9f, 100, 200, 120, 224), D(0.29f, 600, 400, 612, 420) };

        Assert.Empty(RereadRegions.Find(digits, Width, Height, Below, MinScore));
    }

    [Fact]
    public void ARegionAtTheImagesEdge_IsClippedToTheImage()
    {
        var digits = new[] { D(0.9f, 2, 585, 14, 599) };

        var region = Assert.Single(RereadRegions.Find(digits, Width, Height, Below, MinScore));

        Assert.Equal(new Box(0, 578, 28, 600), region.Area);
        Assert.Equal(new Box(0, 571, 35, 600), region.Crop);
    }

    [Fact]
    public void ARegion_HoldsTheDetectionsCentredInItsArea_NotThoseOnlyInItsContext()
    {
        var region = new RereadRegion(new Box(80, 190, 164, 230), new Box(70, 180, 174, 240));

        Assert.True(region.Holds(D(0.5f, 150, 200, 162, 220)));
        Assert.False(region.Holds(D(0.5f, 160, 200, 172, 220)));
    }

    private static Detection D(float score, float x1, float y1, float x2, float y2) => new(3, score, new Box(x1, y1, x2, y2));
}
