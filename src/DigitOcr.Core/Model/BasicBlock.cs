using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// torchvision's ResNet <c>BasicBlock</c> (expansion 1): conv3x3 -> bn -> relu -> conv3x3 -> bn, plus the identity
/// or <c>downsample</c> (conv1x1 + bn, as <c>downsample.0</c>/<c>downsample.1</c>), then relu.
/// </summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    public BasicBlock(int inPlanes, int planes, int stride = 1)
    {
        conv1 = register_module(nameof(conv1), new Conv2d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false));
        bn1 = register_module(nameof(bn1), new BatchNorm2d(planes));
        conv2 = register_module(nameof(conv2), new Conv2d(planes, planes, 3, padding: 1, bias: false));
        bn2 = register_module(nameof(bn2), new BatchNorm2d(planes));
        if (stride != 1 || inPlanes != planes)
        {
            downsample = register_module(nameof(downsample), new Sequential(
                new Conv2d(inPlanes, planes, 1, stride: stride, bias: false),
                new BatchNorm2d(planes)));
        }
    }

    public Conv2d conv1 { get; }

    public BatchNorm2d bn1 { get; }

    public Conv2d conv2 { get; }

    public BatchNorm2d bn2 { get; }

    public Sequential? downsample { get; }

    public override Tensor forward(Tensor input)
    {
        using var a = conv1.forward(input);
        using var b = bn1.forward(a);
        b.relu_();
        using var c = conv2.forward(b);
        using var d = bn2.forward(c);
        using var identity = downsample?.forward(input);
        d.add_(identity ?? input);
        return d.relu_().alias();
    }
}
