using DigitOcr.Torch;

namespace DigitOcr.Loss;

/// <summary>
/// The multibox loss of a batch, both parts already divided by the number of positives (or the divisor the loss was
/// given): <see cref="Localization"/> (smooth L1) and <see cref="Classification"/> (cross entropy over positives and
/// mined negatives), scalar tensors in the autograd graph. Owns them.
/// </summary>
public sealed record LossBreakdown(Tensor Localization, Tensor Classification, long Positives, long Negatives) : IDisposable
{
    /// <summary>Localization + classification, a new tensor to back-propagate from.</summary>
    public Tensor Total() => Localization + Classification;

    public void Dispose()
    {
        Localization.Dispose();
        Classification.Dispose();
    }
}
