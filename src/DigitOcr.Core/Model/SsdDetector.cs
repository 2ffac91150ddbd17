using DigitOcr.Config;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// The digit detector: ResNet18 backbone + FPN decoder + SSD head (per level a 1x1 <c>loc</c> conv to 4 * A outputs
/// and a 1x1 <c>conf</c> conv to classes * A). Ported from the reference's PyTorch model; state-dict names match it
/// (<c>backbone.layer1.0.conv1.weight</c>, <c>decoder.blocks.0.block1.downsample.weight</c>, <c>loc.0.weight</c>).
/// Input: <c>[B, C, H, W]</c> float32, normalised as <c>(pixel / 255 - 0.485) / 0.229</c>.
/// </summary>
public sealed class SsdDetector : Module<Tensor, SsdOutput>
{
    private readonly int anchors;
    private readonly int classes;

    public SsdDetector(ModelOptions options)
    {
        Options = options;
        anchors = options.AnchorsPerCell;
        classes = options.NumClasses;
        backbone = register_module(nameof(backbone), new ResNet18Backbone(options.InputChannels, options.Widths));
        decoder = register_module(nameof(decoder), new FeaturePyramid(options.Widths));
        var levelChannels = new[] { options.Widths[3], options.Widths[2], options.Widths[1], options.Widths[0] };
        loc = register_module(nameof(loc), new ModuleList<Conv2d>(levelChannels.Select(c => new Conv2d(c, 4 * anchors, 1)).ToArray()));
        conf = register_module(nameof(conf), new ModuleList<Conv2d>(levelChannels.Select(c => new Conv2d(c, classes * anchors, 1)).ToArray()));
    }

    public ModelOptions Options { get; }

    public ResNet18Backbone backbone { get; }

    public FeaturePyramid decoder { get; }

    public ModuleList<Conv2d> loc { get; }

    public ModuleList<Conv2d> conf { get; }

    /// <summary>
    /// The reference's initialisation: xavier-uniform on every convolution weight (backbone, neck, head); biases
    /// and batch norm at PyTorch's defaults. Uses libtorch's generator: seed it with <c>torch.manual_seed</c>.
    /// </summary>
    public void InitializeWeights()
    {
        foreach (var (_, module) in named_modules())
        {
            if (module is Conv2d convolution)
            {
                torch.nn.init.xavier_uniform_(convolution.weight);
            }
        }
    }

    public override SsdOutput forward(Tensor input)
    {
        if (input.ndim != 4 || input.size(1) != Options.InputChannels)
        {
            throw new ArgumentException(
                $"the detector expects [batch, {Options.InputChannels}, height, width], got [{string.Join(", ", input.shape)}]", nameof(input));
        }

        var features = backbone.forward(input);
        IReadOnlyList<Tensor> levels;
        try
        {
            levels = decoder.forward(features);
        }
        finally
        {
            foreach (var f in features)
            {
                f.Dispose();
            }
        }

        var locParts = new List<Tensor>(levels.Count);
        var confParts = new List<Tensor>(levels.Count);
        var sizes = new List<(int, int)>(levels.Count);
        try
        {
            for (var k = 0; k < levels.Count; k++)
            {
                var shape = levels[k].shape;
                sizes.Add(((int)shape[2], (int)shape[3]));
                locParts.Add(Flatten(loc[k].forward(levels[k]), 4));
                confParts.Add(Flatten(conf[k].forward(levels[k]), classes));
            }

            return new SsdOutput(torch.cat(locParts, 1), torch.cat(confParts, 1), sizes);
        }
        finally
        {
            foreach (var t in locParts.Concat(confParts).Concat(levels))
            {
                t.Dispose();
            }
        }
    }

    /// <summary>[B, A * n, H, W] -> [B, H * W * A, n] (NHWC order, as the reference's permute + view), disposing the input.</summary>
    private static Tensor Flatten(Tensor map, int n)
    {
        using (map)
        {
            using var nhwc = map.permute(0, 2, 3, 1);
            using var contiguous = nhwc.contiguous();
            return contiguous.view(map.size(0), -1, n);
        }
    }
}
