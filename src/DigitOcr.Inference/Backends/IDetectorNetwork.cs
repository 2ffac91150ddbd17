using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// The detector's network on one engine: a batch of preprocessed inputs <c>[B, C, H, W]</c> (float32, CPU,
/// normalised, padded) in, the raw SSD outputs out (<see cref="SsdOutput"/>, owned by the caller, on the device the
/// priors live on). Thread-safe. Owns its weights.
/// </summary>
internal interface IDetectorNetwork : IDisposable
{
    SsdOutput Forward(Tensor input);
}
