using DigitOcr.Boxes;
using DigitOcr.Postprocess;
using DigitOcr.Recognition;

namespace DigitOcr.Tests.Recognition;

public class RecognitionFusionTests
{
    private static readonly Detection Three = new(3, 0.9f, new Box(10, 10, 30, 50));

    private static float[] Probabilities(float junk, params (int Digit, float P)[] digits)
    {
        var p = new float[11];
        p[10] = junk;
        foreach (var (digit, value) in digits)
        {
            p[digit] = value;
        }

        return p;
    }

    [Fact]
    public void Fuse_DropsABox_TheRecognizerCallsNotADigit()
    {
        // presence = sqrt(0.9 * 0.05) = 0.21, below 0.3.
        Assert.Null(RecognitionFusion.Fuse(Three, Probabilities(0.95f, (3, 0.05f)), new FusionOptions()));
    }

    [Fact]
    public void Fuse_KeepsADigit_TheDetectorIsSureOf_ThoughTheRecognizerDoubtsItsCrop()
    {
        var fused = RecognitionFusion.Fuse(Three with { Score = 0.98f }, Probabilities(0.7f, (3, 0.3f)), new FusionOptions())!.Value;

        // presence = sqrt(0.98 * 0.3) = 0.5422; r(3) = 0.3 / 0.3 = 1.
        Assert.Equal(3, fused.Digit);
        Assert.Equal(0.5422, fused.Score, 4);
    }

    [Theory]
    [InlineData(0.81f, true)] // presence sqrt(0.5 * 0.19) = 0.308
    [InlineData(0.83f, false)] // presence sqrt(0.5 * 0.17) = 0.292
    public void Fuse_KeepsABox_OnlyWhenItsPresenceReachesTheFloor(float junk, bool kept)
    {
        var fused = RecognitionFusion.Fuse(Three with { Score = 0.5f }, Probabilities(junk, (3, 1 - junk)), new FusionOptions());

        Assert.Equal(kept, fused is not null);
    }

    [Fact]
    public void Fuse_CorrectsADigit_WhoseRecognizerReadingWins_AndKeepsTheDetectorsAsAnAlternative()
    {
        var fused = RecognitionFusion.Fuse(Three, Probabilities(0.05f, (5, 0.8f), (3, 0.15f)), new FusionOptions())!.Value;

        // presence = sqrt(0.9 * 0.95); r(5) = 0.8 / 0.95, r(3) = 0.15 / 0.95.
        var presence = Math.Sqrt(0.9 * 0.95);
        Assert.Equal(5, fused.Digit);
        Assert.Equal(presence * 0.8 / 0.95, fused.Score, 1e-5);
        Assert.Equal(Three.Box, fused.Box);
        var alternative = Assert.Single(fused.Alternatives);
        Assert.Equal(3, alternative.Digit);
        Assert.Equal(presence * 0.15 / 0.95, alternative.Score, 1e-5);
    }

    [Fact]
    public void Fuse_KeepsAlternatives_BestFirst_AboveTheFloor_AtMostTheLimit()
    {
        var p = Probabilities(0f, (1, 0.5f), (7, 0.3f), (4, 0.12f), (9, 0.075f), (2, 0.005f));
        var fused = RecognitionFusion.Fuse(Three with { Score = 1f }, p, new FusionOptions { MaxAlternatives = 2 })!.Value;

        Assert.Equal(1, fused.Digit);
        Assert.Equal([7, 4], fused.Alternatives.Select(a => a.Digit));
        var all = RecognitionFusion.Fuse(Three with { Score = 1f }, p, new FusionOptions { MaxAlternatives = 9 })!.Value;
        Assert.Equal([7, 4, 9], all.Alternatives.Select(a => a.Digit)); // 2 scores 0.005 < 0.01
    }

    [Fact]
    public void Fuse_RejectsAWrongNumberOfProbabilities()
    {
        Assert.Throws<ArgumentException>(() => RecognitionFusion.Fuse(Three, new float[10], new FusionOptions()));
    }

    [Fact]
    public void Detections_WithEqualAlternatives_AreEqual()
    {
        var a = Three with { Alternatives = [new DigitAlternative(8, 0.1f)] };
        var b = Three with { Alternatives = [new DigitAlternative(8, 0.1f)] };
        Assert.Equal(a, b);
        Assert.NotEqual(a, Three with { Alternatives = [new DigitAlternative(5, 0.1f)] });
        Assert.NotEqual(a, Three);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Options_SecondOpinionOutsideZeroToOne_IsNamedWithItsValue(double value)
    {
        var problems = new FusionOptions { SecondOpinionBelow = value }.Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.StartsWith("fusion.secondOpinionBelow must be in [0, 1], got ", problem);
    }
}
