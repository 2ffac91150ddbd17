using DigitOcr.Boxes;
using DigitOcr.Matching;
using DigitOcr.Torch;
using DigitOcr.Training;

namespace DigitOcr.Tests.Support;

/// <summary>
/// A fast deterministic batch source for trainer tests: noise images with two boxes each, batch b of epoch e made
/// from (seed, e, b) only. Optionally a batch of NaNs, to provoke a non-finite loss. Like the real loader it makes
/// the targets when the trainer passes an encoder, unless <paramref name="precomputeTargets"/> is false (then the
/// trainer matches).
/// </summary>
public sealed class SyntheticBatchSource(
    int batchesPerEpoch, int batchSize, int size, int seed, (int Epoch, int Batch)? nanAt = null, bool precomputeTargets = true) : IBatchSource
{
    public int BatchesPerEpoch { get; } = batchesPerEpoch;

    public IEnumerable<TrainingBatch> ReadEpoch(int epoch, int startBatch, BatchTargetEncoder? targets, CancellationToken cancellation)
    {
        for (var b = startBatch; b < BatchesPerEpoch && !cancellation.IsCancellationRequested; b++)
        {
            var random = new Random(HashCode.Combine(seed, epoch, b));
            var pixels = new float[batchSize * size * size];
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = nanAt == (epoch, b) ? float.NaN : (float)((random.NextDouble() * 4) - 2);
            }

            var truths = Enumerable.Range(0, batchSize).Select(i => (IReadOnlyList<LabeledBox>)
            [
                new LabeledBox(new Box(4 + i, 6, 30 + i, 40), random.Next(10)),
                new LabeledBox(new Box(34, 20, 58, 60), random.Next(10)),
            ]).ToList();
            var images = torch.tensor(pixels, [batchSize, 1, size, size]).DetachFromDisposeScope();
            yield return new TrainingBatch(images, truths, precomputeTargets ? targets?.Invoke(truths, size, size) : null);
        }
    }

    public void Dispose()
    {
    }
}
