using DigitOcr.Model;
using DigitOcr.Boxes;
using DigitOcr.Matching;
using DigitOcr.Torch;

namespace DigitOcr.Data.Loading;

/// <summary>
/// A batch for the trainer: <see cref="Images"/> is a float32 CPU tensor <c>[B, 1, H, W]</c> normalised as
/// <see cref="ImageNormalization"/> says, and <see cref="Boxes"/> holds each image's ground truth (pixels, corner
/// form, <see cref="LabeledBox.Ignored"/> for digits the crop border cuts), and, when the reader asked for them,
/// its training <see cref="Targets"/>. Owns its tensors, which belong to no dispose scope: dispose the batch.
/// </summary>
public sealed class Batch : IDisposable
{
    internal Batch(int epoch, long index, Tensor images, IReadOnlyList<IReadOnlyList<LabeledBox>> boxes, IReadOnlyList<IReadOnlyList<LabeledBox>> patchBoxes)
    {
        Epoch = epoch;
        Index = index;
        Images = images;
        Boxes = boxes;
        PatchBoxes = patchBoxes;
    }

    /// <summary>The epoch the batch belongs to.</summary>
    public int Epoch { get; }

    /// <summary>The batch's position in its epoch: it holds samples <c>Index·B .. Index·B + B - 1</c>.</summary>
    public long Index { get; }

    /// <summary>float32, CPU, <c>[B, 1, H, W]</c>, normalised.</summary>
    public Tensor Images { get; }

    /// <summary>Per image, its tight ink boxes.</summary>
    public IReadOnlyList<IReadOnlyList<LabeledBox>> Boxes { get; }

    /// <summary>Per image, the <c>reference</c> preset's patch boxes (empty lists for other presets).</summary>
    public IReadOnlyList<IReadOnlyList<LabeledBox>> PatchBoxes { get; }

    /// <summary>
    /// The training targets made on the worker thread by the <see cref="BatchTargetEncoder"/> given to
    /// <see cref="BatchLoader.ReadEpoch"/>; null when none was given.
    /// </summary>
    public MatchedTargets? Targets { get; internal set; }

    /// <summary>Images in the batch.</summary>
    public int Count => Boxes.Count;

    public void Dispose()
    {
        Images.Dispose();
        Targets?.Dispose();
    }
}
