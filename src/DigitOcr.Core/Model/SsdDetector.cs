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

    /// <summary>The detector of <paramref name="options"/>, on the backbone it names.</summary>
    public SsdDetector(ModelOptions options)
        : this(options, Backbones.Create(options))
    {
    }

    /// <summary>The detector on a given <paramref name="backbone"/> (the seam for new feature extractors); takes ownership of it.</summary>
    public SsdDetector(ModelOptions options, Backbone backbone)
    {
        Options = options;
        anchors = options.AnchorsPerCell;
        classes = options.NumClasses;
        var widths = backbone.OutChannels;
        if (widths.Count != 4)
        {
            throw new ArgumentException($"a backbone must give four feature maps (strides 4, 8, 16, 32), this one gives {widths.Count}", nameof(backbone));
        }

        this.backbone = register_module(nameof(backbone), backbone);
        decoder = register_module(nameof(decoder), new FeaturePyramid(widths));
        var levelChannels = new[] { widths[3], widths[2], widths[1], widths[0] };
        loc = register_module(nameof(loc), new ModuleList<Conv2d>(levelChannels.Select(c => new Conv2d(c, 4 * anchors, 1)).ToArray()));
        conf = register_module(nameof(conf), new ModuleList<Conv2d>(levelChannels.Select(c => new Conv2d(c, classes * anchors, 1)).ToArray()));
    }

    public ModelOptions Options { get; }

    public Backbone backbone { get; }

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

    /// <summary>
    /// (height, width) of the head's four levels (1/32, 1/16, 1/8, 1/4) for an input size, read from the model's own
    /// output on a blank image, so priors always match whatever the backbone does.
    /// </summary>
    public IReadOnlyList<(int Height, int Width)> FeatureSizes(int height, int width)
    {
        // In evaluation mode, so that the blank image leaves batch-norm statistics untouched.
        var wasTraining = training;
        eval();
        try
        {
            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            var device = parameters().FirstOrDefault()?.device;
            using var output = forward(torch.zeros([1, Options.InputChannels, height, width], device: device));
            return output.FeatureSizes;
        }
        finally
        {
            train(wasTraining);
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
