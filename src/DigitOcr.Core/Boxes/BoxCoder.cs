using DigitOcr.Torch;

namespace DigitOcr.Boxes;

/// <summary>
/// SSD's box encoding (ssd.pytorch <c>encode</c>/<c>decode</c>): offsets of a box from a prior, scaled by the
/// variances — <c>((g_c - p_c) / (v0 * p_wh), log(g_wh / p_wh) / v1)</c>. Priors are centre form, boxes corner form,
/// both in the same units (fractions of the image).
/// </summary>
public sealed class BoxCoder(double centerVariance = 0.1, double sizeVariance = 0.2)
{
    public double CenterVariance { get; } = centerVariance;

    public double SizeVariance { get; } = sizeVariance;

    /// <summary>Matched corner-form boxes <c>[P, 4]</c> against priors <c>[P, 4]</c> -> offsets <c>[P, 4]</c>.</summary>
    public Tensor Encode(Tensor matched, Tensor priors)
    {
        using var scope = torch.NewDisposeScope();
        var priorCenter = priors.narrow(-1, 0, 2);
        var priorSize = priors.narrow(-1, 2, 2);
        var lo = matched.narrow(-1, 0, 2);
        var hi = matched.narrow(-1, 2, 2);
        var center = ((lo + hi) / 2.0 - priorCenter) / (priorSize * CenterVariance);
        var size = ((hi - lo) / priorSize).log() / SizeVariance;
        return torch.cat([center, size], -1).MoveToOuterDisposeScope();
    }

    /// <summary>Offsets <c>[..., P, 4]</c> and priors <c>[P, 4]</c> -> corner-form boxes <c>[..., P, 4]</c>.</summary>
    public Tensor Decode(Tensor offsets, Tensor priors)
    {
        using var scope = torch.NewDisposeScope();
        var priorCenter = priors.narrow(-1, 0, 2);
        var priorSize = priors.narrow(-1, 2, 2);
        var center = priorCenter + (offsets.narrow(-1, 0, 2) * CenterVariance * priorSize);
        var size = priorSize * (offsets.narrow(-1, 2, 2) * SizeVariance).exp();
        var half = size / 2.0;
        return torch.cat([center - half, center + half], -1).MoveToOuterDisposeScope();
    }
}
