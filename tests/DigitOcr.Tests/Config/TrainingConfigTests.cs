using DigitOcr.Training;
using DigitOcr.Config;
using DigitOcr.Data.Sources;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Config;

public class TrainingConfigTests
{
    [Theory]
    [InlineData("resnet18-ssd")]
    [InlineData("lite")]
    [InlineData("finetune")]
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

    [Theory]
    [InlineData("resnet18-ssd", DataPreset.Reference)]
    [InlineData("lite", DataPreset.Pages)]
    public void ShippedConfigs_NameTheirPresetInCamelCase(string name, DataPreset preset)
    {
        Assert.Equal(preset, TestConfigs.Load(name).Data.Preset);
    }

    [Fact]
    public void ThreeBadDataFields_AreThreeProblems()
    {
        var error = Assert.Throws<InvalidDataException>(() => TrainingConfig.FromJson("""
            { "data": { "evaluationSamples": 0, "reference": { "invertProbability": 2 }, "pages": { "surface": { "ruledProbability": -1 } } } }
            """, "test.json"));

        Assert.Contains("test.json has 3 problem(s)", error.Message);
        Assert.Contains("data.evaluationSamples", error.Message);
        Assert.Contains("data.reference.invertProbability", error.Message);
        Assert.Contains("data.pages.surface.ruledProbability", error.Message);
    }

    public static TheoryData<string, string> NewlyCheckedTrainingFields => new()
    {
        { """ "momentum": 1 """, "training.momentum must be in [0, 1)" },
        { """ "momentum": -0.1 """, "training.momentum" },
        { """ "weightDecay": -1e-4 """, "training.weightDecay must be finite and >= 0" },
        { """ "gamma": 0 """, "training.gamma must be in (0, 1]" },
        { """ "gamma": 1.5 """, "training.gamma" },
        { """ "checkpointMinutes": 0 """, "training.checkpointMinutes must be finite and > 0" },
        { """ "milestones": [0, 10] """, "training.milestones must be epoch numbers >= 1" },
        { """ "device": "gpu" """, "training.device must be cpu, cuda or cuda:N" },
        { """ "optimizer": 7 """, "training.optimizer must be one of: sgd, adamW" },
        { """ "schedule": 9 """, "training.schedule must be one of" },
        { """ "precision": 9 """, "training.precision must be one of" },
        { """ "batchSize": 0 """, "training.batchSize must be >= 1" },
        { """ "patience": -1 """, "training.patience must be >= 0" },
    };

    [Theory]
    [MemberData(nameof(NewlyCheckedTrainingFields))]
    public void TrainingField_OutOfRange_IsRejectedWithItsName(string field, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => TrainingConfig.FromJson($$"""{ "training": { {{field}} } }"""));

        Assert.Contains("1 problem(s)", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void UnknownSetting_IsRejected()
    {
        Assert.ThrowsAny<Exception>(() => TrainingConfig.FromJson("""{ "inputSise": 224 }"""));
    }
}
