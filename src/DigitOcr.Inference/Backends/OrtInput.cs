using DigitOcr.Torch;
using Microsoft.ML.OnnxRuntime;
using TensorElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace DigitOcr.Inference.Backends;

/// <summary>An ONNX Runtime value and the libtorch memory it reads, which it owns and frees after the value.</summary>
internal sealed class OrtInput : IDisposable
{
    private readonly Tensor memory;

    public OrtInput(Tensor tensor)
    {
        using (torch.NewDisposeScope())
        {
            memory = tensor.to(ScalarType.Float32).cpu().contiguous().DetachFromDisposeScope();
        }

        try
        {
            Value = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float, memory.shape,
                memory.data_ptr(), memory.numel() * sizeof(float));
        }
        catch
        {
            memory.Dispose();
            throw;
        }
    }

    public OrtValue Value { get; }

    public void Dispose()
    {
        Value.Dispose();
        memory.Dispose();
    }
}
