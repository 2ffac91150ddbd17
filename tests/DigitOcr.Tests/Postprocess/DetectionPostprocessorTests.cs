using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Postprocess;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Postprocess;

public class DetectionPostprocessorTests
{
    [Theory]
    [InlineData(224, 224, 100, 200)]
    [InlineData(100, 120, 100, 200)]
    [InlineData(448, 448, 400, 800)]
    [InlineData(768, 1024, 1568, 3135)] // 786,432 / 50,176 = 15.67 times the reference's canvas, rounded up
    public void Caps_HoldPerReferenceCanvas_AndNeverShrink(int height, int width, int topK, int max)
    {
        Assert.Equal((topK, max), new PostprocessOptions().CapsFor(height, width));
    }

    [Theory]
    [InlineData(224, 2)]
    [InlineData(448, 8)] // four times the area: four times the caps
    public void Process_KeepsTopKPerClass_ScaledByInputArea(int side, int expected)
    {
        var options = new PostprocessOptions { TopKPerClass = 2, MaxDetections = 100 };
        Assert.Equal(expected, Run(options, side, digits: 10).Count);
    }

    [Theory]
    [InlineData(224, 3)]
    [InlineData(448, 10)] // the cap of 12 is above the 10 digits present
    public void Process_StopsAtMaxDetections_ScaledByInputArea(int side, int expected)
    {
        var options = new PostprocessOptions { TopKPerClass = 100, MaxDetections = 3 };
        var detections = Run(options, side, digits: 10);
        Assert.Equal(expected, detections.Count);
        Assert.Equal(detections.OrderByDescending(d => d.Score).Select(d => d.Score), detections.Select(d => d.Score));
    }

    [Fact]
    public void PossibleRows_ByOnePassOverCpuMemory_AreTheRowsTheTensorOpsFind()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        // Background mostly ahead by 0-8, so that about a fifth of the rows come within the bound of -4.5.
        var logits = torch.randn([2, 5000, 11]);
        logits.select(2, 0).add_(torch.rand([2, 5000]).mul(8.0));

