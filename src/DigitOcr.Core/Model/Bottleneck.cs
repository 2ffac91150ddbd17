using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// torchvision's <c>Bottleneck</c> (expansion 4) as the reference's FPN decoder uses it: conv1x1 -> bn -> relu ->
/// conv3x3 -> bn -> relu -> conv1x1 -> bn, plus the identity or <c>downsample</c> — here a bare 1x1 convolution
/// without bias or batch norm — then relu. Output channels: planes * 4.
/// </summary>
public sealed class Bottleneck : Module<Tensor, Tensor>
{
    public const int Expansion = 4;

    public Bottleneck(int inPlanes, int planes, Conv2d? downsample = null)
    {
        conv1 = register_module(nameof(conv1), new Conv2d(inPlanes, planes, 1, bias: false));
        bn1 = register_module(nameof(bn1), new BatchNorm2d(planes));
        conv2 = register_module(nameof(conv2), new Conv2d(planes, planes, 3, padding: 1, bias: false));
        bn2 = register_module(nameof(bn2), new BatchNorm2d(planes));
        conv3 = register_module(nameof(conv3), new Conv2d(planes, planes * Expansion, 1, bias: false));
        bn3 = register_module(nameof(bn3), new BatchNorm2d(planes * Expansion));
        if (downsample is not null)
        {
            this.downsample = register_module(nameof(downsample), downsample);
        }
        else if (inPlanes != planes * Expansion)
        {
            throw new ArgumentException($"a Bottleneck from {inPlanes} to {planes * Expansion} channels needs a downsample");
        }
    }

    public Conv2d conv1 { get; }

    public BatchNorm2d bn1 { get; }

    public Conv2d conv2 { get; }

    public BatchNorm2d bn2 { get; }

    public Conv2d conv3 { get; }

    public BatchNorm2d bn3 { get; }

    public Conv2d? downsample { get; }

    public override Tensor forward(Tensor input)
    {
        using var a = conv1.forward(input);
        using var b = bn1.forward(a);
        b.relu_();
        using var c = conv2.forward(b);
        using var d = bn2.forward(c);
        d.relu_();
        using var e = conv3.forward(d);
        using var f = bn3.forward(e);
        using var identity = downsample?.forward(input);
        f.add_(identity ?? input);
        return f.relu_().alias();
    }
}
