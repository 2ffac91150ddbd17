using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Onnx;

/// <summary>
/// A stride-2 stem convolution (ResNet's 7x7 on one channel) written as the same sums over a space-to-depth input:
/// the image is padded, each 2x2 block of pixels becomes 4 channels (<c>SpaceToDepth</c>), and a stride-1 convolution
/// of half the kernel size (rounded up) holds the kernel's taps, with zeros where its grid runs past the kernel.
/// Outputs equal the original's up to summation order; in int8 they are the same integers, since the zeros change no
/// channel's weight scale.
/// </summary>
/// <remarks>
/// Why: in int8 the one-channel 7x7 stem was ONNX Runtime's slowest layer, 13.7 of 46 ms at 1024x768 under its
/// profiler (2 threads), with as many multiply-adds as a 3x3 layer of the first stage that took 1.1 ms. As a 4x4
/// convolution over four channels it took 7.4 ms, and the int8 network 26.0-28.4 ms instead of 29.5-31.0 (three
/// interleaved rounds). In float it was 0.7-3.7 ms slower, so only the int8 export uses it.
/// </remarks>
internal static class SpaceToDepthStem
{
    private const int Block = 2;

    /// <summary>Whether <paramref name="conv"/> has the geometry this rewrite keeps exact: stride 2, square, undilated, ungrouped.</summary>
    public static bool Applies(Conv2d conv) =>
        conv.Stride == (Block, Block) && conv.Dilation == (1, 1) && conv.Groups == 1 && conv.Padding.Height == conv.Padding.Width;

    /// <summary>
    /// The stride-1 convolution over the space-to-depth input: weight <c>[out, 4 * in, k', k']</c> with
    /// <c>k' = ceil(k / 2)</c>, where channel <c>(a * 2 + b) * in + c</c>, tap <c>(s, t)</c> is the original's
    /// <c>(c, 2s + a, 2t + b)</c> (ONNX's <c>SpaceToDepth</c> channel order); the bias is kept. The caller owns it.
    /// </summary>
    public static Conv2d Fold(Conv2d conv)
    {
        var k = (int)conv.KernelSize;
        var folded = (k + Block - 1) / Block;
        var inChannels = (int)conv.InChannels;
        var outChannels = (int)conv.OutChannels;
        using var scope = torch.NewDisposeScope();
        var weight = conv.weight.detach().cpu().to(ScalarType.Float32).contiguous().data<float>();
        var result = new float[outChannels * Block * Block * inChannels * folded * folded];
        for (var o = 0; o < outChannels; o++)
        {
            for (var c = 0; c < inChannels; c++)
            {
                for (var u = 0; u < k; u++)
                {
                    for (var v = 0; v < k; v++)
                    {
                        var channel = ((((u % Block) * Block) + (v % Block)) * inChannels) + c;
                        var target = ((((o * Block * Block * inChannels) + channel) * folded) + (u / Block)) * folded + (v / Block);
                        result[target] = weight[(((((o * inChannels) + c) * k) + u) * k) + v];
                    }
                }
            }
        }

        var stem = new Conv2d(Block * Block * inChannels, outChannels, folded, bias: conv.bias is not null);
        using (torch.no_grad())
        {
            stem.weight.copy_(torch.tensor(result, [outChannels, Block * Block * inChannels, folded, folded]));
            if (conv.bias is { } bias)
            {
                stem.bias!.copy_(bias.detach().cpu().to(ScalarType.Float32));
            }
        }

        return stem;
    }

    /// <summary>
    /// <paramref name="x"/> <c>[N, C, H, W]</c> padded as <paramref name="conv"/> pads, plus what the folded kernel
    /// reads past the far edges (one more row or column when the input's size is odd), then <c>SpaceToDepth</c>.
    /// The pads are computed from the input's shape at run time, so any size works.
    /// </summary>
    public static string Input(OnnxGraph graph, Conv2d conv, string x, string name)
    {
        var k = conv.KernelSize;
        var p = conv.Padding.Height;
        var folded = (k + Block - 1) / Block;
        // The original's output size is floor((n + 2p - k) / 2) + 1; the folded kernel then reads 2 * (out + k' - 1)
        // padded pixels, p before the input and (2k' - k + p) - ((n + 2p - k) mod 2) after it.
        var size = graph.Node("Shape", $"{name}.space_to_depth.size", [x], OnnxAttribute.Int("start", 2), OnnxAttribute.Int("end", 4));
        var shifted = graph.Node("Add", $"{name}.space_to_depth.shifted", [size, graph.Initializer($"{name}.space_to_depth.shift", (2 * p) - k, (2 * p) - k)]);
        var parity = graph.Node("Mod", $"{name}.space_to_depth.parity", [shifted, graph.Initializer($"{name}.space_to_depth.block", Block, Block)]);
        var after = (2 * folded) - k + p;
        var end = graph.Node("Sub", $"{name}.space_to_depth.end", [graph.Initializer($"{name}.space_to_depth.reach", after, after), parity]);
        var pads = graph.Node("Concat", $"{name}.space_to_depth.pads", [graph.Initializer($"{name}.space_to_depth.begin", 0, 0, p, p, 0, 0), end],
            OnnxAttribute.Int("axis", 0));
        var padded = graph.Node("Pad", $"{name}.space_to_depth.pad", [x, pads]);
        return graph.Node("SpaceToDepth", $"{name}.space_to_depth", [padded], OnnxAttribute.Int("blocksize", Block));
    }
}
