using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Distributed;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Tests.Torch.Distributed;

public sealed class GradientBucketsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public void Buckets_HoldAboutTheirSize_LastParameterFirst()
    {
        var grads = LocalRanks.Run(1, Timeout, group =>
        {
            using var scope = torch.NewDisposeScope();
            var parameters = new[] { 3L, 5, 2, 7 }.Select(n => new Parameter(torch.zeros([n]))).ToList();
            var buckets = new GradientBuckets(group, parameters, bucketBytes: 8 * sizeof(float));
            var sizes = buckets.Buckets.Select(b => b.Select(p => p.numel()).ToArray()).ToList();
            parameters.ForEach(p => p.Dispose());
            return sizes;
        });

        Assert.Equal([[7L], [2L, 5L], [3L]], grads[0]);
    }

    [Fact]
    public void Average_GivesEveryGradientItsMeanOverTheRanks_AcrossSeveralBuckets()
    {
        var results = LocalRanks.Run(2, Timeout, group =>
        {
            using var scope = torch.NewDisposeScope();
            using var a = new Parameter(torch.zeros([2, 3]));
            using var b = new Parameter(torch.zeros([4]));
            using var c = new Parameter(torch.zeros([1, 2, 2, 1]).contiguous(MemoryFormat.ChannelsLast));
            // Rank r's gradients: (r + 1) * d(sum of w * k)/dw = (r + 1) * k, different per element and per rank.
            var loss = ((a * torch.arange(0.0, 6.0, 1.0).view(2, 3)).sum() + (b * 10.0).sum() + (c * -1.0).sum()) * (group.rank + 1.0);
            loss.backward();
            new GradientBuckets(group, [a, b, c], bucketBytes: 4 * sizeof(float)).Average();
            return (a.grad!.data<float>(), b.grad!.data<float>(), c.grad!.data<float>());
        });

        // The mean of 1x and 2x is 1.5x, on both ranks.
        Assert.All(results, r =>
        {
            Assert.Equal([0f, 1.5f, 3f, 4.5f, 6f, 7.5f], r.Item1);
            Assert.Equal([15f, 15f, 15f, 15f], r.Item2);
            Assert.Equal([-1.5f, -1.5f, -1.5f, -1.5f], r.Item3);
        });
    }

    [Fact]
    public void Average_WhenAParameterHasNoGradient_SaysEveryParameterMustTakePart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalRanks.Run(1, Timeout, group =>
        {
            using var unused = new Parameter(torch.zeros([3]));
            new GradientBuckets(group, [unused]).Average();
            return 0;
        }));

        Assert.Contains("has no gradient", error.Message);
    }

    [Fact]
    public void ModuleState_Broadcast_GivesEveryRankRankZerosParametersAndBuffers()
    {
        var states = LocalRanks.Run(2, Timeout, group =>
        {
            using var scope = torch.NewDisposeScope();
            torch.manual_seed(100 + group.rank);
            using var model = new BatchNorm2d(3);
            foreach (var (_, p) in model.named_parameters())
            {
                using var noGrad = torch.no_grad();
                p.normal_();
            }

            foreach (var (_, buffer) in model.named_buffers())
            {
                buffer.fill_(group.rank + 1);
            }

            ModuleState.Broadcast(group, model);
            return model.named_parameters().Select(p => p.Parameter).Concat(model.named_buffers().Select(b => b.Buffer))
                .SelectMany(t => t.to(ScalarType.Float64).data<double>()).ToArray();
        });

        Assert.Equal(states[0], states[1]);
        Assert.Contains(1.0, states[1]);
    }
}
