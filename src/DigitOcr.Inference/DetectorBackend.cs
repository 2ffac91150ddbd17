namespace DigitOcr.Inference;

/// <summary>
/// The engine that runs the detector's network (pre- and post-processing and the recognizer stay on libtorch). The
/// default (<see cref="DetectorOptions.Backend"/> null) is ONNX Runtime on the CPU and libtorch on CUDA.
/// </summary>
public enum DetectorBackend
{
    /// <summary>libtorch, through DigitOcr's binding: CPU or CUDA (<see cref="DetectorOptions.Device"/>).</summary>
    Libtorch,

    /// <summary>
    /// ONNX Runtime (CPU): the loaded weights, batch norm folded, exported to ONNX in memory
    /// (<see cref="DigitOcr.Onnx.DetectorOnnxExporter"/>) and run with as many intra-op threads as libtorch has (<c>torch.get_num_threads()</c> at load), idle threads
    /// sleeping rather than spinning. Same outputs as libtorch within 1e-4.
    /// </summary>
    OnnxRuntime,
}