        var byTensors = DetectionPostprocessor.PossibleRows(logits, -4.5);
        for (var b = 0; b < 2; b++)
        {
            var expected = byTensors.select(0, b).nonzero().squeeze(1).data<long>();
            var actual = DetectionPostprocessor.PossibleRows(logits, b, -4.5).data<long>();

            Assert.InRange(expected.Length, 100, 4900);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Presence_OffersADigitThatNarrowlyLosesToBackground_ScoredByItsOwnProbability_WhereArgMaxDropsIt()
    {
        using var scope = torch.NewDisposeScope();
        // One prior: background 0.55, digit 3 0.30, digit 8 0.15 (logits are their logs).
        var logits = Enumerable.Repeat(-30f, 11).ToArray();
        (logits[0], logits[4], logits[9]) = (MathF.Log(0.55f), MathF.Log(0.30f), MathF.Log(0.15f));
        var conf = torch.tensor(logits, [1, 1, 11]);
        var priors = torch.tensor(new[] { 0.5f, 0.5f, 0.2f, 0.2f }, [1, 4]);
        var loc = torch.zeros([1, 1, 4]);

        Assert.Empty(new DetectionPostprocessor(new PostprocessOptions(), new BoxCoder()).Process(loc, conf, priors, 100, 100)[0]);
        var offered = Assert.Single(new DetectionPostprocessor(new PostprocessOptions(), new BoxCoder(), CandidateRule.Presence).Process(loc, conf, priors, 100, 100)[0]);
        Assert.Equal(3, offered.Digit);
        Assert.Equal(0.30f, offered.Score, 4);
        Assert.True(offered.Box.IoU(new Box(40, 40, 60, 60)) > 0.999, $"box {offered.Box}");
    }

    [Fact]
    public void Presence_DropsAPrior_WhoseDigitsTogetherStayBelowTheThreshold()
    {
        using var scope = torch.NewDisposeScope();
        // Background 0.95: the digits together hold 0.05, under the 0.1 threshold.
        var logits = Enumerable.Repeat(-30f, 11).ToArray();
        (logits[0], logits[4]) = (MathF.Log(0.95f), MathF.Log(0.05f));
        var detections = new DetectionPostprocessor(new PostprocessOptions(), new BoxCoder(), CandidateRule.Presence)
            .Process(torch.zeros([1, 1, 4]), torch.tensor(logits, [1, 1, 11]), torch.tensor(new[] { 0.5f, 0.5f, 0.2f, 0.2f }, [1, 4]), 100, 100)[0];

        Assert.Empty(detections);
    }

    [Theory]
    [InlineData(0.1005, true)]
    [InlineData(0.0995, false)]
    public void Presence_DecidesAtTheThreshold_WhenTheTenDigitsShareTheMassEvenly(double digitMass, bool kept)
    {
        using var scope = torch.NewDisposeScope();
        // Ten equal digits are where the logit bound that skips plain background is tight: the exact rule decides.
        var logits = Enumerable.Repeat((float)Math.Log(digitMass / 10), 11).ToArray();
        logits[0] = (float)Math.Log(1 - digitMass);
        var detections = new DetectionPostprocessor(new PostprocessOptions(), new BoxCoder(), CandidateRule.Presence)
            .Process(torch.zeros([1, 1, 4]), torch.tensor(logits, [1, 1, 11]), torch.tensor(new[] { 0.5f, 0.5f, 0.2f, 0.2f }, [1, 4]), 100, 100)[0];

        Assert.Equal(kept, detections.Count == 1);
    }

    [Fact]
    public void Process_KeepsEveryCandidateOfTheFullSoftmax_OnManyRandomPriors()
    {
        using var scope = torch.NewDisposeScope();
        // 4,000 priors far apart (no NMS between them), background's logit 4 higher on average than a digit's, so that
        // many sit near both rules' edges.
        const int count = 4000;
        var random = new Random(5);
        var logits = Enumerable.Range(0, count * 11).Select(k => (float)((random.NextDouble() * 8) - (k % 11 == 0 ? 0 : 4))).ToArray();
        var priors = Enumerable.Range(0, count).SelectMany(i => new[] { ((i % 100) + 0.5f) / 100, ((i / 100) + 0.5f) / 40, 0.001f, 0.001f }).ToArray();
        var options = new PostprocessOptions { TopKPerClass = count, MaxDetections = count, ScoreThreshold = 0.2 };
        foreach (var rule in new[] { CandidateRule.ArgMax, CandidateRule.Presence })
        {
            var expected = Enumerable.Range(0, count).Count(i =>
            {
                var row = logits.AsSpan(i * 11, 11).ToArray().Select(l => Math.Exp(l)).ToArray();
                var p = row.Select(e => e / row.Sum()).ToArray();
                return rule == CandidateRule.Presence ? 1 - p[0] >= 0.2 : p.Skip(1).Max() > p[0] && p.Skip(1).Max() >= 0.2;
            });
            var detections = new DetectionPostprocessor(options, new BoxCoder(), rule)
                .Process(torch.zeros([1, count, 4]), torch.tensor(logits, [1, count, 11]), torch.tensor(priors, [count, 4]), 224, 224)[0];

            Assert.InRange(expected, 100, count - 100);
            Assert.Equal(expected, detections.Count);
        }
    }

    /// <summary>
    /// <paramref name="digits"/> priors in a row that do not overlap, each confident of digit 3 (scores falling along
    /// the row), with zero offsets so the boxes are the priors.
    /// </summary>
    private static IReadOnlyList<Detection> Run(PostprocessOptions options, int side, int digits)
    {
        using var scope = torch.NewDisposeScope();
        var priors = new float[digits * 4];
        var logits = new float[digits * 11];
        for (var i = 0; i < digits; i++)
        {
            priors[4 * i] = 0.05f + (0.1f * i);
            priors[(4 * i) + 1] = 0.5f;
            priors[(4 * i) + 2] = 0.05f;
            priors[(4 * i) + 3] = 0.05f;
            logits[(11 * i) + 4] = 10f - (0.1f * i);
        }

        var loc = torch.zeros([1, digits, 4]);
        var conf = torch.tensor(logits, [1, digits, 11]);
        return new DetectionPostprocessor(options, new BoxCoder()).Process(loc, conf, torch.tensor(priors, [digits, 4]), side, side)[0];
    }
}
