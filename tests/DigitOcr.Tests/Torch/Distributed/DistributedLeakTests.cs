using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Distributed;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Tests.Torch.Distributed;

/// <summary>Collectives and gradient averaging, step after step, leave no native tensor behind.</summary>
[Collection(LeakTestCollection.Name)]
public sealed class DistributedLeakTests
{
    [Fact]
    public void ManyAveragedSteps_LeaveNoHandles()
    {
        var counts = LocalRanks.Run(1, TimeSpan.FromSeconds(20), group =>
        {
            torch.manual_seed(5);
            using var net = new Sequential(new Conv2d(1, 4, 3, padding: 1), new BatchNorm2d(4), new ReLU());
            using var input = torch.randn([2, 1, 8, 8]);
            var buckets = new GradientBuckets(group, net.parameters(), bucketBytes: 64);

            // The collectives run outside any dispose scope: what they do not free themselves stays alive and is counted.
            void Step()
            {
                using (torch.NewDisposeScope())
                {
                    net.forward(input).sum().backward();
                }

                buckets.Average();
                using var flag = torch.ones([2]);
                group.all_reduce(flag);
                group.broadcast(flag);
            }

            Step();
            ModuleState.Broadcast(group, net);
            var before = torch.LiveTensorCount;
            for (var i = 0; i < 200; i++)
            {
                Step();
            }

            ModuleState.Broadcast(group, net);
            return (before, after: torch.LiveTensorCount);
        });

        Assert.Equal(counts[0].before, counts[0].after);
    }
}
