using DigitOcr.Model;
using DigitOcr.Tests.Support;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Tests.Model;

public class ModelSummaryTests
{
    [Fact]
    public void ReferenceConfig_HasTheReferenceParameterAndPriorCounts()
    {
        var summary = ModelSummary.Measure(TestConfigs.Load("resnet18-ssd").ModelConfig, 224);
        Assert.Equal(11_170_240, summary.BackboneParameters);
        Assert.Equal(921_216, summary.NeckParameters);
        Assert.Equal(57_840, summary.HeadParameters);
        Assert.Equal(12_149_296, summary.TotalParameters);
        Assert.Equal(16_660, summary.Priors);
        Assert.Equal([(7, 7), (14, 14), (28, 28), (56, 56)], summary.FeatureSizes);
        // REFERENCE.md: 1.953 G multiply-adds per 224x224 image.
        Assert.InRange(summary.MultiplyAdds, 1_952_000_000, 1_954_000_000);
    }

    [Fact]
    public void LiteConfig_NeedsAtLeastFourTimesFewerMultiplyAdds()
    {
        var reference = ModelSummary.Measure(TestConfigs.Load("resnet18-ssd").ModelConfig, 224);
        var lite = ModelSummary.Measure(TestConfigs.Load("lite").ModelConfig, 224);
        Assert.True(reference.MultiplyAdds >= 4 * lite.MultiplyAdds, $"lite {lite.MultiplyAdds:N0} vs reference {reference.MultiplyAdds:N0}");
        Assert.Equal(reference.Priors, lite.Priors);
    }

    [Fact]
    public void StateDictNames_AreTheReferences()
    {
        using var model = new SsdDetector(TestConfigs.Golden.Model);
        using var state = model.state_dict();
        string[] expected =
        [
            "backbone.conv1.weight", "backbone.bn1.running_mean", "backbone.layer1.0.conv1.weight",
            "backbone.layer2.0.downsample.0.weight", "backbone.layer2.0.downsample.1.num_batches_tracked",
            "decoder.center.0.conv1.weight", "decoder.center.0.downsample.weight",
            "decoder.blocks.0.block1.conv1.weight", "decoder.blocks.0.block1.downsample.weight",
            "decoder.blocks.0.block2.bn3.running_var", "loc.0.weight", "conf.3.bias",
        ];
        foreach (var name in expected)
        {
            Assert.Contains(name, state.Keys);
        }

        // Same keys, same order as the PyTorch model of golden/make_ssd_golden.py.
        using var reference = TorchFile.Load(Golden.PathOf("ssd_state.pt"));
        Assert.Equal(reference.Keys, state.Keys);
    }
}
