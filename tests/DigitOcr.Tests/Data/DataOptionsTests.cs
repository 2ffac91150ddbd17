using DigitOcr.Data.Sources;

namespace DigitOcr.Tests.Data;

public class DataOptionsTests
{
    [Fact]
    public void FromJson_EmptyObject_GivesTheDefaults()
    {
        Assert.Equal(new DataOptions(), DataOptions.FromJson("{}"));
    }

    [Fact]
    public void FromJson_NestedValues_OverrideOnlyWhatTheyName()
    {
        var options = DataOptions.FromJson("""
            {
              // comments and trailing commas are fine
              "preset": "reference",
              "seed": 42,
              "pages": { "crop": { "width": 160 }, "layout": { "digitHeight": { "min": 20, "max": 80 } } },
              "loader": { "batchSize": 8, },
            }
            """);

        Assert.Equal(DataPresets.Reference, options.Preset);
        Assert.Equal(42, options.Seed);
        Assert.Equal((160, 224), (options.Pages.Crop.Width, options.Pages.Crop.Height));
        Assert.Equal((20.0, 80.0), (options.Pages.Layout.DigitHeight.Min, options.Pages.Layout.DigitHeight.Max));
        Assert.Equal(8, options.Loader.BatchSize);
        Assert.Equal(new DataOptions().Reference, options.Reference);
    }

    [Fact]
    public void ToJson_ThenFromJson_RoundTrips()
    {
        var options = new DataOptions { Seed = 9, Preset = DataPresets.Reference };

        Assert.Equal(options, DataOptions.FromJson(options.ToJson()));
    }

    [Fact]
    public void FromJson_UnknownOption_FailsNamingIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataOptions.FromJson("""{ "pages": { "crops": 3 } }""", "my.json"));

        Assert.Contains("crops", error.Message);
        Assert.Contains("my.json", error.Message);
    }

    [Fact]
    public void FromJson_OutOfRangeValue_FailsNamingTheOption()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataOptions.FromJson("""{ "reference": { "invertProbability": 1.5 } }"""));

        Assert.Contains("InvertProbability", error.Message);
    }

    [Fact]
    public void FromJson_UnknownPreset_ListsTheKnownOnes()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataOptions.FromJson("""{ "preset": "digits" }"""));

        Assert.Contains("reference", error.Message);
        Assert.Contains("pages", error.Message);
    }
}
