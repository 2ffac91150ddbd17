using System.Text.Json;

namespace DigitOcr.Config;

/// <summary>
/// The second-stage digit recognizer: a small CNN that reads one detected box, cropped square around the box's centre
/// with some context and scaled to <see cref="CropSize"/> pixels, into 11 classes — the digits 0-9 and
/// <see cref="NotADigit"/>. This is the model half of <c>configs/recognizer.json</c> (<c>"task": "recognizer"</c>),
/// as a recognizer's model file carries it in <c>meta.config</c>.
/// </summary>
public sealed record RecognizerConfig
{
    /// <summary>The <c>task</c> value that marks a recognizer config (detector configs have none, or "detector").</summary>
    public const string TaskName = "recognizer";

    /// <summary>The class index of "not a digit"; digits d are classes 0-9.</summary>
    public const int NotADigit = 10;

    public const int Classes = 11;

    /// <summary>The most networks an ensemble file holds (<see cref="Members"/>): each one adds its time to every page.</summary>
    public const int MaxMembers = 8;

    public string Task { get; init; } = TaskName;

    public string Name { get; init; } = "recognizer";

    /// <summary>Side of the square crop the network reads, in pixels.</summary>
    public int CropSize { get; init; } = 32;

    /// <summary>The crop's side as a multiple of the box's longer side: context around the digit (1 = tight).</summary>
    public double Context { get; init; } = 1.3;

    /// <summary>Channels of the three convolution stages (each two 3x3 convs then a 2x2 max-pool; the last one, <see cref="LastStageConvs"/>).</summary>
    public IReadOnlyList<int> Widths { get; init; } = [24, 48, 96];

    /// <summary>3x3 convolutions in the last stage, 1 or 2 (the first recognizers had 1; a second one reads more shape).</summary>
    public int LastStageConvs { get; init; } = 1;

    /// <summary>
    /// Networks of this architecture the file holds, trained apart (an ensemble): each box is read by every one and
    /// their probabilities are averaged (<see cref="Model.RecognizerEnsemble"/>). 1: a single network.
    /// </summary>
    public int Members { get; init; } = 1;

    public IEnumerable<string> Validate()
    {
        if (Task != TaskName)
        {
            yield return $"task must be '{TaskName}' for a recognizer, got '{Task}'";
        }

        if (CropSize is < 16 or > 128 || CropSize % 8 != 0)
        {
            yield return $"cropSize must be a multiple of 8 in [16, 128], got {CropSize}";
        }

        if (Context is < 1 or > 3 || !double.IsFinite(Context))
        {
            yield return $"context must be in [1, 3], got {Context}";
        }

        if (Widths.Count != 3 || Widths.Any(w => w < 4))
        {
            yield return $"widths must be three stage widths of at least 4, got [{string.Join(", ", Widths)}]";
        }

        if (LastStageConvs is < 1 or > 2)
        {
            yield return $"lastStageConvs must be 1 or 2, got {LastStageConvs}";
        }

        if (Members is < 1 or > MaxMembers)
        {
            yield return $"members must be in [1, {MaxMembers}], got {Members}";
        }
    }

    public RecognizerConfig Validated(string sourceName = "recognizer config")
    {
        ConfigProblems.ThrowIfAny(Validate().ToList(), sourceName);
        return this;
    }

    /// <summary>Reads the model sections of a recognizer config JSON (training sections are skipped) and validates them.</summary>
    public static RecognizerConfig FromJson(string json, string sourceName = "recognizer config")
    {
        try
        {
            return (JsonSerializer.Deserialize<RecognizerConfig>(json, ModelConfig.ModelSectionsOnly)
                ?? throw new InvalidDataException($"{sourceName} is empty")).Validated(sourceName);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName} is not a valid recognizer config: {e.Message}", e);
        }
    }

    /// <summary>True when a config JSON declares <c>"task": "recognizer"</c>.</summary>
    public static bool IsRecognizerJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("task", out var task)
                && task.ValueKind == JsonValueKind.String
                && task.GetString() == TaskName;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
