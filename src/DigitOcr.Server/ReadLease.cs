namespace DigitOcr.Server;

/// <summary>
/// A request's place in the <see cref="ReadGate"/>: wait for a turn and read with <see cref="RunAsync{T}"/>, then
/// dispose. The place is given back on dispose, or when the read ends if that is later (a request that timed out).
/// </summary>
internal sealed class ReadLease(ReadGate gate) : IDisposable
{
    private Task? work;
    private int held = 1;

    /// <summary>
    /// Waits for a turn, then runs <paramref name="read"/> on the gate's read threads. Cancelling stops the wait, or stops
    /// waiting for the read, which runs on to its end in its turn. <paramref name="started"/>, if given, is called
    /// when the read is handed to those threads: from then on the read owns what it reads.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<T> read, CancellationToken cancellationToken, Action? started = null)
    {
        if (work is not null)
        {
            throw new InvalidOperationException("A lease runs one read.");
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        gate.Started();

        // Once handed over, a read runs to its end and gives its turn back there, whoever still waits for it.
        var task = gate.Threads.RunAsync(() =>
        {
            try
            {
                return read();
            }
            finally
            {
                gate.Finished();
            }
        });
        work = task;
        started?.Invoke();
        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref held, 0) == 0)
        {
            return;
        }

        if (work is { IsCompleted: false } running)
        {
            running.ContinueWith(_ => gate.Leave(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            gate.Leave();
        }
    }
}
