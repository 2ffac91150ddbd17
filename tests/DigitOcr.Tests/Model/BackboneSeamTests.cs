using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Tests.Model;

/// <summary>The SSD is built on any <see cref="Backbone"/>: here a second, tiny one of four strided convolutions.</summary>
public class BackboneSeamTests
{
    /// <summary>Four 3x3 stride-2 convolutions after a stride-2 stem: maps at strides 4, 8, 16 and 32.</summary>
    private sealed class TinyBackbone : Backbone
    {
        public TinyBackbone()
        {
            stem = register_module(nameof(stem), new Conv2d(1, 4, 3, stride: 2, padding: 1));
            c1 = register_module(nameof(c1), new Conv2d(4, 4, 3, stride: 2, padding: 1));
            c2 = register_module(nameof(c2), new Conv2d(4, 8, 3, stride: 2, padding: 1));
            c3 = register_module(nameof(c3), new Conv2d(8, 8, 3, stride: 2, padding: 1));
            c4 = register_module(nameof(c4), new Conv2d(8, 12, 3, stride: 2, padding: 1));
        }

        public override IReadOnlyList<int> OutChannels => [4, 8, 8, 12];

        public Conv2d stem { get; }

        public Conv2d c1 { get; }

        public Conv2d c2 { get; }

        public Conv2d c3 { get; }

        public Conv2d c4 { get; }

        public override IReadOnlyList<Tensor> forward(Tensor input)
        {
            using var s = stem.forward(input);
            var a = c1.forward(s);
            var b = c2.forward(a);
            var c = c3.forward(b);
            return [a, b, c, c4.forward(c)];
        }
    }

    [Fact]
    public void Ssd_OnASecondBackbone_GivesOneOutputPerPrior()
    {
        var options = new ModelOptions();
        using var model = new SsdDetector(options, new TinyBackbone());
        model.eval();
        using var scope = torch.NewDisposeScope();
        using var output = model.forward(torch.zeros([2, 1, 64, 96]));

        // Levels at strides 32, 16, 8, 4 of 64 x 96: 2x3, 4x6, 8x12, 16x24 cells, 4 anchors each.
        Assert.Equal([(2, 3), (4, 6), (8, 12), (16, 24)], output.FeatureSizes);
        var priors = 4 * ((2 * 3) + (4 * 6) + (8 * 12) + (16 * 24));
        Assert.Equal([2, priors, 4], output.Loc.shape);
        Assert.Equal([2, priors, options.NumClasses], output.Conf.shape);
        Assert.Contains(model.named_parameters(), p => p.Name == "backbone.c4.weight");
    }

    [Fact]
    public void Ssd_RefusesABackboneWithoutFourLevels()
    {
        Assert.Throws<ArgumentException>(() => new SsdDetector(new ModelOptions(), new ThreeLevels()));
    }

    private sealed class ThreeLevels : Backbone
    {
        public override IReadOnlyList<int> OutChannels => [4, 8, 8];

        public override IReadOnlyList<Tensor> forward(Tensor input) => throw new InvalidOperationException("never run");
    }
}
