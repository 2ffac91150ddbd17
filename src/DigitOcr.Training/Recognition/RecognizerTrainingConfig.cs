using System.Text.Json;
using DigitOcr.Config;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// A recognizer training config (<c>configs/recognizer.json</c>, <c>"task": "recognizer"</c>): the model half
/// (<see cref="RecognizerConfig"/>: crop size, context, widths), the recipe (<see cref="TrainingOptions"/>: epochs,
/// batch size, optimizer, schedule, seed; <c>imagesPerEpoch</c> caps the crops per epoch: every harvested crop once when there are fewer) and the
/// data (<see cref="RecognizerDataOptions"/>).
/// </summary>
public sealed record RecognizerTrainingConfig
{
    public string Task { get; init; } = RecognizerConfig.TaskName;

    public string Name { get; init; } = "recognizer";

    public int CropSize { get; init; } = 32;

    public double Context { get; init; } = 1.3;

    public IReadOnlyList<int> Widths { get; init; } = [24, 48, 96];

    public int LastStageConvs { get; init; } = 1;

    public TrainingOptions Training { get; init; } = new();

    /// <summary>
    /// When <c>training.init</c> names a recognizer file holding several members (<see cref="RecognizerConfig.Members"/>),
    /// the one the run starts from (0 is the first). A file of one recognizer takes 0 only.
    /// </summary>
    public int InitMember { get; init; }

    public RecognizerDataOptions Data { get; init; } = new();

    /// <summary>The part the recognizer needs at inference, as its model file carries it.</summary>
    public RecognizerConfig ModelConfig => new() { Name = Name, CropSize = CropSize, Context = Context, Widths = Widths, LastStageConvs = LastStageConvs };

    public static RecognizerTrainingConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"config file '{path}' does not exist (the shipped ones are in configs/)", path);
        }

        RecognizerTrainingConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<RecognizerTrainingConfig>(File.ReadAllText(path), DigitOcr.Config.ModelConfig.JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"config '{path}' is not valid: {e.Message}", e);
        }

        return (config ?? throw new InvalidDataException($"config '{path}' is empty")).Validated(path);
    }

    public string ToJson() => JsonSerializer.Serialize(this, DigitOcr.Config.ModelConfig.JsonOptions);

    public RecognizerTrainingConfig Validated(string sourceName = "config")
    {
        var problems = ModelConfig.Validate().Concat(Training.Validate()).Concat(Data.Validate()).ToList();
        if (InitMember is < 0 or >= RecognizerConfig.MaxMembers)
        {
            problems.Add($"initMember must be in [0, {RecognizerConfig.MaxMembers - 1}], got {InitMember}");
        }

        ConfigProblems.ThrowIfAny(problems, sourceName);
        return this;
    }
}
