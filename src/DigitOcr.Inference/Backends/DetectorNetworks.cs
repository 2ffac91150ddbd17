using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Inference.Backends;

/// <summary>The network of the backend <see cref="DetectorOptions.EffectiveBackend"/> names, for a loaded model.</summary>
internal static class DetectorNetworks
{
    /// <summary>
    /// Takes ownership of <paramref name="model"/> (an ONNX Runtime network copies its weights and disposes it). Batch
    /// norm is folded into the convolutions first (<see cref="BatchNormFolding"/>), for either engine: libtorch then
    /// runs the folded convolutions, and ONNX Runtime is given them (it would fold an unfolded graph itself).
    /// </summary>
    public static IDetectorNetwork Create(SsdDetector model, ModelConfig config, DetectorOptions options)
    {
        BatchNormFolding.Fold(model);
        switch (options.EffectiveBackend)
        {
            case DetectorBackend.OnnxRuntime:
                using (model)
                {
                    return OnnxRuntimeNetwork.Create(model, config, torch.get_num_threads());
                }

            default:
                return new LibtorchNetwork(model, Device.Parse(options.Device), options.ChannelsLast, options.Precision);
        }
    }
}
