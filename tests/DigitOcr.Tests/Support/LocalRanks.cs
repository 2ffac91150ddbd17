using System.Net;
using System.Net.Sockets;
using DigitOcr.Torch.Distributed;

namespace DigitOcr.Tests.Support;

/// <summary>
/// Several ranks of one process group inside the test process, one thread each (c10d and gloo do not mind: every rank
/// has its own store connection and sockets), meeting on a free loopback port.
/// </summary>
public static class LocalRanks
{
    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The context of <paramref name="rank"/> of <paramref name="worldSize"/> meeting at 127.0.0.1:<paramref name="port"/>.</summary>
    public static DistributedContext Context(int rank, int worldSize, int port) => new(worldSize, rank, rank, "127.0.0.1", port);

    /// <summary>
    /// Runs <paramref name="body"/> on <paramref name="worldSize"/> ranks at once, each with its joined group, and
    /// returns what each returned; the first exception of any rank is rethrown after all have ended.
    /// </summary>
    public static T[] Run<T>(int worldSize, TimeSpan timeout, Func<ProcessGroup, T> body)
    {
        var port = FreePort();
        var tasks = Enumerable.Range(0, worldSize).Select(rank => Task.Factory.StartNew(() =>
        {
            using var group = ProcessGroup.Gloo(Context(rank, worldSize, port), timeout);
            return body(group);
        }, TaskCreationOptions.LongRunning)).ToArray();
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException e)
        {
            throw e.Flatten().InnerExceptions[0];
        }

        return tasks.Select(t => t.Result).ToArray();
    }
}
