using DigitOcr.Torch;
using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Priors;

namespace DigitOcr.Tests.Priors;

public class PriorBoxGeneratorTests
{
    private static readonly PriorBoxGenerator Generator = new(new PriorOptions());

    // The head's levels for a 224 x 224 input, coarsest first (strides 32, 16, 8, 4).
    private static readonly (int Height, int Width)[] Sizes224 = [(7, 7), (14, 14), (28, 28), (56, 56)];

    [Fact]
    public void Reference224_Has16660Priors()
    {
        var sizes = Sizes224;
        Assert.Equal(16_660, Generator.Count(sizes));
        Assert.Equal(16_660 * 4, Generator.Generate(sizes, 224, 224).Length);
    }

    [Fact]
    public void FirstCell_HasTheFourHandComputedBoxes()
    {
        var priors = Generator.Generate(Sizes224, 224, 224);
        // Level 0: step 32, min 99, max 153. Centre (0.5 * 32) / 224.
        var c = 16f / 224;
        var s = 99f / 224;
        var big = (float)Math.Sqrt(99.0 * 153.0) / 224;
        var r = (float)Math.Sqrt(2);
        float[] expected = [c, c, s, s, c, c, big, big, c, c, s * r, s / r, c, c, s / r, s * r];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], priors[i], 1e-6);
        }
    }

    [Fact]
    public void CellsAreRowMajor_AndLevelsGoCoarseToFine()
    {
        var priors = Generator.Generate(Sizes224, 224, 224);
        // Second cell of level 0 is column 1 of row 0: cx = 1.5 * 32 / 224, cy unchanged.
        Assert.Equal(48f / 224, priors[16], 1e-6);
        Assert.Equal(16f / 224, priors[17], 1e-6);
        // First prior of level 1 (after 7 * 7 * 4 level-0 priors): step 16, min size 45.
        Assert.Equal(8f / 224, priors[7 * 7 * 4 * 4], 1e-6);
        Assert.Equal(45f / 224, priors[(7 * 7 * 4 * 4) + 2], 1e-6);
    }

    [Fact]
    public void AnyInputSize_KeepsAnchorsInPixels()
    {
        // A 448 x 320 input: maps follow the backbone, anchors keep 9..153 px.
        (int, int)[] sizes = [(10, 14), (20, 28), (40, 56), (80, 112)];
        var priors = Generator.Generate(sizes, 320, 448);
        Assert.Equal(99f / 448, priors[2], 1e-6);
        Assert.Equal(99f / 320, priors[3], 1e-6);
        Assert.Equal(16f / 448, priors[0], 1e-6);
    }

    [Theory]
    [InlineData(224, 7)]
    [InlineData(230, 8)]
    [InlineData(64, 2)]
    [InlineData(33, 2)]
    public void ModelFeatureSizes_FollowTheStrides(int size, int coarsest)
    {
        // Stem conv, max-pool and each stride-2 stage map n to floor((n - 1) / 2) + 1.
        using var model = new SsdDetector(new ModelOptions { Widths = [4, 8, 8, 8] });
        var sizes = model.FeatureSizes(size, size);
        Assert.Equal(coarsest, sizes[0].Height);
        Assert.Equal(4, sizes.Count);
    }

    [Fact]
    public void ModelFeatureSizes_LeaveBatchNormStatisticsAndModeUntouched()
    {
        // Regression: measuring the sizes with a training-mode forward moved running means, so a resumed run diverged.
        using var model = new SsdDetector(new ModelOptions { Widths = [4, 8, 8, 8] });
        model.train();
        Dictionary<string, double[]> Values()
        {
            using var state = model.state_dict();
            return state.ToDictionary(kv => kv.Key, kv => { using var d = kv.Value.to(ScalarType.Float64); return d.data<double>(); });
        }

        var before = Values();
        model.FeatureSizes(64, 64);
        Assert.True(model.training);
        foreach (var (name, values) in Values())
        {
            Assert.Equal(before[name], values);
        }
    }
}
