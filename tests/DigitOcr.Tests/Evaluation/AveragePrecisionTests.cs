using DigitOcr.Boxes;
using DigitOcr.Training.Metrics;
using DigitOcr.Postprocess;

namespace DigitOcr.Tests.Evaluation;

public class AveragePrecisionTests
{
    private static readonly Box A = new(0, 0, 10, 10);
    private static readonly Box B = new(20, 0, 30, 10);
    private static readonly Box Elsewhere = new(50, 50, 60, 60);

    [Fact]
    public void HitMissHit_GivesTheHandComputedEveryPointAp()
    {
        // Ranked: hit (P=1, R=.5), miss (P=.5), hit (P=2/3, R=1): AP = .5 * 1 + .5 * 2/3.
        var ap = new AveragePrecision();
        ap.Add([new(3, 0.9f, A), new(3, 0.8f, Elsewhere), new(3, 0.7f, B)], [new(A, 3), new(B, 3)]);
        var result = ap.Compute();
        Assert.Equal(0.5 + (0.5 * 2 / 3.0), result.PerClass[3], 1e-9);
        Assert.Equal(result.PerClass[3], result.Mean, 1e-9);
    }

    [Fact]
    public void Recall_CountsGroundTruthsFoundByTheirDigit_NotDuplicatesOrWrongDigits()
    {
        var ap = new AveragePrecision();
        // A found twice (once counted), B read as the wrong digit, C (digit 5, elsewhere) found.
        ap.Add([new(3, 0.9f, A), new(3, 0.8f, A), new(4, 0.7f, B), new(5, 0.6f, Elsewhere)], [new(A, 3), new(B, 3), new(Elsewhere, 5)]);

        var result = ap.Compute();

        Assert.Equal((2, 3), (result.Found, result.GroundTruths));
        Assert.Equal(2 / 3.0, result.Recall, 1e-9);
    }

    [Fact]
    public void DuplicateDetection_CountsAsFalsePositive()
    {
        var ap = new AveragePrecision();
        ap.Add([new(1, 0.9f, A), new(1, 0.8f, A)], [new(A, 1), new(B, 1)]);
        // Hit (R=.5, P=1), duplicate miss; B never found: AP = 0.5.
        Assert.Equal(0.5, ap.Compute().PerClass[1], 1e-9);
    }

    [Fact]
    public void WrongDigit_IsAMissForBothClasses()
    {
        var ap = new AveragePrecision();
        ap.Add([new Detection(7, 0.9f, A)], [new(A, 1)]);
        var result = ap.Compute();
        Assert.Equal(0, result.PerClass[1]);
        Assert.False(result.PerClass.ContainsKey(7));
    }

    [Fact]
    public void IgnoredTruth_IsNeitherHitNorMiss()
    {
        var ap = new AveragePrecision();
        ap.Add([new(2, 0.95f, B), new(2, 0.9f, A)], [new(A, 2), new(B, 2, Ignored: true)]);
        Assert.Equal(1.0, ap.Compute().PerClass[2], 1e-9);
    }

    [Fact]
    public void IoUBelowThreshold_IsAMiss()
    {
        var ap = new AveragePrecision(0.5);
        // IoU of [0,10]x[0,10] and [5,15]x[0,10] is 50/150 = 1/3.
        ap.Add([new(4, 0.9f, new Box(5, 0, 15, 10))], [new(A, 4)]);
        Assert.Equal(0, ap.Compute().PerClass[4]);
    }
}
