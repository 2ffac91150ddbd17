using DigitOcr.Torch.Modules;

namespace DigitOcr.Onnx;

/// <summary>The ONNX nodes of the layers the exporters share; initializers keep the state dict's names.</summary>
internal sealed class OnnxLayers(OnnxGraph graph)
{
    public string Conv(Conv2d conv, string x, string name)
    {
        List<string> inputs = [x, graph.Initializer($"{name}.weight", conv.weight)];
        if (conv.bias is { } bias)
        {
            inputs.Add(graph.Initializer($"{name}.bias", bias));
        }

        return graph.Node("Conv", name, inputs, ConvAttributes(conv));
    }

    private static OnnxAttribute[] ConvAttributes(Conv2d conv) =>
    [
        OnnxAttribute.Ints("kernel_shape", conv.KernelSize, conv.KernelSize),
        OnnxAttribute.Ints("strides", conv.Stride.Height, conv.Stride.Width),
        OnnxAttribute.Ints("pads", conv.Padding.Height, conv.Padding.Width, conv.Padding.Height, conv.Padding.Width),
        OnnxAttribute.Ints("dilations", conv.Dilation.Height, conv.Dilation.Width),
        OnnxAttribute.Int("group", conv.Groups),
    ];

    /// <summary>A batch norm folded into its convolution (<see cref="Model.BatchNormFolding"/>) is already in that convolution's weights and bias: no node.</summary>
    public string BatchNorm(BatchNorm2d bn, string x, string name) => bn.IsFolded
        ? x
        : graph.Node("BatchNormalization", name,
            [x, graph.Initializer($"{name}.weight", bn.weight), graph.Initializer($"{name}.bias", bn.bias),
             graph.Initializer($"{name}.running_mean", bn.running_mean), graph.Initializer($"{name}.running_var", bn.running_var)],
            OnnxAttribute.Float("epsilon", (float)bn.Eps));

    public string Relu(string x) => graph.Node("Relu", x + ".relu", [x]);

    /// <summary>
    /// <paramref name="x"/> rounded to uint8 and back (<c>QuantizeLinear</c>, <c>DequantizeLinear</c>), as ONNX's QDQ
    /// format marks a tensor that an engine may keep in 8 bits; ONNX Runtime fuses the pairs around each convolution,
    /// addition, pooling and resize into integer kernels.
    /// </summary>
    public string QuantizeDequantize(string x, ActivationRange range)
    {
        var scale = graph.Initializer($"{x}.scale", OnnxDataType.Float, [], [range.Scale]);
        var zeroPoint = graph.Initializer($"{x}.zero_point", OnnxDataType.Uint8, [], [range.ZeroPoint]);
        var quantized = graph.Node("QuantizeLinear", $"{x}.q", [x, scale, zeroPoint]);
        return graph.Node("DequantizeLinear", $"{x}.dq", [quantized, scale, zeroPoint]);
    }

    /// <summary>
    /// The largest quantized weight: 7 bits, not 8. On x86 CPUs without VNNI (AVX2, AVX-512 before Cascade Lake, AMD
    /// before Zen 4), ONNX Runtime multiplies uint8 activations by int8 weights with <c>vpmaddubsw</c>, which adds two
    /// products in 16 bits and saturates: 255 x 127 x 2 overflows, 255 x 63 x 2 does not. With 8-bit weights the
    /// shipped model's int8 logits on such a CPU (AMD EPYC, AVX2) were off by 6.6 over a spread of 41
    /// (<c>ExportOnnxCommandTests</c>); ONNX Runtime's own quantizer offers the same cure (<c>reduce_range</c>).
    /// </summary>
    public const int WeightLevels = 63;

    /// <summary>
    /// A convolution in QDQ form: int8 weights of 7 bits (<see cref="WeightLevels"/>) with one symmetric scale per
    /// output channel, the bias in int32 at the scale of input times weight (as integer kernels accumulate), both
    /// dequantized for the float <c>Conv</c> that ONNX Runtime then replaces with <c>QLinearConv</c>.
    /// <paramref name="inputScale"/>: the scale of <paramref name="x"/>'s quantization.
    /// </summary>
    public string QuantizedConv(Conv2d conv, string x, float inputScale, string name)
    {
        var weight = conv.weight.detach().cpu().to(Torch.ScalarType.Float32).contiguous().data<float>();
        var outChannels = (int)conv.weight.shape[0];
        var perChannel = weight.Length / outChannels;
        var scales = new float[outChannels];
        var quantized = new sbyte[weight.Length];
        for (var o = 0; o < outChannels; o++)
        {
            var row = weight.AsSpan(o * perChannel, perChannel);
            var maxAbs = 0f;
            foreach (var w in row)
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(w));
            }

            scales[o] = Math.Max(maxAbs, 1e-8f) / WeightLevels;
            for (var i = 0; i < perChannel; i++)
            {
                quantized[(o * perChannel) + i] = (sbyte)Math.Clamp(Math.Round(row[i] / scales[o]), -WeightLevels, WeightLevels);
            }
        }

        long[] channels = [outChannels];
        var weightScale = graph.Initializer($"{name}.weight.scale", OnnxDataType.Float, channels, (ReadOnlySpan<float>)scales);
        var weightZero = graph.Initializer($"{name}.weight.zero_point", OnnxDataType.Int8, channels, (ReadOnlySpan<sbyte>)new sbyte[outChannels]);
        var weightInt8 = graph.Initializer($"{name}.weight.int8", OnnxDataType.Int8, conv.weight.shape, (ReadOnlySpan<sbyte>)quantized);
        List<string> inputs = [x, graph.Node("DequantizeLinear", $"{name}.weight", [weightInt8, weightScale, weightZero], OnnxAttribute.Int("axis", 0))];
        if (conv.bias is { } bias)
        {
            var values = bias.detach().cpu().to(Torch.ScalarType.Float32).contiguous().data<float>();
            var biasScales = scales.Select(w => w * inputScale).ToArray();
            var biasInt32 = values.Select((b, o) => (int)Math.Clamp(Math.Round(b / biasScales[o]), int.MinValue, int.MaxValue)).ToArray();
            var biasScale = graph.Initializer($"{name}.bias.scale", OnnxDataType.Float, channels, (ReadOnlySpan<float>)biasScales);
            var biasZero = graph.Initializer($"{name}.bias.zero_point", OnnxDataType.Int32, channels, (ReadOnlySpan<int>)new int[outChannels]);
            var biasQuantized = graph.Initializer($"{name}.bias.int32", OnnxDataType.Int32, channels, (ReadOnlySpan<int>)biasInt32);
            inputs.Add(graph.Node("DequantizeLinear", $"{name}.bias", [biasQuantized, biasScale, biasZero], OnnxAttribute.Int("axis", 0)));
        }

        return graph.Node("Conv", name, inputs, ConvAttributes(conv));
    }

    public string MaxPool(MaxPool2d pool, string x, string name) => graph.Node("MaxPool", name, [x],
        OnnxAttribute.Ints("kernel_shape", pool.KernelSize.Height, pool.KernelSize.Width),
        OnnxAttribute.Ints("strides", pool.Stride.Height, pool.Stride.Width),
        OnnxAttribute.Ints("pads", pool.Padding.Height, pool.Padding.Width, pool.Padding.Height, pool.Padding.Width),
        OnnxAttribute.Int("ceil_mode", pool.CeilMode ? 1 : 0));
}
