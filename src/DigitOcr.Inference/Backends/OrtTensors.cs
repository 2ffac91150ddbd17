using DigitOcr.Torch;
using Microsoft.ML.OnnxRuntime;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// Tensors across the libtorch / ONNX Runtime boundary. ONNX Runtime reads an input in libtorch's own memory: a page's
/// input is megabytes, and a fresh managed copy of it cost milliseconds of page faults on every call. Outputs cross
/// back by one native copy (<see cref="Output"/>), or are read where they lie (<see cref="View"/>).
/// </summary>
internal static class OrtTensors
{
    /// <summary>An ONNX Runtime input over a float32, contiguous CPU copy (or view) of <paramref name="tensor"/>'s values.</summary>
    public static OrtInput Input(Tensor tensor) => new(tensor);

    /// <summary>A new libtorch tensor holding a float32 output's values.</summary>
    public static Tensor Output(OrtValue value) =>
        torch.tensor(value.GetTensorDataAsSpan<float>(), value.GetTensorTypeAndShape().Shape);

    /// <summary>
    /// A libtorch tensor over a float32 output's own memory, not a copy (<see cref="torch.from_blob"/>): the output
    /// must outlive it and every view of it.
    /// </summary>
    public static unsafe Tensor View(OrtValue value)
    {
        fixed (float* data = value.GetTensorMutableDataAsSpan<float>())
        {
            // ONNX Runtime's memory is native: the address stays valid after the fixed block, for as long as the value lives.
            return torch.from_blob((IntPtr)data, value.GetTensorTypeAndShape().Shape, ScalarType.Float32);
        }
    }
}
