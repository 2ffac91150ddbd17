using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitOcr.Config;

/// <summary>
/// What a detector needs to run: its architecture, priors and post-processing — the model half of a training config
/// (<c>configs/*.json</c>), which a model file carries in its <c>meta.config</c> entry. Training-only sections of that
/// JSON (matcher, loss, training, data) are ignored here; the trainer reads them.
/// </summary>
public sealed record ModelConfig
{
    /// <summary>JSON as the config files write it: camelCase, comments and trailing commas allowed, enums as names.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    internal static readonly JsonSerializerOptions ModelSectionsOnly = new(JsonOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public string Name { get; init; } = "resnet18-ssd";

    public ModelOptions Model { get; init; } = new();

    public PriorOptions Priors { get; init; } = new();

    public PostprocessOptions Postprocess { get; init; } = new();

    /// <summary>Reads the model sections of a config JSON (other sections are skipped) and validates them.</summary>
    public static ModelConfig FromJson(string json, string sourceName = "config")
    {
        ModelConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ModelConfig>(json, ModelSectionsOnly);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName} is not a valid config: {e.Message}", e);
        }

        return (config ?? throw new InvalidDataException($"{sourceName} is empty")).Validated(sourceName);
    }

    /// <summary>Every problem of the model sections, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var problem in Model.Validate().Concat(Priors.Validate()).Concat(Postprocess.Validate()))
        {
            yield return problem;
        }

        if (Priors.Steps.Count != 4)
        {
            yield return $"priors need 4 levels (the FPN's outputs at strides 32, 16, 8, 4), got {Priors.Steps.Count}";
        }

        for (var k = 0; k < Priors.AspectRatios.Count; k++)
        {
            if (Priors.AnchorsPerCell(k) != Model.AnchorsPerCell)
            {
                yield return $"priors level {k} makes {Priors.AnchorsPerCell(k)} anchors per cell but model.anchorsPerCell is {Model.AnchorsPerCell}";
            }
        }
    }

    /// <summary>Returns this config if it is consistent, else throws listing every problem.</summary>
    public ModelConfig Validated(string sourceName = "config")
    {
        ConfigProblems.ThrowIfAny(Validate().ToList(), sourceName);
        return this;
    }
}
