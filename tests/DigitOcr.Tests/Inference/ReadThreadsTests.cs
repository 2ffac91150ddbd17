using DigitOcr.Inference;

namespace DigitOcr.Tests.Inference;

public sealed class ReadThreadsTests
{
    [Fact]
    public async Task ManyReads_RunOnTheSameFewNamedThreads_NeverOnThePool()
    {
        using var threads = new ReadThreads(2, "test read");
        var ran = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => threads.RunAsync(() =>
        {
            Thread.Sleep(1);
            return (i, Environment.CurrentManagedThreadId, Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread);
        })));

        Assert.Equal(Enumerable.Range(0, 50), ran.Select(r => r.i));
        Assert.InRange(ran.Select(r => r.CurrentManagedThreadId).Distinct().Count(), 1, 2);
        Assert.All(ran, r => Assert.StartsWith("test read ", r.Name));
        Assert.All(ran, r => Assert.False(r.IsThreadPoolThread));
    }

    [Fact]
    public async Task AFailingRead_FailsItsTask_AndTheThreadsGoOn()
    {
        using var threads = new ReadThreads(1, "test read");

        var failed = threads.RunAsync<int>(() => throw new InvalidDataException("bad frame"));

        Assert.Equal("bad frame", (await Assert.ThrowsAsync<InvalidDataException>(() => failed)).Message);
        Assert.Equal(7, await threads.RunAsync(() => 7));
    }

    [Fact]
    public async Task Dispose_LetsQueuedReadsFinish_ThenRefusesNewOnes()
    {
        var threads = new ReadThreads(1, "test read");
        var slow = threads.RunAsync(() => { Thread.Sleep(50); return 1; });
        var queued = threads.RunAsync(() => 2);

        threads.Dispose();

        Assert.True(slow.IsCompletedSuccessfully && queued.IsCompletedSuccessfully);
        Assert.Equal(2, await queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => threads.RunAsync(() => 3));
        threads.Dispose();
    }

    [Fact]
    public void NoThreads_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadThreads(0, "test read"));
    }
}
