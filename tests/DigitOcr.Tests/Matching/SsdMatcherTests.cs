using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Matching;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Matching;

public class SsdMatcherTests
{
    // Priors in centre form on a 100 x 100 image: a good fit, a half-overlapping one, a faint one, a far one.
    private static readonly float[] PriorRows =
    [
        0.25f, 0.25f, 0.2f, 0.2f,
        0.35f, 0.25f, 0.2f, 0.2f,
        0.40f, 0.25f, 0.2f, 0.2f,
        0.80f, 0.80f, 0.2f, 0.2f,
    ];

    private readonly SsdMatcher matcher = new(new MatcherOptions(), new BoxCoder());

    [Fact]
    public void Match_PositiveNeutralAndBackgroundByIoU()
    {
        using var scope = torch.NewDisposeScope();
        var labels = Match([new(new Box(15, 15, 35, 35), 4)]);
        // IoUs with the box: 1.0, 1/3, 0.143, 0 -> positive (class 5), neutral, neutral, background.
        Assert.Equal(new long[] { 5, SsdMatcher.NeutralLabel, SsdMatcher.NeutralLabel, 0 }, labels);
    }

    [Fact]
    public void Match_EveryGroundTruthGetsItsBestPrior_EvenBelowThreshold()
    {
        using var scope = torch.NewDisposeScope();
        // A small box far from every prior's size: its best prior (the far one, IoU ~0.04) is still its positive.
        var labels = Match([new(new Box(78, 78, 82, 82), 9)]);
        Assert.Equal(10, labels[3]);
        Assert.Equal(0, labels[0]);
    }

    [Fact]
    public void Match_NeutralPriorsAreNeverBackground()
    {
        using var scope = torch.NewDisposeScope();
        var labels = Match([new(new Box(15, 15, 35, 35), 1)]);
        Assert.DoesNotContain(0L, labels[1..3]);
    }

    [Fact]
    public void Match_IgnoredGroundTruth_MakesNeutralsNotPositives()
    {
        using var scope = torch.NewDisposeScope();
        var labels = Match([new(new Box(15, 15, 35, 35), 2, Ignored: true)]);
        Assert.Equal(new long[] { SsdMatcher.NeutralLabel, SsdMatcher.NeutralLabel, SsdMatcher.NeutralLabel, 0 }, labels);
    }

    [Fact]
    public void Match_NoGroundTruth_IsAllBackgroundWithZeroOffsets()
    {
        using var scope = torch.NewDisposeScope();
        var priors = torch.tensor(PriorRows, [4, 4]);
        using var targets = matcher.Match([[]], priors, 100, 100);
        Assert.All(targets.Labels.data<long>(), l => Assert.Equal(0, l));
        Assert.All(targets.Locations.data<float>(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Match_EmptyBox_ThrowsNamingIt()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => Match([new(new Box(10, 10, 10, 30), 1)]));
        Assert.Contains("no area", error.Message);
    }

    private long[] Match(LabeledBox[] truths)
    {
        var priors = torch.tensor(PriorRows, [4, 4]);
        using var targets = matcher.Match([truths], priors, 100, 100);
        return targets.Labels.data<long>();
    }
}
