using DigitOcr.Data.Pages;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Tests.Recognition;

/// <summary>
/// The page mix a recognizer harvests its crops from (<see cref="RecognizerDataOptions.Pages"/>): a config names only
/// what differs from the <c>pages</c> preset, and every other value stays the preset's.
/// </summary>
public sealed class RecognizerPageMixTests
{
    private static string Config(string name) => Path.Combine(AppContext.BaseDirectory, "configs", name + ".json");

    [Fact]
    public void ShippedRecognizerConfig_HarvestsFromThePagesPreset()
    {
        var config = RecognizerTrainingConfig.Load(Config("recognizer"));

        Assert.Null(config.Data.Pages);
    }

    [Fact]
    public void HardMixConfig_OverridesTheValuesItNames_AndKeepsThePresetsOthers()
    {
        var preset = new PageOptions();

        var pages = RecognizerTrainingConfig.Load(Config("recognizer-hard")).Data.Pages;

        Assert.NotNull(pages);
        Assert.Equal(0.06, pages.Surface.CrossedOutProbability);
        Assert.Equal(15, pages.Photo.MinContrast);
        Assert.Equal(-0.2, pages.Layout.DigitGap.Min);
        Assert.NotEqual(preset.Surface.CrossedOutProbability, pages.Surface.CrossedOutProbability);
        Assert.Equal(preset.Layout.DigitHeight, pages.Layout.DigitHeight);
        Assert.Equal(preset.Photo.BlurProbability, pages.Photo.BlurProbability);
        Assert.Equal(preset.Pen, pages.Pen);
    }

    [Fact]
    public void BadPageMixValue_IsRefusedByItsPathInTheConfig()
    {
        var options = new RecognizerDataOptions { Pages = new PageOptions { PerspectiveProbability = 1.5 } };

        var problems = options.Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("data.pages.perspectiveProbability", problem, StringComparison.Ordinal);
        Assert.Contains("1.5", problem, StringComparison.Ordinal);
    }
}
