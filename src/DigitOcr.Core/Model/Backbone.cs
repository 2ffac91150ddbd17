using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// The seam for the detector's feature extractor (as torchvision's detectors take any backbone with
/// <c>out_channels</c>): a module from a <c>[B, C, H, W]</c> image to four feature maps at strides 4, 8, 16 and 32
/// (finest first), whose channel counts are <see cref="OutChannels"/>. The FPN and the SSD head are built on them.
/// A new backbone is one class plus a name in <see cref="Backbones"/>.
/// </summary>
public abstract class Backbone : Module<Tensor, IReadOnlyList<Tensor>>
{
    /// <summary>Channels of the four outputs, finest (stride 4) first.</summary>
    public abstract IReadOnlyList<int> OutChannels { get; }
}
