using System.Text.Json;
using DigitOcr.Config;
using DigitOcr.Data.Sources;
using DigitOcr.Loss;
using DigitOcr.Matching;

namespace DigitOcr.Training;

/// <summary>
/// One training configuration (<c>configs/*.json</c>): the model half (<see cref="ModelConfig"/>: architecture, priors,
/// post-processing) plus the training input size, matcher, loss, recipe and data, each an immutable options record
/// handed to the component that uses it. Validated once, on load.
/// </summary>
public sealed record TrainingConfig
{
    public static JsonSerializerOptions JsonOptions => ModelConfig.JsonOptions;

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
    public static TrainingConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"config file '{path}' does not exist (the shipped ones are in configs/)", path);
        }

        TrainingConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<TrainingConfig>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"config '{path}' is not valid: {Describe(e)}{DataPresets.HintFor(e)}", e);
        }

        return (config ?? throw new InvalidDataException($"config '{path}' is empty")).Validated(path);
    }

    /// <summary>A JSON error as a user can act on it: an unknown key by name and where it is, else the reader's message.</summary>
    private static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $"line {line + 1}" : "the file";
        var unknown = System.Text.RegularExpressions.Regex.Match(e.Message, "^The JSON property '(?<name>.+?)' could not be mapped");
        if (unknown.Success)
        {
            var name = unknown.Groups["name"].Value;
            var parent = (e.Path ?? "$").TrimStart('$', '.');
            parent = parent.EndsWith(name, StringComparison.Ordinal) ? parent[..^name.Length].TrimEnd('.') : parent;
            var section = parent.Length == 0 ? "at the top level" : $"in '{parent}'";
            return $"unknown key '{name}' {section} ({where}); check its spelling against configs/resnet18-ssd.json";
        }

        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return $"{(cut > 0 ? message[..cut] : message)} ({where})";
    }

    public static TrainingConfig FromJson(string json, string sourceName = "config") =>
        (JsonSerializer.Deserialize<TrainingConfig>(json, JsonOptions)
            ?? throw new InvalidDataException($"{sourceName} is empty")).Validated(sourceName);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The part a detector needs, as a model file carries it.</summary>
    public ModelConfig ModelConfig => new() { Name = Name, Model = Model, Priors = Priors, Postprocess = Postprocess };

    /// <summary>Every problem of every section, each naming its field (with its section) and the allowed range.</summary>
    public IEnumerable<string> Validate() =>
        ModelConfig.Validate()
            .Concat(Matcher.Validate())
            .Concat(Loss.Validate())
            .Concat(Training.Validate())
            .Concat(Data.Validate().Within(nameof(Data)))
            .Concat(OptionChecks.Problems(OptionChecks.AtLeast(InputSize, 32, nameof(InputSize))));

    /// <summary>Returns this config if it is consistent, else throws listing every problem.</summary>
    public TrainingConfig Validated(string sourceName = "config")
    {
        ConfigProblems.ThrowIfAny(Validate().ToList(), sourceName);
        return this;
    }
}
