using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Onnx;

/// <summary>
/// Writes a digit recognizer as an ONNX model (opset 17), node for node what <see cref="DigitRecognizer.forward"/>
/// computes in evaluation mode. Input <see cref="InputName"/>: <c>[batch, 1, S, S]</c> float32 crops
/// (<see cref="Recognition.DigitCrops"/>); output <see cref="LogitsName"/>: <c>[batch, 11]</c>. Batch norm folded into
/// its convolution (<see cref="BatchNormFolding"/>) writes no node, as in <see cref="DetectorOnnxExporter"/>.
/// </summary>
public static class RecognizerOnnxExporter
{
    public const string InputName = "crops";
    public const string LogitsName = "logits";

    /// <summary>The ONNX model's bytes. Reads <paramref name="model"/>'s weights; does not change it.</summary>
    public static byte[] Export(DigitRecognizer model)
    {
        var graph = new OnnxGraph("recognizer");
        var layers = new OnnxLayers(graph);
        var input = graph.Input(InputName, OnnxDataType.Float, "batch", 1, "size", "size");
        var x = layers.MaxPool(model.Pool, Stage(layers, model.stage1, input, "stage1"), "stage1.pool");
        x = layers.MaxPool(model.Pool, Stage(layers, model.stage2, x, "stage2"), "stage2.pool");
        var pooled = graph.Node("GlobalAveragePool", "stage3.mean", [Stage(layers, model.stage3, x, "stage3")]);
        var logits = layers.Conv(model.classifier, pooled, "classifier");
        graph.Node("Flatten", LogitsName, [logits], OnnxAttribute.Int("axis", 1));
        graph.Output(LogitsName, OnnxDataType.Float, "batch", RecognizerConfig.Classes);
        return graph.ToModel(DetectorOnnxExporter.Opset, "DigitOcr", new Dictionary<string, string>());
    }

    /// <summary>A stage's layers in order; nested sequences (conv, batch norm, ReLU) keep their state-dict prefixes.</summary>
    private static string Stage(OnnxLayers layers, Sequential stage, string x, string name)
    {
        for (var i = 0; i < stage.Count; i++)
        {
            var layerName = $"{name}.{i}";
            x = stage[i] switch
            {
                Sequential inner => Stage(layers, inner, x, layerName),
                Conv2d conv => layers.Conv(conv, x, layerName),
                BatchNorm2d bn => layers.BatchNorm(bn, x, layerName),
                ReLU => layers.Relu(x),
                var other => throw new NotSupportedException($"ONNX export of the recognizer does not know the layer {other.GetType().Name} at {layerName}"),
            };
        }

        return x;
    }
}
