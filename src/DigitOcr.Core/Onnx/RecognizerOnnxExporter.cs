using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Onnx;

/// <summary>
/// Writes a digit recognizer as an ONNX model (opset 17), node for node what <see cref="DigitRecognizer.forward"/>
/// computes in evaluation mode. Input <see cref="InputName"/>: <c>[batch, 1, S, S]</c> float32 crops
/// (<see cref="Recognition.DigitCrops"/>); output <see cref="LogitsName"/>: <c>[batch, 11]</c>. Batch norm folded into
/// its convolution (<see cref="BatchNormFolding"/>) writes no node, as in <see cref="DetectorOnnxExporter"/>; like it,
/// the recognizer can be written for calibration and in int8 QDQ form (<see cref="OnnxActivations"/>).
/// </summary>
public static class RecognizerOnnxExporter
{
    public const string InputName = "crops";
    public const string LogitsName = "logits";

    /// <summary>The ONNX model's bytes. Reads <paramref name="model"/>'s weights; does not change it.</summary>
    public static byte[] Export(DigitRecognizer model) => Write(model, new OnnxActivations.Float());

    /// <summary>The float model with every activation <see cref="ExportInt8"/> quantizes also an output, and their names.</summary>
    public static (byte[] Model, IReadOnlyList<string> Activations) ExportForCalibration(DigitRecognizer model)
    {
        var mode = new OnnxActivations.Calibrate();
        return (Write(model, mode), mode.Names);
    }

    /// <summary>The model in QDQ form over calibrated <paramref name="ranges"/>; batch norm must be folded.</summary>
    /// <exception cref="ArgumentException">An activation has no range, or a batch norm is not folded.</exception>
    public static byte[] ExportInt8(DigitRecognizer model, IReadOnlyDictionary<string, ActivationRange> ranges) =>
        Write(model, new OnnxActivations.Int8(ranges));

    private static byte[] Write(DigitRecognizer model, OnnxActivations mode)
    {
        var graph = new OnnxGraph("recognizer");
        var layers = new OnnxLayers(graph);
        var input = mode.Activation(layers, graph.Input(InputName, OnnxDataType.Float, "batch", 1, "size", "size"), null);
        var x = Pool(layers, mode, model.Pool, Stage(layers, mode, model.stage1, input, "stage1"), "stage1.pool");
        x = Pool(layers, mode, model.Pool, Stage(layers, mode, model.stage2, x, "stage2"), "stage2.pool");
        var features = Stage(layers, mode, model.stage3, x, "stage3");
        var pooled = mode.Activation(layers, graph.Node("GlobalAveragePool", "stage3.mean", [features]), rangeOf: features);
        var logits = mode.Activation(layers, mode.Conv(layers, model.classifier, pooled, "classifier"), null);
        graph.Node("Flatten", LogitsName, [logits], OnnxAttribute.Int("axis", 1));
        graph.Output(LogitsName, OnnxDataType.Float, "batch", RecognizerConfig.Classes);
        mode.AddOutputs(graph);
        return graph.ToModel(DetectorOnnxExporter.Opset, "DigitOcr", new Dictionary<string, string>());
    }

    private static string Pool(OnnxLayers layers, OnnxActivations mode, MaxPool2d pool, string x, string name) =>
        mode.Activation(layers, layers.MaxPool(pool, x, name), rangeOf: x);

    /// <summary>A stage's layers in order; nested sequences (conv, batch norm, ReLU) keep their state-dict prefixes. Each ReLU's output is an activation.</summary>
    private static string Stage(OnnxLayers layers, OnnxActivations mode, Sequential stage, string x, string name)
    {
        for (var i = 0; i < stage.Count; i++)
        {
            var layerName = $"{name}.{i}";
            x = stage[i] switch
            {
                Sequential inner => Stage(layers, mode, inner, x, layerName),
                Conv2d conv => mode.Conv(layers, conv, x, layerName),
                BatchNorm2d bn => mode.BatchNorm(layers, bn, x, layerName),
                ReLU => mode.Activation(layers, layers.Relu(x), null),
                var other => throw new NotSupportedException($"ONNX export of the recognizer does not know the layer {other.GetType().Name} at {layerName}"),
            };
        }

        return x;
    }
}
