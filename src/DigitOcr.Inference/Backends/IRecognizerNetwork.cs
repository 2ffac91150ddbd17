using DigitOcr.Torch;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// The recognizer's network on one engine: normalised crops <c>[N, 1, S, S]</c> (float32, CPU) in, logits
/// <c>[N, 11]</c> out (owned by the caller, on the CPU). Thread-safe. Owns its weights.
/// </summary>
internal interface IRecognizerNetwork : IDisposable
{
    Tensor Forward(Tensor crops);
}
