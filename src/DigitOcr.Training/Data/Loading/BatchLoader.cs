using System.Buffers;
using DigitOcr.Boxes;
using DigitOcr.Data.Sources;
using DigitOcr.Matching;
using DigitOcr.Model;
using DigitOcr.Torch;
using DigitOcr.Training;

namespace DigitOcr.Data.Loading;

/// <summary>
/// Turns an <see cref="ISampleSource"/> into training batches. Batch <c>b</c> of epoch <c>e</c> holds samples
/// <c>b·B .. b·B + B - 1</c> of that epoch (for one rank of a data-parallel run, its slice of global batch <c>b</c>:
/// see <see cref="DataShard"/>), so its bytes depend only on the source's seed, <c>e</c>, <c>b</c> (and the rank),
/// whichever thread made it. <see cref="ReadEpoch"/> makes them on background threads, a bounded number ahead of
/// the trainer, and hands them over in order. Thread-safe.
/// </summary>
public sealed class BatchLoader
{
    /// <param name="source">The samples.</param>
    /// <param name="options">Batch size (per rank), workers, prefetch.</param>
    /// <param name="shard">This rank's share of the stream; default: the whole stream.</param>
    public BatchLoader(ISampleSource source, LoaderOptions options, DataShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        Source = source;
        Options = options;
        Shard = shard ?? DataShard.Whole;
    }

    public ISampleSource Source { get; }

    public LoaderOptions Options { get; }

    /// <summary>The share of the stream this loader's batches hold.</summary>
    public DataShard Shard { get; }

    /// <summary>
    /// Makes batch <paramref name="index"/> of epoch <paramref name="epoch"/> on the calling thread. The caller owns
    /// it (its tensor is outside any dispose scope).
    /// </summary>
    public Batch MakeBatch(int epoch, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var size = Options.BatchSize;
        var (w, h) = (Source.Width, Source.Height);
        var plane = w * h;
        var first = Shard.FirstSample(index, size);
        var boxes = new IReadOnlyList<LabeledBox>[size];
        var patches = new IReadOnlyList<LabeledBox>[size];
        var buffer = ArrayPool<float>.Shared.Rent(size * plane);
        try
        {
            var group = Source.GroupSize;
            for (var g = first / group; g <= (first + size - 1) / group; g++)
            {
                var samples = Source.GenerateGroup(epoch, g);
                try
                {
                    for (var k = 0; k < samples.Count; k++)
                    {
                        var slot = (g * group) + k - first;
                        if (slot < 0 || slot >= size)
                        {
                            continue;
                        }

                        var sample = samples[k];
                        if (sample.Width != w || sample.Height != h)
                        {
                            throw new InvalidOperationException(
                                $"{Source.Preset.Name()} made a {sample.Width}x{sample.Height} sample but promised {w}x{h}.");
                        }

                        ImageNormalization.Normalize(sample.Image.ToPixels(), buffer.AsSpan((int)slot * plane, plane));
                        boxes[slot] = sample.Boxes;
                        patches[slot] = sample.PatchBoxes;
                    }
                }
                finally
                {
                    foreach (var sample in samples)
                    {
                        sample.Dispose();
                    }
                }
            }

            var images = torch.tensor<float>(buffer.AsSpan(0, size * plane), [size, 1, h, w]).DetachFromDisposeScope();
            return new Batch(epoch, index, images, boxes, patches);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Starts making batches <paramref name="firstBatch"/> .. <paramref name="batchCount"/> - 1 of
    /// <paramref name="epoch"/> (a resumed run starts mid-epoch; the batches are the same as in an uninterrupted
    /// run) on <see cref="LoaderOptions.EffectiveWorkers"/> background threads, at most
    /// <see cref="LoaderOptions.Prefetch"/> ahead of the reader. Enumerate the stream once; each batch yielded is the
    /// caller's to dispose. Disposing the stream (or finishing or leaving the enumeration) stops the workers and frees
    /// batches not yet read. With <paramref name="targets"/>, each batch also carries its training targets, made on
    /// the worker thread.
    /// </summary>
    public BatchStream ReadEpoch(int epoch, long batchCount, long firstBatch = 0, BatchTargetEncoder? targets = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batchCount);
        ArgumentOutOfRangeException.ThrowIfNegative(firstBatch);
        return new BatchStream(this, epoch, batchCount, firstBatch, targets);
    }

    /// <summary><see cref="MakeBatch(int, long)"/>, then its targets when an encoder is given. The caller owns the batch.</summary>
    internal Batch MakeBatch(int epoch, long index, BatchTargetEncoder? targets)
    {
        var batch = MakeBatch(epoch, index);
        if (targets is null)
        {
            return batch;
        }

        try
        {
            batch.Targets = targets(batch.Boxes, Source.Height, Source.Width);
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }
}
