using DigitOcr.Boxes;
using DigitOcr.Matching;
using DigitOcr.Torch;

namespace DigitOcr.Training;

/// <summary>
/// One batch for the trainer: <see cref="Images"/> <c>[B, 1, H, W]</c> float32, normalised as
/// <c>(pixel / 255 - 0.485) / 0.229</c>, each image's ground truth in pixels, and the matched training targets when
/// the source made them (otherwise the trainer matches). Owns its tensors.
/// </summary>
public sealed record TrainingBatch(Tensor Images, IReadOnlyList<IReadOnlyList<LabeledBox>> Truths, MatchedTargets? Targets = null) : IDisposable
{
    public void Dispose()
    {
        Images.Dispose();
        Targets?.Dispose();
    }
}

/// <summary>
/// Batches of one training run. Batch b of epoch e depends only on the run's seed, e and b, so a resumed run sees
/// exactly the batches an uninterrupted one would.
/// </summary>
public interface IBatchSource : IDisposable
{
    int BatchesPerEpoch { get; }

    /// <summary>
    /// The batches of <paramref name="epoch"/> from <paramref name="startBatch"/> on; the caller disposes each. A source
    /// may compute each batch's <see cref="TrainingBatch.Targets"/> with <paramref name="targets"/> ahead of time (on
    /// its worker threads); one that does not leaves them null.
    /// </summary>
    IEnumerable<TrainingBatch> ReadEpoch(int epoch, int startBatch, BatchTargetEncoder? targets, CancellationToken cancellation);
}
