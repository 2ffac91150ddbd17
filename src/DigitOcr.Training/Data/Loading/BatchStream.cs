using System.Collections;
using System.Diagnostics;
using System.Threading.Channels;
using DigitOcr.Data.Sources;
using DigitOcr.Matching;
using DigitOcr.Torch;

namespace DigitOcr.Data.Loading;

/// <summary>
/// Batches of one epoch made on background threads and handed over in order (see <see cref="BatchLoader.ReadEpoch"/>).
/// Workers claim batch numbers in increasing order and may only claim while fewer than
/// <see cref="LoaderOptions.Prefetch"/> batches wait unread or are being made, so memory stays bounded and the
/// next batch the reader needs is always among those claimed. <see cref="WaitTime"/> measures how long the reader
/// was blocked waiting for data.
/// </summary>
public sealed class BatchStream : IEnumerable<Batch>, IDisposable
{
    private readonly BatchLoader loader;
    private readonly int epoch;
    private readonly long count;
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim slots;
    private readonly Channel<Made> made = Channel.CreateUnbounded<Made>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, Batch> early = [];
    private readonly Thread[] workers;
    private readonly Stopwatch waiting = new();
    private readonly long first;
    private readonly BatchTargetEncoder? targets;
    private long claimed;
    private int running;
    private bool enumerated;
    private bool disposed;

    internal BatchStream(BatchLoader loader, int epoch, long count, long first = 0, BatchTargetEncoder? targets = null)
    {
        this.targets = targets;
        this.loader = loader;
        this.epoch = epoch;
        this.count = count;
        this.first = first;
        claimed = first - 1;
        slots = new SemaphoreSlim(loader.Options.Prefetch);
        workers = new Thread[loader.Options.EffectiveWorkers];
        running = workers.Length;
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(Work) { IsBackground = true, Name = $"DigitOcr data worker {i}" };
            workers[i].Start();
        }
    }

    /// <summary>How long the reader has been blocked waiting for the next batch.</summary>
    public TimeSpan WaitTime => waiting.Elapsed;

    /// <summary>Batches handed to the reader so far.</summary>
    public long Delivered { get; private set; }

    public IEnumerator<Batch> GetEnumerator()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (enumerated)
        {
            throw new InvalidOperationException("A batch stream can be read once; call ReadEpoch again for another pass.");
        }

        enumerated = true;
        return Read();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        stop.Cancel();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        while (made.Reader.TryRead(out var item))
        {
            item.Batch?.Dispose();
        }

        foreach (var batch in early.Values)
        {
            batch.Dispose();
        }

        early.Clear();
        stop.Dispose();
        slots.Dispose();
    }

    private IEnumerator<Batch> Read()
    {
        try
        {
            for (var next = first; next < count; next++)
            {
                Batch? batch;
                while (!early.Remove(next, out batch))
                {
                    var item = Take();
                    if (item.Error is not null)
                    {
                        throw new InvalidOperationException(
                            $"Making batch {item.Index} of epoch {epoch} ({loader.Source.Preset.Name()}, {loader.Source.Split}) failed: {item.Error.Message}",
                            item.Error);
                    }

                    early.Add(item.Index, item.Batch!);
                }

                slots.Release();
                Delivered++;
                yield return batch;
            }
        }
        finally
        {
            // Reading to the end, breaking out or failing all stop the workers and free what they made.
            Dispose();
        }
    }

    private Made Take()
    {
        if (made.Reader.TryRead(out var ready))
        {
            return ready;
        }

        waiting.Start();
        try
        {
            while (true)
            {
                if (made.Reader.TryRead(out var item))
                {
                    return item;
                }

                if (!made.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    throw new InvalidOperationException($"The data workers of epoch {epoch} stopped before making every batch.");
                }
            }
        }
        finally
        {
            waiting.Stop();
        }
    }

    private void Work()
    {
        // The trainer's ops use every core; a worker's tensor ops (copies, matching) run serially beside them.
        torch.set_num_threads_for_current_thread(1);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                slots.Wait(stop.Token);
                var index = Interlocked.Increment(ref claimed);
                if (index >= count)
                {
                    slots.Release();
                    return;
                }

                try
                {
                    made.Writer.TryWrite(new Made(index, loader.MakeBatch(epoch, index, targets), null));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    made.Writer.TryWrite(new Made(index, null, e));
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed while waiting for a slot: nothing to hand over.
        }
        catch (ObjectDisposedException)
        {
            // The semaphore went away with the stream.
        }
        finally
        {
            if (Interlocked.Decrement(ref running) == 0)
            {
                made.Writer.TryComplete();
            }
        }
    }

    private readonly record struct Made(long Index, Batch? Batch, Exception? Error);
}
