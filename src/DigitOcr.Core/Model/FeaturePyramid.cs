using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// The reference's <c>FPNDecoder</c>: <c>center = Bottleneck(w3, w3/4, downsample=Conv1x1(w3 -> w3))</c> on the 1/32
/// map, then three <see cref="DecoderBlock"/>s for (skip, lower) = (w2, w3), (w1, w2), (w0, w1). Outputs, in order:
/// w3 channels at 1/32, w2 at 1/16, w1 at 1/8, w0 at 1/4.
/// </summary>
public sealed class FeaturePyramid : Module<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>>
{
    public FeaturePyramid(IReadOnlyList<int> widths)
    {
        var top = widths[3];
        center = register_module(nameof(center), new Sequential(
            new Bottleneck(top, top / Bottleneck.Expansion, new Conv2d(top, top, 1, bias: false))));
        blocks = register_module(nameof(blocks), new ModuleList<DecoderBlock>(
            new DecoderBlock(widths[2], widths[3]),
            new DecoderBlock(widths[1], widths[2]),
            new DecoderBlock(widths[0], widths[1])));
    }

    public Sequential center { get; }

    public ModuleList<DecoderBlock> blocks { get; }

    /// <summary>From backbone maps [1/4, 1/8, 1/16, 1/32] to decoder maps [1/32, 1/16, 1/8, 1/4]; the caller owns them.</summary>
    public override IReadOnlyList<Tensor> forward(IReadOnlyList<Tensor> features)
    {
        var outputs = new List<Tensor> { center.forward(features[3]) };
        for (var i = 0; i < blocks.Count; i++)
        {
            outputs.Add(blocks[i].forward(outputs[^1], features[2 - i]));
        }

        return outputs;
    }
}
