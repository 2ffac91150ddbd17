using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Onnx;
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
    /// <param name="ranges">The model file's calibrated activation ranges: int8 precision needs them.</param>
    /// <param name="source">The model file, named when int8 is asked of a model without ranges.</param>
    public static IDetectorNetwork Create(SsdDetector model, ModelConfig config, DetectorOptions options, IReadOnlyDictionary<string, ActivationRange>? ranges = null, string? source = null)
    {
        BatchNormFolding.Fold(model);
        switch (options.EffectiveBackend)
        {
            case DetectorBackend.OnnxRuntime when options.Precision == InferencePrecision.Int8:
                using (model)
                {
                    var calibrated = ranges ?? throw new InvalidDataException(
                        $"'{source ?? "the model"}' has no calibrated activation ranges, which int8 needs: write it again with the trainer's export (it calibrates), or keep float32");
                    return OnnxRuntimeNetwork.FromBytes(DetectorOnnxExporter.ExportInt8(model, config, calibrated), torch.get_num_threads());
                }

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
