using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Inference.Backends;

/// <summary>The network on libtorch: the model on its device, in evaluation mode, fed in its memory format.</summary>
internal sealed class LibtorchNetwork : IDetectorNetwork
{
    private readonly SsdDetector model;
    private readonly Device device;
    private readonly MemoryFormat format;

    /// <summary>Takes ownership of <paramref name="model"/>.</summary>
    public LibtorchNetwork(SsdDetector model, Device device, bool channelsLast)
    {
        this.model = model;
        this.device = device;
        format = channelsLast ? MemoryFormat.ChannelsLast : MemoryFormat.Contiguous;
        model.to(device);
        model.to(format);
        model.eval();
    }

    public SsdOutput Forward(Tensor input)
    {
        using var placed = input.to(device);
        using var arranged = placed.contiguous(format);
        return model.forward(arranged);
    }

    public void Dispose() => model.Dispose();
}
