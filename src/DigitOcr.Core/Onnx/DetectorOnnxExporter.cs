using System.Text.Json;
using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Onnx;

/// <summary>
/// Writes a detector as an ONNX model (opset 17), node for node what <see cref="SsdDetector.forward"/> computes in
/// evaluation mode, for ONNX Runtime or any other ONNX engine. Input <see cref="InputName"/>: <c>[batch, C, height,
/// width]</c> float32, normalised as <see cref="ImageNormalization"/> says, any size (the detector pads to multiples
/// of 32). Outputs: <see cref="LocName"/> <c>[batch, priors, 4]</c> and <see cref="ConfName"/> <c>[batch, priors,
/// classes]</c> (logits), as <see cref="SsdOutput"/>; <see cref="FeatureSizesName"/> <c>[4, 2]</c> int64, the
/// (height, width) of the head's four levels, from which the priors are built (<c>Priors.PriorBoxGenerator</c>).
/// Batch norm is written as <c>BatchNormalization</c> with the running statistics (engines fold it into the
/// convolution), unless it was folded already (<see cref="BatchNormFolding"/>, as <c>DigitDetector</c> loads models):
/// then its convolution's weight and new bias carry it and no node is written, and every inner feature map gains zero
/// channels up to a multiple of 16 (<see cref="ChannelPadding"/>; outputs unchanged). In int8 the stem is written on a
/// space-to-depth input (<see cref="SpaceToDepthStem"/>; outputs unchanged). Initializers keep the state dict's
/// names (<c>backbone.layer1.0.conv1.weight</c>). The model's config travels in the metadata under
/// <see cref="ConfigMetadataKey"/>. Supports the <c>resnet18</c> backbone.
/// </summary>
public static class DetectorOnnxExporter
{
    public const string InputName = "image";
    public const string LocName = "loc";
    public const string ConfName = "conf";
    public const string FeatureSizesName = "feature_sizes";

    /// <summary>The metadata key holding the model's config JSON (<see cref="ModelConfig.FromJson"/> reads it).</summary>
    public const string ConfigMetadataKey = "digitocr.config";

    public const int Opset = 17;

    /// <summary>The ONNX model's bytes. Reads <paramref name="model"/>'s weights; does not change it.</summary>
    /// <exception cref="NotSupportedException">The model's backbone is not one this exporter knows.</exception>
    public static byte[] Export(SsdDetector model, ModelConfig config) => Write(model, config, new OnnxActivations.Float());

    /// <summary>
    /// The float model with every activation that <see cref="ExportInt8"/> quantizes also a graph output, and those
    /// outputs' names: run it on calibration images and take each output's range.
    /// </summary>
    public static (byte[] Model, IReadOnlyList<string> Activations) ExportForCalibration(SsdDetector model, ModelConfig config)
    {
        var mode = new OnnxActivations.Calibrate();
        return (Write(model, config, mode), mode.Names);
    }

    /// <summary>
    /// The model in ONNX's QDQ form: weights int8 per output channel, every activation uint8 over its calibrated
    /// <paramref name="ranges"/> (from <see cref="ExportForCalibration"/>), outputs float32 as in <see cref="Export"/>.
    /// Batch norm must be folded (<see cref="BatchNormFolding"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An activation has no range, or a batch norm is not folded.</exception>
    public static byte[] ExportInt8(SsdDetector model, ModelConfig config, IReadOnlyDictionary<string, ActivationRange> ranges) =>
        Write(model, config, new OnnxActivations.Int8(ranges));

