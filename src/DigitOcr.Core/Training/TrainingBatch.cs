using DigitOcr.Boxes;
using DigitOcr.Torch;

namespace DigitOcr.Training;

/// <summary>
/// One batch for the trainer: <see cref="Images"/> <c>[B, 1, H, W]</c> float32, normalised as
/// <c>(pixel / 255 - 0.485) / 0.229</c>, and each image's ground truth in pixels. Owns the tensor.
/// </summary>
public sealed record TrainingBatch(Tensor Images, IReadOnlyList<IReadOnlyList<LabeledBox>> Truths) : IDisposable
{
    public void Dispose() => Images.Dispose();
}

/// <summary>
/// Batches of one training run. Batch b of epoch e depends only on the run's seed, e and b, so a resumed run sees
/// exactly the batches an uninterrupted one would.
/// </summary>
public interface IBatchSource : IDisposable
{
    int BatchesPerEpoch { get; }

    /// <summary>The batches of <paramref name="epoch"/> from <paramref name="startBatch"/> on; the caller disposes each.</summary>
    IEnumerable<TrainingBatch> ReadEpoch(int epoch, int startBatch, CancellationToken cancellation);
}
