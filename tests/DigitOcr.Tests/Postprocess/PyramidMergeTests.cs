using DigitOcr.Boxes;
using DigitOcr.Postprocess;

namespace DigitOcr.Tests.Postprocess;

public class PyramidMergeTests
{
    private const double Nms = 0.1;

    [Fact]
    public void OneLevel_GivesItsDetectionsUnchanged()
    {
        var only = new[] { D(3, 0.4f, 0, 0, 10, 10), D(4, 0.9f, 2, 2, 8, 8) };

        var merged = PyramidMerge.Merge([new PyramidLevel(1, only)], Nms, 200, minCoarseHeight: 40);

        Assert.Equal(only, merged);
    }

    [Fact]
    public void CoarsePass_ContributesOnlyDigitsTallEnoughAtItsOwnScale()
    {
        // 100 px tall in the original is 50 px at scale 1/2 (kept); 60 px is 30 px there (left to the full-size pass).
        var coarse = new[] { D(7, 0.9f, 0, 0, 60, 100), D(1, 0.9f, 200, 0, 230, 60) };

        var merged = PyramidMerge.Merge([new PyramidLevel(1, []), new PyramidLevel(0.5, coarse)], Nms, 200, minCoarseHeight: 40);

        Assert.Equal([7], merged.Select(d => d.Digit));
    }

    [Fact]
    public void TheSameDigitSeenAtTwoScales_IsKeptOnce_WithTheHigherScore()
    {
        var fine = new[] { D(5, 0.7f, 10, 10, 70, 110) };
        var coarse = new[] { D(5, 0.95f, 12, 8, 72, 112) };

        var merged = PyramidMerge.Merge([new PyramidLevel(1, fine), new PyramidLevel(0.5, coarse)], Nms, 200, minCoarseHeight: 40);

        Assert.Equal(0.95f, Assert.Single(merged).Score);
    }

    [Fact]
    public void AStrokeOfALargeDigit_SeenAsASmallDigitAtFullSize_GivesWayToTheLargeDigit()
    {
        // A 300 px "6" found at 1/4; at full size its loop alone looked like a 0.
        var fine = new[] { D(0, 0.8f, 40, 150, 160, 290) };
        var coarse = new[] { D(6, 0.93f, 20, 0, 180, 300) };

        var merged = PyramidMerge.Merge([new PyramidLevel(1, fine), new PyramidLevel(0.5, []), new PyramidLevel(0.25, coarse)], Nms, 200, minCoarseHeight: 40);

        Assert.Equal([6], merged.Select(d => d.Digit));
    }

    [Fact]
    public void ABlobSpanningSmallDigits_InACoarsePass_GivesWayToTheBetterScoredDigits()
    {
        var fine = new[] { D(1, 0.97f, 0, 0, 40, 90), D(2, 0.96f, 45, 0, 85, 90) };
        var coarse = new[] { D(4, 0.6f, 0, 0, 85, 92) };

        var merged = PyramidMerge.Merge([new PyramidLevel(1, fine), new PyramidLevel(0.5, coarse)], Nms, 200, minCoarseHeight: 40);

        Assert.Equal([1, 2], merged.Select(d => d.Digit));
    }

    [Fact]
    public void NestedBoxesOfTheSamePass_AreLeftToPlainNms()
    {
        // IoU 0.09 < 0.1: NMS keeps both; containment applies only across passes.
        var fine = new[] { D(8, 0.9f, 0, 0, 100, 100), D(3, 0.8f, 10, 10, 40, 40) };

        var merged = PyramidMerge.Merge([new PyramidLevel(1, fine), new PyramidLevel(0.5, [])], Nms, 200, minCoarseHeight: 40);

        Assert.Equal([8, 3], merged.Select(d => d.Digit));
    }

    [Fact]
    public void Merge_StopsAtMaxDetections_BestFirst()
    {
        var fine = Enumerable.Range(0, 5).Select(i => D(i, 0.5f + (0.1f * i), i * 50, 0, (i * 50) + 40, 60)).ToArray();

        var merged = PyramidMerge.Merge([new PyramidLevel(1, fine), new PyramidLevel(0.5, [])], Nms, 2, minCoarseHeight: 40);

        Assert.Equal([4, 3], merged.Select(d => d.Digit));
    }

    private static Detection D(int digit, float score, float x1, float y1, float x2, float y2) => new(digit, score, new Box(x1, y1, x2, y2));
}
