using System.Collections.Concurrent;

namespace DigitOcr.Inference;

/// <summary>
/// A fixed set of threads that run the reads handed to them, in order, for callers that would otherwise use the thread
/// pool (a server, a live loop). Blocked threads wait in the kernel, never spin. Dispose lets the queued reads finish,
/// then ends the threads.
/// </summary>
/// <remarks>
/// Why not the thread pool: glibc gives each thread that allocates a malloc arena of its own, and with the thresholds
/// the binding sets (freed tensor memory kept for the next network run) each arena may keep up to 256 MB. Reads landing
/// on whichever pool thread was free spread over many arenas: a server at one read at a time grew from 254 to 795 MiB
/// over 1,000 requests. Reads on the same few threads reuse the same arenas (and oneDNN's per-thread caches).
/// </remarks>
public sealed class ReadThreads : IDisposable
{
    private readonly BlockingCollection<Action> queue = [];
    private readonly Thread[] threads;
    private int disposed;

    /// <summary>Starts <paramref name="count"/> threads named after <paramref name="name"/>.</summary>
    public ReadThreads(int count, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        threads = [.. Enumerable.Range(1, count).Select(i => new Thread(Work) { IsBackground = true, Name = $"{name} {i}" })];
        foreach (var thread in threads)
        {
            thread.Start();
        }
    }

    /// <summary>How many threads run reads.</summary>
    public int Count => threads.Length;

    /// <summary>
    /// Runs <paramref name="read"/> on one of the threads; the task ends with its result or its exception. Once queued a
    /// read runs to its end: a forward pass cannot stop midway, so callers stop waiting instead.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The threads were disposed.</exception>
    public Task<T> RunAsync<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            queue.Add(() =>
            {
                try
                {
                    done.SetResult(read());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            });
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // Disposed between the check and the add.
            throw new ObjectDisposedException(nameof(ReadThreads), e);
        }

        return done.Task;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.CompleteAdding();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        queue.Dispose();
    }

    private void Work()
    {
        foreach (var work in queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
