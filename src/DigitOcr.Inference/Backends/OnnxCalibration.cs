using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Onnx;
using DigitOcr.Torch;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// The range of every activation an int8 model quantizes, measured by running the float model on calibration inputs
/// in ONNX Runtime (the exporters' <c>ExportForCalibration</c>). Each range is the union over the inputs of each
/// tensor's minimum and maximum. Pass the model as it will run: batch norm folded (<see cref="BatchNormFolding"/>).
/// </summary>
public static class OnnxCalibration
{
    /// <summary>The detector's ranges from <paramref name="inputs"/>: normalised <c>[N, C, H, W]</c> network inputs (any sizes; the caller owns them).</summary>
    public static IReadOnlyDictionary<string, ActivationRange> Measure(SsdDetector model, ModelConfig config, IEnumerable<Tensor> inputs, int threads)
    {
        model.eval();
        var (onnx, names) = DetectorOnnxExporter.ExportForCalibration(model, config);
        return Measure(onnx, names, DetectorOnnxExporter.InputName, inputs, threads);
    }

    /// <summary>The recognizer's ranges from <paramref name="crops"/>: normalised <c>[N, 1, S, S]</c> crops (<see cref="Recognition.DigitCrops"/>; the caller owns them).</summary>
    public static IReadOnlyDictionary<string, ActivationRange> Measure(DigitRecognizer model, IEnumerable<Tensor> crops, int threads)
    {
        model.eval();
        var (onnx, names) = RecognizerOnnxExporter.ExportForCalibration(model);
        return Measure(onnx, names, RecognizerOnnxExporter.InputName, crops, threads);
    }

    private static Dictionary<string, ActivationRange> Measure(byte[] onnx, IReadOnlyList<string> names, string inputName, IEnumerable<Tensor> inputs, int threads)
    {
        using var session = OnnxRuntimeNetwork.NewSession(onnx, threads);
        using var runOptions = new RunOptions();
        var ranges = new Dictionary<string, ActivationRange>(StringComparer.Ordinal);
        var outputs = names.ToArray();
        foreach (var input in inputs)
        {
            using var scope = torch.NewDisposeScope();
            using var value = OrtTensors.Input(input);
            using var results = session.Run(runOptions, [inputName], [value.Value], outputs);
            for (var i = 0; i < outputs.Length; i++)
            {
                var (min, max) = (float.PositiveInfinity, float.NegativeInfinity);
                foreach (var v in results[i].GetTensorDataAsSpan<float>())
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }

                var range = new ActivationRange(min, max);
                ranges[outputs[i]] = ranges.TryGetValue(outputs[i], out var seen) ? seen.Union(range) : range;
            }
        }

        return ranges;
    }
}
