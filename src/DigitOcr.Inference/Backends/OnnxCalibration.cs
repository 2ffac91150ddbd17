using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Onnx;
using DigitOcr.Torch;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// The range of every activation the int8 model quantizes, measured by running the float model on calibration inputs
/// in ONNX Runtime (<see cref="DetectorOnnxExporter.ExportForCalibration"/>). Each range is the union over the inputs
/// of each tensor's minimum and maximum.
/// </summary>
public static class OnnxCalibration
{
    /// <summary>Ranges from <paramref name="inputs"/>: normalised <c>[N, C, H, W]</c> network inputs (any sizes; the caller owns them).</summary>
    public static IReadOnlyDictionary<string, ActivationRange> Measure(SsdDetector model, ModelConfig config, IEnumerable<Tensor> inputs, int threads)
    {
        model.eval();
        var (onnx, names) = DetectorOnnxExporter.ExportForCalibration(model, config);
        using var session = OnnxRuntimeNetwork.NewSession(onnx, threads);
        using var runOptions = new RunOptions();
        var ranges = new Dictionary<string, ActivationRange>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            using var scope = torch.NewDisposeScope();
            var values = input.to(ScalarType.Float32).cpu().contiguous().data<float>();
            using var image = OrtValue.CreateTensorValueFromMemory(values, input.shape);
            using var results = session.Run(runOptions, [DetectorOnnxExporter.InputName], [image], names.ToArray());
            for (var i = 0; i < names.Count; i++)
            {
                var (min, max) = (float.PositiveInfinity, float.NegativeInfinity);
                foreach (var v in results[i].GetTensorDataAsSpan<float>())
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }

                var range = new ActivationRange(min, max);
                ranges[names[i]] = ranges.TryGetValue(names[i], out var seen) ? seen.Union(range) : range;
            }
        }

        return ranges;
    }
}
