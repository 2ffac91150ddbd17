using System.Text.Json;
using System.Text.Json.Serialization;
using DigitOcr.Data.Sources;
using DigitOcr.Training;

namespace DigitOcr.Config;

/// <summary>
/// One detector configuration (<c>configs/*.json</c>): the model, its input size, priors, matcher, loss and
/// post-processing, each an immutable options record handed to the component that uses it. Validated once, on load.
/// </summary>
public sealed record DetectorConfig
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string Name { get; init; } = "resnet18-ssd";

    /// <summary>Training input size in pixels (square).</summary>
    public int InputSize { get; init; } = 224;

    public ModelOptions Model { get; init; } = new();

    public PriorOptions Priors { get; init; } = new();

    public MatcherOptions Matcher { get; init; } = new();

    public LossOptions Loss { get; init; } = new();

    public PostprocessOptions Postprocess { get; init; } = new();

    public TrainingOptions Training { get; init; } = new();

    /// <summary>The data the trainer draws (preset, seed, page and loader options); crops are made at <see cref="InputSize"/>.</summary>
    public DataOptions Data { get; init; } = new();

    /// <summary>Reads and validates a config file; errors name the file and every problem found.</summary>
    public static DetectorConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"config file '{path}' does not exist (the shipped ones are in configs/)", path);
        }

        DetectorConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<DetectorConfig>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"config '{path}' is not valid: {e.Message}", e);
        }

        return (config ?? throw new InvalidDataException($"config '{path}' is empty")).Validated(path);
    }

    public static DetectorConfig FromJson(string json, string sourceName = "config") =>
        (JsonSerializer.Deserialize<DetectorConfig>(json, JsonOptions)
            ?? throw new InvalidDataException($"{sourceName} is empty")).Validated(sourceName);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Returns this config if it is consistent, else throws listing every problem.</summary>
    public DetectorConfig Validated(string sourceName = "config")
    {
        var problems = Model.Validate().Concat(Priors.Validate()).Concat(Matcher.Validate())
            .Concat(Loss.Validate()).Concat(Postprocess.Validate()).Concat(Training.Validate()).ToList();
        try
        {
            Data.Validate();
        }
        catch (ArgumentException e)
        {
            problems.Add("data: " + e.Message);
        }

        if (InputSize < 32)
        {
            problems.Add($"inputSize must be at least 32, got {InputSize}");
        }

        if (Priors.Steps.Count != 4)
        {
            problems.Add($"priors need 4 levels (the FPN's outputs at strides 32, 16, 8, 4), got {Priors.Steps.Count}");
        }

        for (var k = 0; k < Priors.AspectRatios.Count; k++)
        {
            if (Priors.AnchorsPerCell(k) != Model.AnchorsPerCell)
            {
                problems.Add($"priors level {k} makes {Priors.AnchorsPerCell(k)} anchors per cell but model.anchorsPerCell is {Model.AnchorsPerCell}");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{sourceName} has {problems.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));
        }

        return this;
    }
}
