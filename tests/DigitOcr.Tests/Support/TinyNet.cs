using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Tests.Support;

/// <summary>The small network of golden/make_golden.py's TinyNet, with the same state-dict names.</summary>
public sealed class TinyNet : Module<Tensor, Tensor>
{
    public TinyNet()
    {
        features = register_module(nameof(features), new Sequential(
            new Conv2d(1, 4, 3, padding: 1),
            new BatchNorm2d(4),
            new ReLU(),
            new MaxPool2d(2),
            new Conv2d(4, 2, 3, bias: false)));
    }

    public Sequential features { get; }

    public override Tensor forward(Tensor input) => features.forward(input);
}
