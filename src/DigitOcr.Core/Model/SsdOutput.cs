using DigitOcr.Torch;

namespace DigitOcr.Model;

/// <summary>
/// The raw SSD predictions for a batch: <see cref="Loc"/> <c>[B, P, 4]</c> box offsets (encoded against the priors,
/// variances applied) and <see cref="Conf"/> <c>[B, P, classes]</c> logits, priors in level order (1/32 first), cells
/// row-major, anchors innermost. <see cref="FeatureSizes"/> are the (height, width) of each level's map, from which
/// the priors are built. Owns both tensors.
/// </summary>
public sealed record SsdOutput(Tensor Loc, Tensor Conf, IReadOnlyList<(int Height, int Width)> FeatureSizes) : IDisposable
{
    public void Dispose()
    {
        Loc.Dispose();
        Conf.Dispose();
    }
}
