using DigitOcr.Training;
using DigitOcr.Config;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Config;

public class TrainingConfigTests
{
    [Theory]
    [InlineData("resnet18-ssd")]
    [InlineData("lite")]
    public void ShippedConfigs_LoadAndValidate(string name)
    {
        var config = TestConfigs.Load(name);
        Assert.Equal(name, config.Name);
        Assert.Equal(224, config.InputSize);
    }

    [Fact]
    public void BadConfig_ListsEveryProblem()
    {
        var error = Assert.Throws<InvalidDataException>(() => TrainingConfig.FromJson(
            """{ "inputSize": 8, "model": { "widths": [64, 128, 256] }, "matcher": { "positiveIoU": 0.5, "neutralIoU": 0.7 } }""", "test.json"));
        Assert.Contains("test.json has 3 problem(s)", error.Message);
        Assert.Contains("model.widths", error.Message);
        Assert.Contains("neutralIoU", error.Message);
        Assert.Contains("inputSize", error.Message);
    }

    [Fact]
    public void UnknownSetting_IsRejected()
    {
        Assert.ThrowsAny<Exception>(() => TrainingConfig.FromJson("""{ "inputSise": 224 }"""));
    }
}
