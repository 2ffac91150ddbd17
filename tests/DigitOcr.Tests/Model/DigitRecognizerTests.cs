using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Model;

public sealed class DigitRecognizerTests
{
    [Fact]
    public void OneLastStageConv_KeepsTheParameterNamesOfTheFirstRecognizers()
    {
        using var model = new DigitRecognizer(new RecognizerConfig());

        var names = model.named_parameters().Select(p => p.Name).Where(n => n.StartsWith("stage3.", StringComparison.Ordinal)).ToList();

        Assert.Equal(["stage3.0.weight", "stage3.1.weight", "stage3.1.bias"], names);
    }

    [Fact]
    public void TwoLastStageConvs_AddAWidthByWidthConv_AndStillGiveElevenLogits()
    {
        using var model = new DigitRecognizer(new RecognizerConfig { Widths = [8, 16, 32], LastStageConvs = 2 });
        model.eval();

        var second = model.named_parameters().Single(p => p.Name == "stage3.3.weight").Parameter;
        using var crops = torch.randn([3, 1, 32, 32]);
        using var logits = model.forward(crops);

        Assert.Equal([32L, 32, 3, 3], second.shape);
        Assert.Equal([3L, RecognizerConfig.Classes], logits.shape);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void LastStageConvsOutsideOneToTwo_IsRefusedByName(int convs)
    {
        var problems = new RecognizerConfig { LastStageConvs = convs }.Validate().ToList();

        Assert.Equal($"lastStageConvs must be 1 or 2, got {convs}", Assert.Single(problems));
    }
}
