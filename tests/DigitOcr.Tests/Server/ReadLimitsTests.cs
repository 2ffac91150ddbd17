using System.Net;
using System.Text.Json;
using DigitOcr.Server;

namespace DigitOcr.Tests.Server;

/// <summary>The bounded read queue and the request timeout: a burst is answered or turned away, never piled up.</summary>
public sealed class ReadLimitsTests
{
    [Fact]
    public async Task WhenTheQueueIsFull_ARequestGets503AtOnce_AndTheOthersAreAnsweredWhenTheReadsEnd()
    {
        using var release = new ManualResetEventSlim();
        var started = 0;
        using var factory = new ServerFactory(new ServerOptions { Concurrency = 1, QueueLength = 1 }, FakeReaders.Blocking(release, () => Interlocked.Increment(ref started)));
        using var client = factory.CreateClient();

        // One read running, one waiting: the gate is full.
        var first = client.PostAsync("/api/read", ReadApiTests.Body(FakeReaders.Png(), "image/png"));
        var second = client.PostAsync("/api/read", ReadApiTests.Body(FakeReaders.Png(), "image/png"));
        await WaitUntil(async () => (await Health(client)).Admitted == 2);

        using var refused = await client.PostAsync("/api/read", ReadApiTests.Body(FakeReaders.Png(), "image/png"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("the server is busy: 2 read(s) already running or waiting", await ReadApiTests.ErrorOf(refused));
        Assert.Equal(1, Volatile.Read(ref started));

        release.Set();
        using var a = await first;
        using var b = await second;
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a.StatusCode, b.StatusCode));
        Assert.Equal(2, Volatile.Read(ref started));
    }

    [Fact]
    public async Task TwentyParallelRequests_AreAllAnsweredOrTurnedAway_NoneLost()
    {
        using var factory = new ServerFactory(new ServerOptions { Concurrency = 1, QueueLength = 4 }, FakeReaders.Fixed(TimeSpan.FromMilliseconds(100)));
        using var client = factory.CreateClient();
        var png = FakeReaders.Png();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var answer = await client.PostAsync("/api/read", ReadApiTests.Body(png, "image/png"));
            var body = await answer.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);
            return (answer.StatusCode, Json: json.RootElement.Clone());
        }));

        Assert.Equal(20, answers.Length);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        var read = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.InRange(read.Count, 1, 20);
        Assert.All(read, a => Assert.Equal(FakeReaders.Number, a.Json.GetProperty("numbers")[0].GetProperty("text").GetString()));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.StartsWith("the server is busy", a.Json.GetProperty("error").GetString()));

        // 20 at once into 5 places with reads of 100 ms: some must have been turned away.
        Assert.True(read.Count < 20, "all 20 were read: the queue did not bound anything");
        var health = await Health(client);
        Assert.Equal((0, 0), (health.Admitted, health.Running));
    }

    [Fact]
    public async Task AReadSlowerThanTheTimeout_Gets504_AndKeepsItsTurnUntilItEnds()
    {
        using var release = new ManualResetEventSlim();
        using var factory = new ServerFactory(new ServerOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) }, FakeReaders.Blocking(release));
        using var client = factory.CreateClient();

        var (status, error) = await ReadApiTests.Post(client, ReadApiTests.Body(FakeReaders.Png(), "image/png"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Contains("reading took longer than the server's limit of 0.3 s", error);

        // The read still runs (libtorch cannot be stopped midway) and still holds its place, so work stays bounded.
        var health = await Health(client);
        Assert.Equal((1, 1), (health.Admitted, health.Running));
        release.Set();
        await WaitUntil(async () => (await Health(client)).Admitted == 0);
    }

    [Fact]
    public void ReadGate_AdmitsUpToConcurrencyPlusQueue()
    {
        using var gate = new ReadGate(concurrency: 2, queue: 1);
        var leases = Enumerable.Range(0, 3).Select(_ => gate.TryAdmit()).ToList();

        Assert.All(leases, Assert.NotNull);
        Assert.Null(gate.TryAdmit());
        leases[0]!.Dispose();
        leases[0]!.Dispose();
        using var again = gate.TryAdmit();
        Assert.NotNull(again);
        Assert.Equal(3, gate.Admitted);
    }

    [Fact]
    public void Options_OutOfRange_AreAllNamedByTheirOption()
    {
        var problems = new ServerOptions { Host = "example.com", Port = 70000, MaxUploadBytes = 0, Concurrency = 0, QueueLength = -1, RequestTimeout = TimeSpan.Zero, MaxStreams = -1 }.Validate().ToList();

        Assert.Equal(["--host", "--port", "--max-upload-mb", "--concurrency", "--queue", "--timeout", "--max-streams"], problems.Select(p => p.Split(' ')[0]));
        Assert.Throws<ArgumentException>(() => DigitOcrServer.CreateHostBuilder(new ServerOptions { Port = -1 }, FakeReaders.Fixed()));
    }

    internal static async Task<(int Admitted, int Running)> Health(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        var reads = json.RootElement.GetProperty("reads");
        return (reads.GetProperty("running").GetInt32() + reads.GetProperty("waiting").GetInt32(), reads.GetProperty("running").GetInt32());
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after 30 s (a generous bound, not a sleep to synchronise on).</summary>
    internal static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(10);
        }
    }
}
