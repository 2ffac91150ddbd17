using System.Net;
using DigitOcr.Server;
using DigitOcr.Tests.Imaging;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using Xunit.Abstractions;

namespace DigitOcr.Tests.Server;

/// <summary>
/// Memory stays flat under bursts: every decoded upload is freed, whether it was read, turned away or timed out, and
/// managed memory does not grow from round to round. Runs alone (<see cref="ImagingLeakCollection"/>), so that the
/// live image count is this test's own.
/// </summary>
[Collection(ImagingLeakCollection.Name)]
public sealed class ServerLeakTests(ITestOutputHelper output)
{
    private const int Rounds = 10;
    private const int Parallel = 20;
    private const long MaxManagedGrowthBytes = 8L * 1024 * 1024;

    [Fact]
    public async Task BurstsOfTwentyParallelRequests_LeaveNoImages_AndFlatMemory()
    {
        using var factory = new ServerFactory(new ServerOptions { Concurrency = 1, QueueLength = 4 }, FakeReaders.Fixed(TimeSpan.FromMilliseconds(5)));
        using var client = factory.CreateClient();
        var png = FakeReaders.Png(320, 240);
        var images = torch.LiveImageCount;
        long afterWarmUp = 0;
        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < Rounds; round++)
        {
            statuses.AddRange(await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
            {
                using var answer = await client.PostAsync("/api/read", ReadApiTests.Body(png, "image/png"));
                await answer.Content.ReadAsByteArrayAsync();
                return answer.StatusCode;
            })));
            await ReadLimitsTests.WaitUntil(async () => (await ReadLimitsTests.Health(client)).Admitted == 0);
            Assert.Equal(images, torch.LiveImageCount);
            if (round == 1)
            {
                ProcessMemory.Settle();
                afterWarmUp = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        ProcessMemory.Settle();
        var growth = GC.GetTotalMemory(forceFullCollection: true) - afterWarmUp;
        output.WriteLine($"{statuses.Count} requests: {statuses.Count(s => s == HttpStatusCode.OK)} read, {statuses.Count(s => s == HttpStatusCode.ServiceUnavailable)} turned away; managed memory {growth / 1024.0:F0} KiB more than after round 2");
        Assert.Equal(Rounds * Parallel, statuses.Count);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.True(growth < MaxManagedGrowthBytes, $"managed memory grew by {growth / 1024.0 / 1024.0:F1} MiB over {Rounds - 2} rounds");
    }
}
