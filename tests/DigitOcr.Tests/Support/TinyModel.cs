using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Torch;
using DigitOcr.Training;

namespace DigitOcr.Tests.Support;

/// <summary>A small untrained detector saved as a model file, for tests of loading and running (not of accuracy).</summary>
public static class TinyModel
{
    public static TrainingConfig Config { get; } = new TrainingConfig
    {
        Name = "tiny-untrained",
        InputSize = 64,
        Model = new ModelOptions { Widths = [8, 16, 32, 64] },
    }.Validated();

    /// <summary>Writes the model (seeded, so always the same weights) to <paramref name="path"/>.</summary>
    public static string Save(string path, bool halfPrecision = false)
    {
        torch.manual_seed(123);
        using var model = new SsdDetector(Config.Model);
        model.InitializeWeights();
        Checkpoint.SaveModel(path, model, Config, new TrainingProgress(0, 0, 0, 0), halfPrecision);
        return path;
    }
}
