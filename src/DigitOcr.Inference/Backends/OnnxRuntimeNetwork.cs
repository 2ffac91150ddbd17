using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Onnx;
using DigitOcr.Torch;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// The network on ONNX Runtime's CPU engine, from the ONNX model <see cref="DetectorOnnxExporter"/> writes. ONNX Runtime
/// reads the input in libtorch's memory, and the outputs are libtorch views of ONNX Runtime's, owned by the
/// <see cref="SsdOutput"/> (<see cref="SsdOutput.Memory"/>). ONNX Runtime runs its own thread pool, not
/// OpenMP: its intra-op threads are set to the count asked for, and they sleep when idle
/// (<c>session.intra_op.allow_spinning = 0</c>) so that a busy machine is not made busier. A session runs
/// concurrent calls safely.
/// </summary>
internal sealed class OnnxRuntimeNetwork : IDetectorNetwork
{
    private static readonly string[] OutputNames = [DetectorOnnxExporter.LocName, DetectorOnnxExporter.ConfName, DetectorOnnxExporter.FeatureSizesName];

    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();

    private OnnxRuntimeNetwork(InferenceSession session) => this.session = session;

    /// <summary>A session of <paramref name="model"/>'s weights (copied: the model may be disposed afterwards).</summary>
    public static OnnxRuntimeNetwork Create(SsdDetector model, ModelConfig config, int threads)
    {
        model.eval();
        return FromBytes(DetectorOnnxExporter.Export(model, config), threads);
    }

    /// <summary>A session of an exported ONNX model.</summary>
    public static OnnxRuntimeNetwork FromBytes(byte[] onnx, int threads) => new(NewSession(onnx, threads));

    /// <summary>A CPU session of <paramref name="onnx"/> on <paramref name="threads"/> intra-op threads that sleep when idle.</summary>
    internal static InferenceSession NewSession(byte[] onnx, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return new InferenceSession(onnx, options);
    }

    public SsdOutput Forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        using var image = OrtTensors.Input(input);
        var results = session.Run(runOptions, [DetectorOnnxExporter.InputName], [image.Value], OutputNames);
        try
        {
            // Read where ONNX Runtime wrote them (16 MB for a 1024x768 pass), not copied: the output owns the results
            // and frees them after the views.
            var loc = OrtTensors.View(results[0]);
            var conf = OrtTensors.View(results[1]);
            var sizes = results[2].GetTensorDataAsSpan<long>().ToArray();
            var featureSizes = Enumerable.Range(0, sizes.Length / 2).Select(k => ((int)sizes[2 * k], (int)sizes[(2 * k) + 1])).ToList();
            return new SsdOutput(loc.MoveToOuterDisposeScope(), conf.MoveToOuterDisposeScope(), featureSizes) { Memory = results };
        }
        catch
        {
            results.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

}
