using DigitOcr.Torch.Modules;

namespace DigitOcr.Onnx;

/// <summary>
/// What an exporter does with each tensor an integer engine would keep in 8 bits (an activation), and with each
/// convolution: <see cref="Float"/> writes the float graph; <see cref="Calibrate"/> makes every activation a graph output
/// as well, to measure its range; <see cref="Int8"/> rounds every activation to uint8 over its calibrated range and
/// writes convolutions in QDQ form (<see cref="OnnxLayers.QuantizedConv"/>). Activations and their ranges are matched
/// by tensor name, which the exporters derive from the state dict, so a calibration fits the model it was measured on.
/// </summary>
internal abstract class OnnxActivations
{
    /// <summary>
    /// Marks <paramref name="x"/> as an activation; <paramref name="rangeOf"/>: an activation whose range
    /// <paramref name="x"/> shares (the input of a max pool, a resize or an average). Returns the tensor to use from here on.
    /// </summary>
    public abstract string Activation(OnnxLayers layers, string x, string? rangeOf);

    public abstract string Conv(OnnxLayers layers, Conv2d conv, string x, string name);

    public virtual string BatchNorm(OnnxLayers layers, BatchNorm2d bn, string x, string name) => layers.BatchNorm(bn, x, name);

    /// <summary>Declares the graph outputs this mode adds (calibration's).</summary>
    public virtual void AddOutputs(OnnxGraph graph)
    {
    }

    public sealed class Float : OnnxActivations
    {
        public override string Activation(OnnxLayers layers, string x, string? rangeOf) => x;

        public override string Conv(OnnxLayers layers, Conv2d conv, string x, string name) => layers.Conv(conv, x, name);
    }

    public sealed class Calibrate : OnnxActivations
    {
        private readonly List<string> names = [];

        /// <summary>The activations that need a range, in graph order.</summary>
        public IReadOnlyList<string> Names => names;

        /// <summary>A pooled or resized tensor lies within its input's range: it needs no range of its own.</summary>
        public override string Activation(OnnxLayers layers, string x, string? rangeOf)
        {
            if (rangeOf is null)
            {
                names.Add(x);
            }

            return x;
        }

        public override string Conv(OnnxLayers layers, Conv2d conv, string x, string name) => layers.Conv(conv, x, name);

        /// <summary>Every activation is four-dimensional (NCHW) in both exporters.</summary>
        public override void AddOutputs(OnnxGraph graph) =>
            names.ForEach(n => graph.Output(n, OnnxDataType.Float, $"{n}.n", $"{n}.c", $"{n}.h", $"{n}.w"));
    }

    public sealed class Int8(IReadOnlyDictionary<string, ActivationRange> ranges) : OnnxActivations
    {
        private readonly Dictionary<string, (string Source, ActivationRange Range)> quantized = new(StringComparer.Ordinal);

        public override string Activation(OnnxLayers layers, string x, string? rangeOf)
        {
            var source = rangeOf is null ? x : quantized[rangeOf].Source;
            if (!ranges.TryGetValue(source, out var range))
            {
                throw new ArgumentException($"no calibrated range for the activation '{source}': calibrate this model's own ONNX graph", nameof(ranges));
            }

            var dequantized = layers.QuantizeDequantize(x, range);
            quantized[dequantized] = (source, range);
            return dequantized;
        }

        /// <summary>Integer kernels have no batch norm: it must already be in the convolution's weights.</summary>
        public override string BatchNorm(OnnxLayers layers, BatchNorm2d bn, string x, string name) => bn.IsFolded
            ? layers.BatchNorm(bn, x, name)
            : throw new ArgumentException($"int8 export needs batch norm folded into its convolution (Model.BatchNormFolding); '{name}' is not", nameof(bn));

        /// <summary>A convolution whose input is not a quantized activation is an exporter bug: named, not guessed.</summary>
        public override string Conv(OnnxLayers layers, Conv2d conv, string x, string name) =>
            quantized.TryGetValue(x, out var input)
                ? layers.QuantizedConv(conv, x, input.Range.Scale, name)
                : throw new InvalidOperationException($"int8 export: the input '{x}' of convolution '{name}' is not a quantized activation");
    }
}
