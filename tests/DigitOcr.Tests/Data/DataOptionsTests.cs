using DigitOcr.Data.Pages;
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

        Assert.Equal(DataPreset.Reference, options.Preset);
        Assert.Equal(42, options.Seed);
        Assert.Equal((160, 224), (options.Pages.Crop.Width, options.Pages.Crop.Height));
        Assert.Equal((20.0, 80.0), (options.Pages.Layout.DigitHeight.Min, options.Pages.Layout.DigitHeight.Max));
        Assert.Equal(8, options.Loader.BatchSize);
        Assert.Equal(new DataOptions().Reference, options.Reference);
    }

    [Fact]
    public void ToJson_ThenFromJson_RoundTrips()
    {
        var options = new DataOptions { Seed = 9, Preset = DataPreset.Reference };

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

        Assert.Contains("reference.invertProbability must be in [0, 1], got 1.5", error.Message);
    }

    [Fact]
    public void FromJson_SeveralOutOfRangeValues_ListsEveryOne()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataOptions.FromJson("""
            { "pages": { "layout": { "digitHeight": { "min": 50, "max": 10 } }, "crop": { "width": 8 } }, "loader": { "prefetch": 0 } }
            """, "my.json"));

        Assert.Contains("my.json has 3 problem(s)", error.Message);
        Assert.Contains("pages.layout.digitHeight", error.Message);
        Assert.Contains("pages.crop.width must be >= 16, got 8", error.Message);
        Assert.Contains("loader.prefetch must be >= 1, got 0", error.Message);
    }

    [Fact]
    public void FromJson_PitchJitterNearZero_IsRejected_RowsWouldNeverAdvance()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataOptions.FromJson("""{ "pages": { "layout": { "pitchJitter": { "min": 0, "max": 1 } } } }"""));

        Assert.Contains("pages.layout.pitchJitter must be a finite range with min <= max inside [0.5, 4], got [0, 1]", error.Message);
    }

    [Fact]
    public void Component_GivenBadOptions_ThrowsArgumentExceptionListingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new CropCutter(new CropOptions { Width = 1, CropsPerPage = 0 }));

        Assert.Contains("2 problem(s)", error.Message);
        Assert.Contains("width", error.Message);
        Assert.Contains("cropsPerPage", error.Message);
    }

    [Fact]
    public void FromJson_UnknownPreset_ListsTheKnownOnes()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataOptions.FromJson("""{ "preset": "digits" }"""));

        Assert.Contains("reference", error.Message);
        Assert.Contains("pages", error.Message);
    }

    [Fact]
    public void ToJson_WritesThePresetByItsName()
    {
        Assert.Contains("\"preset\": \"reference\"", new DataOptions { Preset = DataPreset.Reference }.ToJson());
        Assert.Equal(["pages", "reference"], DataPresets.All.Select(p => p.Name()));
    }

    [Fact]
    public void FromJson_PresetNumberNamingNoPreset_IsAProblem()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataOptions.FromJson("""{ "preset": 7 }"""));

        Assert.Contains("preset must be one of: pages, reference, got 7", error.Message);
    }
}
