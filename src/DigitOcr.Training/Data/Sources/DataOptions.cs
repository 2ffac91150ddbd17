using System.Text.Json;
using System.Text.Json.Serialization;
using DigitOcr.Config;
using DigitOcr.Data.Annotated;
using DigitOcr.Data.Augmentation.Reference;
using DigitOcr.Data.Loading;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Pages;
using DigitOcr.Training;

namespace DigitOcr.Data.Sources;

/// <summary>
/// Everything about the data, loadable from JSON (camelCase names; every field optional, defaults as below;
/// unknown names are errors so a typo cannot go unnoticed):
/// <code>
/// { "preset": "pages", "seed": 1, "pages": { "crop": { "width": 224, "height": 224 } }, "loader": { "batchSize": 16 } }
/// </code>
/// </summary>
public sealed record DataOptions
{
    /// <summary>Which preset: <see cref="DataPreset.Pages"/> (default) or <see cref="DataPreset.Reference"/>.</summary>
    public DataPreset Preset { get; init; } = DataPreset.Pages;

    /// <summary>The seed every sample derives from (with the split, epoch and index).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The data folder (holding <c>mnist/</c>); null: <c>DIGITOCR_DATA</c>, then a search upward (<see cref="DataFolder"/>).</summary>
    public string? DataFolder { get; init; }

    /// <summary>Fashion-MNIST's folder; null: Debian's install path (<see cref="MnistData.DebianFashionMnistFolder"/>).</summary>
    public string? FashionMnistFolder { get; init; }

    /// <summary>Crops in a <c>pages</c> validation or test set (the <c>reference</c> sets are MNIST's 10,000 test digits).</summary>
    public int EvaluationSamples { get; init; } = 2000;

    /// <summary>
    /// A folder of the user's own annotated images to fine-tune on (<see cref="AnnotatedFolder"/>; <c>train --data-dir</c>
    /// sets it); null: synthetic data only.
    /// </summary>
    public string? UserFolder { get; init; }

    /// <summary>With a <see cref="UserFolder"/>: the share of training images cut from the user's images; the rest are the preset's, so the model does not forget.</summary>
    public double UserFraction { get; init; } = 0.5;

    /// <summary>With a <see cref="UserFolder"/>: the share of its images held out, by image, for validation (<see cref="AnnotatedSplit"/>).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>How the user's images become training crops.</summary>
    public AnnotatedOptions User { get; init; } = new();

    public ReferenceOptions Reference { get; init; } = new();

    public PageOptions Pages { get; init; } = new();

    public LoaderOptions Loader { get; init; } = new();

    /// <summary>The JSON conventions of data option files.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Parses and validates <paramref name="json"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed, names an unknown option, or holds out-of-range values (all listed).</exception>
    public static DataOptions FromJson(string json, string sourceName = "data options")
    {
        ArgumentNullException.ThrowIfNull(json);
        DataOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<DataOptions>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName}: {e.Message}{DataPresets.HintFor(e)}", e);
        }

        if (options is null)
        {
            throw new InvalidDataException($"{sourceName}: expected a JSON object, got null.");
        }

        ConfigProblems.ThrowIfAny(options.Validate().ToList(), sourceName);
        return options;
    }

    /// <summary>Reads, parses and validates the JSON file at <paramref name="path"/>.</summary>
    public static DataOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The data options file '{path}' does not exist.", path);
        }

        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>These options as indented JSON (a complete file with every default written out).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Every value out of range, each naming its field (with its section) and the allowed range.</summary>
    public IEnumerable<string> Validate() =>
        OptionChecks.Problems(
                OptionChecks.Defined(Preset, nameof(Preset)),
                OptionChecks.AtLeast(EvaluationSamples, 1, nameof(EvaluationSamples)),
                OptionChecks.Probability(UserFraction, nameof(UserFraction)),
                // Holding out every image would leave nothing of the user's to train on.
                ValidationFraction is >= 0 and < 1 ? null : OptionChecks.Invariant($"validationFraction must be in [0, 1), got {ValidationFraction}"))
            .Concat(User.Validate().Within(nameof(User)))
            .Concat(Reference.Validate().Within(nameof(Reference)))
            .Concat(Pages.Validate().Within(nameof(Pages)))
            .Concat(Loader.Validate().Within(nameof(Loader)));
}
