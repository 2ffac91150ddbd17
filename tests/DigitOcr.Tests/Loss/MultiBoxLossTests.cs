using DigitOcr.Config;
using DigitOcr.Loss;
using DigitOcr.Matching;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Loss;

public class MultiBoxLossTests
{
    private readonly MultiBoxLoss loss = new(new LossOptions());

    [Fact]
    public void Loss_WithNoGroundTruth_HasZeroLocalizationAndNoNegatives()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var loc = torch.randn([2, 20, 4]).requires_grad_();
        var conf = torch.randn([2, 20, 11]).requires_grad_();
        using var targets = new MatchedTargets(torch.randn([2, 20, 4]), torch.zeros([2, 20], ScalarType.Int64));
        using var result = loss.Compute(loc, conf, targets);
        Assert.Equal(0f, result.Localization.item<float>());
        Assert.Equal(0, result.Positives);
        Assert.Equal(0, result.Negatives);
        result.Total().backward();
        Assert.All(loc.grad!.data<float>(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Negatives_AreThreePerPositive_WhenEnoughBackground()
    {
        using var scope = torch.NewDisposeScope();
        var labels = new long[40];
        labels[0] = 3;
        labels[1] = 5;
        using var result = Compute(labels);
        Assert.Equal(2, result.Positives);
        Assert.Equal(6, result.Negatives);
    }

    [Fact]
    public void Negatives_AreCappedByAvailableBackground_AndNeutralsNeverCount()
    {
        using var scope = torch.NewDisposeScope();
        // 3 positives want 9 negatives, but of 10 priors 3 are positive and 4 neutral: only 3 background remain.
        long[] labels = [1, 2, 3, -1, -1, -1, -1, 0, 0, 0];
        using var result = Compute(labels);
        Assert.Equal(3, result.Negatives);
    }

    [Fact]
    public void HardNegatives_AreTheHighestScoringBackground()
    {
        using var scope = torch.NewDisposeScope();
        // One positive -> three negatives: the three background priors most confident in a digit.
        var conf = torch.zeros([1, 8, 11]);
        var confident = new[] { 2, 5, 7 };
        foreach (var p in confident)
        {
            conf.select(1, p).select(1, 4).fill_(5.0);
        }

        var labels = torch.tensor(new long[] { 1, 0, 0, 0, 0, 0, 0, 0 }, [1, 8]);
        using var targets = new MatchedTargets(torch.zeros([1, 8, 4]), labels);
        using var result = loss.Compute(torch.zeros([1, 8, 4]), conf, targets);
        // CE of those three (log(10 + e^5) - 0 each) plus the positive's (log(11)), over one positive.
        var expected = (3 * Math.Log(10 + Math.Exp(5))) + Math.Log(11);
        Assert.Equal(expected, result.Classification.item<float>(), 1e-4);
    }

    [Fact]
    public void Divisor_ReplacesThePositivesAsWhatBothSumsAreDividedBy()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var loc = torch.randn([2, 10, 4]);
        var conf = torch.randn([2, 10, 11]);
        using var targets = new MatchedTargets(torch.randn([2, 10, 4]), torch.tensor(new long[] { 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, [2, 10]));

        using var mean = loss.Compute(loc, conf, targets);
        using var sums = loss.Compute(loc, conf, targets, divisor: 1);
        using var other = loss.Compute(loc, conf, targets, divisor: 7.5);

        Assert.Equal(3, mean.Positives);
        Assert.Equal(mean.Localization.item<float>() * 3, sums.Localization.item<float>(), 1e-4);
        Assert.Equal(mean.Classification.item<float>() * 3, sums.Classification.item<float>(), 1e-4);
        Assert.Equal(sums.Classification.item<float>() / 7.5, other.Classification.item<float>(), 1e-4);
    }

    private LossBreakdown Compute(long[] labelRow)
    {
        torch.manual_seed(2);
        var n = labelRow.Length;
        var targets = new MatchedTargets(torch.zeros([1, n, 4]), torch.tensor(labelRow, [1, n]));
        return loss.Compute(torch.randn([1, n, 4]), torch.randn([1, n, 11]), targets);
    }
}
