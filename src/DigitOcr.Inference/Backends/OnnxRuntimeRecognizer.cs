using DigitOcr.Model;
using DigitOcr.Onnx;
using DigitOcr.Torch;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// The recognizer on ONNX Runtime's CPU engine (<see cref="RecognizerOnnxExporter"/>), beside a detector on the same
/// engine: on small inputs such as 32 px crops it is faster than libtorch (a page's recognizer share 17-26 -> 10-22 ms: README.md, Speed).
/// </summary>
internal sealed class OnnxRuntimeRecognizer : IRecognizerNetwork
{
    private static readonly string[] OutputNames = [RecognizerOnnxExporter.LogitsName];

    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();

    private OnnxRuntimeRecognizer(InferenceSession session) => this.session = session;

    /// <summary>A session of <paramref name="model"/>'s weights (copied: the model may be disposed afterwards).</summary>
    public static OnnxRuntimeRecognizer Create(DigitRecognizer model, int threads) =>
        new(OnnxRuntimeNetwork.NewSession(RecognizerOnnxExporter.Export(model), threads));

    /// <summary>The same in int8 over calibrated <paramref name="ranges"/> (batch norm folded).</summary>
    public static OnnxRuntimeRecognizer CreateInt8(DigitRecognizer model, IReadOnlyDictionary<string, ActivationRange> ranges, int threads) =>
        new(OnnxRuntimeNetwork.NewSession(RecognizerOnnxExporter.ExportInt8(model, ranges), threads));

    public Tensor Forward(Tensor crops)
    {
        using var input = OrtTensors.Input(crops);
        using var results = session.Run(runOptions, [RecognizerOnnxExporter.InputName], [input.Value], OutputNames);
        return OrtTensors.Output(results[0]);
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }
}
