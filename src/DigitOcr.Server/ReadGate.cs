using DigitOcr.Inference;

namespace DigitOcr.Server;

/// <summary>
/// The bounded queue of reads: at most <c>concurrency</c> run at once and at most <c>queue</c> more wait, so a
/// burst of requests beyond that is turned away at once (503) instead of piling up. A request takes its place
/// before its upload is read (<see cref="TryAdmit"/>), so uploads in memory are bounded too. A read whose request
/// gave up (timed out, disconnected) keeps its place until it ends: libtorch cannot stop a forward pass midway,
/// and the place is the only bound on the work in flight. Reads run on the gate's own threads, one per concurrent
/// read (<see cref="ReadThreads"/>: native memory stays bounded). Thread-safe; owns its threads.
/// </summary>
internal sealed class ReadGate : IDisposable
{
    private readonly SemaphoreSlim slots;
    private int admitted;
    private int running;

    public ReadGate(int concurrency, int queue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queue);
        Concurrency = concurrency;
        Capacity = concurrency + queue;
        slots = new SemaphoreSlim(concurrency, concurrency);
        Threads = new ReadThreads(concurrency, "DigitOcr read");
    }

    /// <summary>The threads reads run on.</summary>
    internal ReadThreads Threads { get; }

    public int Concurrency { get; }

    /// <summary>Requests admitted at most: running plus waiting.</summary>
    public int Capacity { get; }

    /// <summary>Requests holding a place now (running or waiting).</summary>
    public int Admitted => Volatile.Read(ref admitted);

    /// <summary>Reads running now.</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>A place in the queue, or null when it is full (answer 503).</summary>
    public ReadLease? TryAdmit()
    {
        if (Interlocked.Increment(ref admitted) > Capacity)
        {
            Interlocked.Decrement(ref admitted);
            return null;
        }

        return new ReadLease(this);
    }

    /// <summary>
    /// A place whatever the queue holds, for the frames of a live stream: each stream has at most one frame in
    /// flight and the streams are limited (<see cref="ServerOptions.MaxStreams"/>), which bounds them instead.
    /// </summary>
    public ReadLease Admit()
    {
        Interlocked.Increment(ref admitted);
        return new ReadLease(this);
    }

    internal Task WaitAsync(CancellationToken cancellationToken) => slots.WaitAsync(cancellationToken);

    internal void Started() => Interlocked.Increment(ref running);

    internal void Finished()
    {
        Interlocked.Decrement(ref running);
        slots.Release();
    }

    internal void Leave() => Interlocked.Decrement(ref admitted);

    /// <summary>Lets the reads in flight end, then stops the threads.</summary>
    public void Dispose()
    {
        Threads.Dispose();
        slots.Dispose();
    }
}