    private static byte[] Write(SsdDetector model, ModelConfig config, OnnxActivations mode)
    {
        if (model.backbone is not ResNet18Backbone backbone)
        {
            throw new NotSupportedException($"ONNX export supports the {Backbones.ResNet18} backbone; this model's is {model.backbone.GetType().Name}");
        }

        var graph = new OnnxGraph(config.Name);
        // Padding zero channels needs no batch norm node to pad: only a folded model (as DigitDetector runs) is padded.
        var padChannels = model.named_modules().Select(m => m.Module).OfType<BatchNorm2d>().All(bn => bn.IsFolded);
        // The space-to-depth stem pays in int8 only: in float, ONNX Runtime's one-channel 7x7 kernel was 0.7-3.7 ms faster
        // than padding and folding the input for a 4x4 one (1024x768, 2 threads).
        var emit = new Emitter(graph, mode, padChannels, spaceToDepthStem: mode is OnnxActivations.Int8);
        var input = emit.Activation(graph.Input(InputName, OnnxDataType.Float, "batch", config.Model.InputChannels, "height", "width"));
        var features = emit.Backbone(backbone, input, "backbone");
        var levels = emit.Decoder(model.decoder, features, "decoder");
        var locParts = levels.Select((level, k) => emit.HeadLevel(model.loc[k], level, 4, $"loc.{k}")).ToList();
        var confParts = levels.Select((level, k) => emit.HeadLevel(model.conf[k], level, config.Model.NumClasses, $"conf.{k}")).ToList();
        graph.Node("Identity", LocName, [graph.Node("Concat", "loc.cat", locParts, OnnxAttribute.Int("axis", 1))]);
        graph.Node("Identity", ConfName, [graph.Node("Concat", "conf.cat", confParts, OnnxAttribute.Int("axis", 1))]);
        var sizes = levels.Select((level, k) => graph.Node("Shape", $"size.{k}", [level], OnnxAttribute.Int("start", 2), OnnxAttribute.Int("end", 4))).ToList();
        var flat = graph.Node("Concat", "sizes", sizes, OnnxAttribute.Int("axis", 0));
        graph.Node("Reshape", FeatureSizesName, [flat, graph.Initializer("sizes.shape", levels.Count, 2)]);
        graph.Output(LocName, OnnxDataType.Float, "batch", "priors", 4);
        graph.Output(ConfName, OnnxDataType.Float, "batch", "priors", config.Model.NumClasses);
        graph.Output(FeatureSizesName, OnnxDataType.Int64, levels.Count, 2);
        mode.AddOutputs(graph);
        var metadata = new Dictionary<string, string> { [ConfigMetadataKey] = JsonSerializer.Serialize(config, ModelConfig.JsonOptions) };
        return graph.ToModel(Opset, "DigitOcr", metadata);
    }

    /// <summary>Writes the ONNX model to <paramref name="path"/> (its folder must exist).</summary>
    public static void Save(SsdDetector model, ModelConfig config, string path) => File.WriteAllBytes(path, Export(model, config));

    /// <summary>
    /// One method per module, each mirroring that module's <c>forward</c>; names are state-dict prefixes. Every tensor
    /// an integer engine would keep in 8 bits passes <see cref="Activation"/>: unchanged for float, a graph output for
    /// calibration, a quantize-dequantize pair for int8.
    /// </summary>
    private sealed class Emitter(OnnxGraph graph, OnnxActivations mode, bool padChannels, bool spaceToDepthStem)
    {
        private readonly OnnxLayers layers = new(graph);

        /// <summary>
        /// Marks <paramref name="x"/> as an activation (see <see cref="OnnxActivations"/>); <paramref name="rangeOf"/>: an
        /// activation whose range <paramref name="x"/> shares (the input of a max pool or resize).
        /// </summary>
        public string Activation(string x, string? rangeOf = null) => mode.Activation(layers, x, rangeOf);

        public IReadOnlyList<string> Backbone(ResNet18Backbone backbone, string x, string name)
        {
            var stem = Activation(Relu(BatchNorm(backbone.bn1, Stem(backbone.conv1, x, $"{name}.conv1"), $"{name}.bn1")));
            var pooled = Activation(layers.MaxPool(backbone.MaxPool, stem, $"{name}.maxpool"), rangeOf: stem);
            var outputs = new List<string>();
            var current = pooled;
            Sequential[] stages = [backbone.layer1, backbone.layer2, backbone.layer3, backbone.layer4];
            for (var s = 0; s < stages.Length; s++)
            {
                for (var b = 0; b < stages[s].Count; b++)
                {
                    current = Basic((BasicBlock)stages[s][b], current, $"{name}.layer{s + 1}.{b}");
                }

                outputs.Add(current);
            }

            return outputs;
        }

        public IReadOnlyList<string> Decoder(FeaturePyramid decoder, IReadOnlyList<string> features, string name)
        {
            var outputs = new List<string> { Bottleneck((Bottleneck)decoder.center[0], features[3], $"{name}.center.0") };
            for (var i = 0; i < decoder.blocks.Count; i++)
            {
                outputs.Add(DecoderStep(decoder.blocks[i], outputs[^1], features[2 - i], $"{name}.blocks.{i}"));
            }

            return outputs;
        }

