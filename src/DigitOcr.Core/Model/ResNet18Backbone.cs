using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// torchvision's ResNet18 without avgpool/fc, with a <c>inputChannels</c>-channel stem
/// (<c>Conv2d(inputChannels, w0, 7, stride 2, padding 3, bias=False)</c>). Returns the four stage outputs:
/// w0 channels at 1/4 of the input, w1 at 1/8, w2 at 1/16, w3 at 1/32 (w = the configured widths).
/// </summary>
public sealed class ResNet18Backbone : Backbone
{
    private readonly MaxPool2d maxpool = new(3, stride: 2, padding: 1);

    public ResNet18Backbone(int inputChannels, IReadOnlyList<int> widths)
    {
        OutChannels = [.. widths];
        conv1 = register_module(nameof(conv1), new Conv2d(inputChannels, widths[0], 7, stride: 2, padding: 3, bias: false));
        bn1 = register_module(nameof(bn1), new BatchNorm2d(widths[0]));
        layer1 = register_module(nameof(layer1), Stage(widths[0], widths[0], stride: 1));
        layer2 = register_module(nameof(layer2), Stage(widths[0], widths[1], stride: 2));
        layer3 = register_module(nameof(layer3), Stage(widths[1], widths[2], stride: 2));
        layer4 = register_module(nameof(layer4), Stage(widths[2], widths[3], stride: 2));
    }

    public override IReadOnlyList<int> OutChannels { get; }

    public Conv2d conv1 { get; }

    public BatchNorm2d bn1 { get; }

    /// <summary>The stem's max pooling (it has no weights, so it is not in the state dict).</summary>
    public MaxPool2d MaxPool => maxpool;

    public Sequential layer1 { get; }

    public Sequential layer2 { get; }

    public Sequential layer3 { get; }

    public Sequential layer4 { get; }

    /// <summary>Stage outputs [1/4, 1/8, 1/16, 1/32], each owned by the caller.</summary>
    public override IReadOnlyList<Tensor> forward(Tensor input)
    {
        Tensor c1;
        using (var stem = conv1.forward(input))
        using (var normalized = bn1.forward(stem))
        {
            normalized.relu_();
            using var pooled = maxpool.forward(normalized);
            c1 = layer1.forward(pooled);
        }

        var c2 = layer2.forward(c1);
        var c3 = layer3.forward(c2);
        var c4 = layer4.forward(c3);
        return [c1, c2, c3, c4];
    }

    private static Sequential Stage(int inPlanes, int planes, int stride) =>
        new(new BasicBlock(inPlanes, planes, stride), new BasicBlock(planes, planes));
}
