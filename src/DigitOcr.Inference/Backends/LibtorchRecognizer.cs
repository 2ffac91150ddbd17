using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// The recognizer on libtorch, on <paramref name="device"/>: <paramref name="model"/> (batch norm folded, in evaluation
/// mode) is borrowed from the <see cref="RecognizerEnsemble"/> that owns it.
/// </summary>
internal sealed class LibtorchRecognizer(DigitRecognizer model, Device device) : IRecognizerNetwork
{
    public Tensor Forward(Tensor crops)
    {
        using var scope = torch.NewDisposeScope();
        using var inference = torch.inference_mode();
        return model.forward(crops.to(device)).cpu().MoveToOuterDisposeScope();
    }

    /// <summary>Nothing to free: the ensemble that lent the model disposes it.</summary>
    public void Dispose()
    {
    }
}