        /// <summary>A head convolution, then NCHW -> [B, H * W * A, n] (the permute + view of <see cref="SsdDetector"/>).</summary>
        public string HeadLevel(Conv2d conv, string level, int n, string name)
        {
            var map = Activation(Convolve(conv, level, name, padInput: true, padOutput: false));
            var nhwc = graph.Node("Transpose", $"{name}.permute", [map], OnnxAttribute.Ints("perm", 0, 2, 3, 1));
            return graph.Node("Reshape", $"{name}.view", [nhwc, graph.Initializer($"{name}.view.shape", 0, -1, n)]);
        }

        private string Basic(BasicBlock block, string x, string name)
        {
            var a = Activation(Relu(BatchNorm(block.bn1, Conv(block.conv1, x, $"{name}.conv1"), $"{name}.bn1")));
            var b = Activation(BatchNorm(block.bn2, Conv(block.conv2, a, $"{name}.conv2"), $"{name}.bn2"));
            var identity = block.downsample is { } down
                ? Activation(BatchNorm((BatchNorm2d)down[1], Conv((Conv2d)down[0], x, $"{name}.downsample.0"), $"{name}.downsample.1"))
                : x;
            return Activation(Relu(graph.Node("Add", $"{name}.add", [b, identity])));
        }

        private string Bottleneck(Bottleneck block, string x, string name)
        {
            var a = Activation(Relu(BatchNorm(block.bn1, Conv(block.conv1, x, $"{name}.conv1"), $"{name}.bn1")));
            var b = Activation(Relu(BatchNorm(block.bn2, Conv(block.conv2, a, $"{name}.conv2"), $"{name}.bn2")));
            var c = Activation(BatchNorm(block.bn3, Conv(block.conv3, b, $"{name}.conv3"), $"{name}.bn3"));
            var identity = block.downsample is { } down ? Activation(Conv(down, x, $"{name}.downsample")) : x;
            return Activation(Relu(graph.Node("Add", $"{name}.add", [c, identity])));
        }

        /// <summary><see cref="DecoderBlock.forward"/>: bilinear (align_corners) resize of the coarser map to the skip's size.</summary>
        private string DecoderStep(DecoderBlock block, string lower, string skip, string name)
        {
            var batchAndChannels = graph.Node("Shape", $"{name}.lower.shape", [lower], OnnxAttribute.Int("end", 2));
            var skipSize = graph.Node("Shape", $"{name}.skip.shape", [skip], OnnxAttribute.Int("start", 2));
            var size = graph.Node("Concat", $"{name}.size", [batchAndChannels, skipSize], OnnxAttribute.Int("axis", 0));
            var up = graph.Node("Resize", $"{name}.upsample", [lower, string.Empty, string.Empty, size],
                OnnxAttribute.String("mode", "linear"),
                OnnxAttribute.String("coordinate_transformation_mode", "align_corners"));
            var x = Bottleneck(block.block1, Activation(up, rangeOf: lower), $"{name}.block1");
            var merged = Activation(graph.Node("Add", $"{name}.merge", [x, skip]));
            return Bottleneck(block.block2, merged, $"{name}.block2");
        }

        private string Conv(Conv2d conv, string x, string name) => Convolve(conv, x, name, padInput: true, padOutput: true);

        /// <summary>A convolution, its channels padded (<see cref="ChannelPadding"/>) where the export pads them.</summary>
        private string Convolve(Conv2d conv, string x, string name, bool padInput, bool padOutput)
        {
            if (!padChannels)
            {
                return mode.Conv(layers, conv, x, name);
            }

            using var padded = ChannelPadding.Pad(conv,
                padInput ? ChannelPadding.Round(conv.InChannels) : conv.InChannels,
                padOutput ? ChannelPadding.Round(conv.OutChannels) : conv.OutChannels);
            return mode.Conv(layers, padded, x, name);
        }

        /// <summary>The stem convolution, on a space-to-depth input in int8 where its geometry allows (<see cref="SpaceToDepthStem"/>).</summary>
        private string Stem(Conv2d conv, string x, string name)
        {
            if (!spaceToDepthStem || !SpaceToDepthStem.Applies(conv))
            {
                return Convolve(conv, x, name, padInput: false, padOutput: true);
            }

            using var folded = SpaceToDepthStem.Fold(conv);
            var blocks = Activation(SpaceToDepthStem.Input(graph, conv, x, name), rangeOf: x);
            return Convolve(folded, blocks, name, padInput: false, padOutput: true);
        }

        private string BatchNorm(BatchNorm2d bn, string x, string name) => mode.BatchNorm(layers, bn, x, name);

        private string Relu(string x) => layers.Relu(x);
    }
}
