using System.Diagnostics;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Distributed;

namespace DigitOcr.Tests.Torch.Distributed;

/// <summary>The c10d binding on two ranks in this process (threads), over loopback.</summary>
public sealed class ProcessGroupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public void AllReduce_SumsEveryRanksTensorInPlace()
    {
        var sums = LocalRanks.Run(2, Timeout, group =>
        {
            using var t = torch.tensor(new[] { 1f + group.rank, 10f * (group.rank + 1), -0.5f });
            group.all_reduce(t);
            return t.data<float>();
        });

        Assert.All(sums, s => Assert.Equal([3f, 30f, -1f], s));
    }

    [Fact]
    public void Broadcast_CopiesTheRootsValues_OfAnyDtype_IntoEveryRank()
    {
        var received = LocalRanks.Run(2, Timeout, group =>
        {
            using var floats = torch.full([2, 3], group.rank == 1 ? 7.0 : -1.0);
            using var bytes = torch.tensor(group.rank == 1 ? new byte[] { 1, 2, 250 } : new byte[3]);
            group.broadcast(floats, src: 1);
            group.broadcast(bytes, src: 1);
            group.barrier();
            return (floats.data<float>(), bytes.data<byte>());
        });

        Assert.All(received, r =>
        {
            Assert.All(r.Item1, v => Assert.Equal(7f, v));
            Assert.Equal([1, 2, 250], r.Item2);
        });
    }

    [Fact]
    public void AllReduce_ThatAnotherRankNeverTakesPartIn_FailsWithinTheTimeout_NamingTheRankAndTheOperation()
    {
        var timeout = TimeSpan.FromSeconds(2);
        using var rankZeroDone = new ManualResetEventSlim();
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<DistributedException>(() => LocalRanks.Run(2, timeout, group =>
        {
            if (group.rank == 0)
            {
                try
                {
                    using var t = torch.ones([4]);
                    group.all_reduce(t);
                }
                finally
                {
                    rankZeroDone.Set();
                }
            }
            else
            {
                // Hangs as far as rank 0 can tell: alive, connected, never taking part.
                rankZeroDone.Wait(timeout * 5);
            }

            return 0;
        }));

        Assert.Equal(DistributedFailure.TimedOut, error.Failure);
        Assert.Equal(0, error.Rank);
        Assert.StartsWith("rank 0 of 2: all-reduce of 4 Float32 values timed out after 2 s", error.Message);
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Joining_WhenRankZeroNeverComes_FailsWithinTheTimeout()
    {
        var timeout = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<DistributedException>(() => ProcessGroup.Gloo(LocalRanks.Context(1, 2, LocalRanks.FreePort()), timeout));

        Assert.Equal(1, error.Rank);
        Assert.Contains("rank 1 of 2: joining the process group of 2 ranks at 127.0.0.1:", error.Message);
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Collective_OnATensorWithGaps_IsRefusedWithAMessageSayingWhy()
    {
        var error = Assert.Throws<DistributedException>(() => LocalRanks.Run(1, Timeout, group =>
        {
            using var scope = torch.NewDisposeScope();
            var strided = torch.zeros([4, 4]).narrow(1, 0, 2);
            group.all_reduce(strided);
            return 0;
        }));

        Assert.Contains("dense tensor", error.Message);
    }
}
