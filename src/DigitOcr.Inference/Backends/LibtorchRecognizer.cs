using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Inference.Backends;

/// <summary>The recognizer on libtorch, on <paramref name="device"/>. Owns <paramref name="model"/> (batch norm folded, in evaluation mode).</summary>
internal sealed class LibtorchRecognizer(DigitRecognizer model, Device device) : IRecognizerNetwork
{
    public Tensor Forward(Tensor crops)
    {
        using var scope = torch.NewDisposeScope();
        using var inference = torch.inference_mode();
        return model.forward(crops.to(device)).cpu().MoveToOuterDisposeScope();
    }

    public void Dispose() => model.Dispose();
}
