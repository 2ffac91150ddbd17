using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Inference.Backends;

/// <summary>
/// The network on libtorch: the model on its device, in evaluation mode, fed in its memory format, under bfloat16
/// autocast when asked (outputs returned in float32).
/// </summary>
internal sealed class LibtorchNetwork : IDetectorNetwork
{
    private readonly SsdDetector model;
    private readonly Device device;
    private readonly MemoryFormat format;
    private readonly bool bfloat16;

    /// <summary>Takes ownership of <paramref name="model"/>.</summary>
    public LibtorchNetwork(SsdDetector model, Device device, bool channelsLast, InferencePrecision precision)
    {
        this.model = model;
        this.device = device;
        bfloat16 = precision == InferencePrecision.BFloat16;
        format = channelsLast ? MemoryFormat.ChannelsLast : MemoryFormat.Contiguous;
        model.to(device);
        model.to(format);
        model.eval();
    }

    public SsdOutput Forward(Tensor input)
    {
        using var placed = input.to(device);
        using var arranged = placed.contiguous(format);
        if (!bfloat16)
        {
            return model.forward(arranged);
        }

        using (torch.autocast(device.Type, ScalarType.BFloat16))
        {
            using var output = model.forward(arranged);
            return new SsdOutput(output.Loc.to(ScalarType.Float32), output.Conf.to(ScalarType.Float32), output.FeatureSizes);
        }
    }

    public void Dispose() => model.Dispose();
}
