using DigitOcr.Torch;

namespace DigitOcr.Model;

/// <summary>
/// The raw SSD predictions for a batch: <see cref="Loc"/> <c>[B, P, 4]</c> box offsets (encoded against the priors,
/// variances applied) and <see cref="Conf"/> <c>[B, P, classes]</c> logits, priors in level order (1/32 first), cells
/// row-major, anchors innermost. <see cref="FeatureSizes"/> are the (height, width) of each level's map, from which
/// the priors are built. Owns both tensors, and <see cref="Memory"/> when they are views of another engine's output.
/// </summary>
public sealed record SsdOutput(Tensor Loc, Tensor Conf, IReadOnlyList<(int Height, int Width)> FeatureSizes) : IDisposable
{
    /// <summary>
    /// What holds the memory <see cref="Loc"/> and <see cref="Conf"/> view (ONNX Runtime's outputs, read where they
    /// lie); freed after them. Null when they own their memory.
    /// </summary>
    public IDisposable? Memory { get; init; }

    public void Dispose()
    {
        Loc.Dispose();
        Conf.Dispose();
        Memory?.Dispose();
    }
}
