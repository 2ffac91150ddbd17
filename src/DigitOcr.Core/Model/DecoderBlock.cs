using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// One top-down step of the reference's FPN decoder: upsample the coarser map to the skip's size (bilinear,
/// align_corners=True), <c>block1 = Bottleneck(lower, skip/4, downsample=Conv1x1(lower -> skip))</c>, add the
/// skip, then <c>block2 = Bottleneck(skip, skip/4)</c>.
/// </summary>
public sealed class DecoderBlock : Module
{
    public DecoderBlock(int skipChannels, int lowerChannels)
    {
        block1 = register_module(nameof(block1), new Bottleneck(
            lowerChannels, skipChannels / Bottleneck.Expansion, new Conv2d(lowerChannels, skipChannels, 1, bias: false)));
        block2 = register_module(nameof(block2), new Bottleneck(skipChannels, skipChannels / Bottleneck.Expansion));
    }

    public Bottleneck block1 { get; }

    public Bottleneck block2 { get; }

    /// <summary>The merged map, with the skip's shape; the caller owns it.</summary>
    public Tensor forward(Tensor lower, Tensor skip)
    {
        var shape = skip.shape;
        using var up = torch.nn.functional.interpolate_bilinear(lower, (shape[2], shape[3]), align_corners: true);
        using var x = block1.forward(up);
        using var merged = x + skip;
        return block2.forward(merged);
    }
}
