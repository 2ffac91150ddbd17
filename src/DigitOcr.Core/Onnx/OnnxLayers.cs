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

        return graph.Node("Conv", name, inputs,
            OnnxAttribute.Ints("kernel_shape", conv.KernelSize, conv.KernelSize),
            OnnxAttribute.Ints("strides", conv.Stride.Height, conv.Stride.Width),
            OnnxAttribute.Ints("pads", conv.Padding.Height, conv.Padding.Width, conv.Padding.Height, conv.Padding.Width),
            OnnxAttribute.Ints("dilations", conv.Dilation.Height, conv.Dilation.Width),
            OnnxAttribute.Int("group", conv.Groups));
    }

    /// <summary>A batch norm folded into its convolution (<see cref="Model.BatchNormFolding"/>) is already in that convolution's weights and bias: no node.</summary>
    public string BatchNorm(BatchNorm2d bn, string x, string name) => bn.IsFolded
        ? x
        : graph.Node("BatchNormalization", name,
            [x, graph.Initializer($"{name}.weight", bn.weight), graph.Initializer($"{name}.bias", bn.bias),
             graph.Initializer($"{name}.running_mean", bn.running_mean), graph.Initializer($"{name}.running_var", bn.running_var)],
            OnnxAttribute.Float("epsilon", (float)bn.Eps));

    public string Relu(string x) => graph.Node("Relu", x + ".relu", [x]);

    public string MaxPool(MaxPool2d pool, string x, string name) => graph.Node("MaxPool", name, [x],
        OnnxAttribute.Ints("kernel_shape", pool.KernelSize.Height, pool.KernelSize.Width),
        OnnxAttribute.Ints("strides", pool.Stride.Height, pool.Stride.Width),
        OnnxAttribute.Ints("pads", pool.Padding.Height, pool.Padding.Width, pool.Padding.Height, pool.Padding.Width),
        OnnxAttribute.Int("ceil_mode", pool.CeilMode ? 1 : 0));
}
