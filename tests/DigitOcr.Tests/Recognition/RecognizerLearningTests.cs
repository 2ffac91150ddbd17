using DigitOcr.Tests.Support;
using DigitOcr.Training;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Tests.Recognition;

/// <summary>
/// The recognizer's trainer learns: a tiny run on crops from 60 pages (MNIST training digits: ground-truth, jittered
/// and deliberately wrong boxes) reads held-out crops (MNIST test digits, boxes from the shipped detector) far above
/// what guessing can reach. Guessing the commonest label ("not a digit", under a quarter of the crops) or any fixed
/// digit stays below 25 %; the floor is 50 %.
/// </summary>
public sealed class RecognizerLearningTests : IDisposable
{
    private readonly TempFolder work = new("digitocr-recognizer-");

    public void Dispose() => work.Dispose();

    [Fact]
    public void TinyRun_ReadsHeldOutCrops_FarAboveGuessing()
    {
        var config = new RecognizerTrainingConfig
        {
            Widths = [8, 16, 32],
            Training = new TrainingOptions
            {
                Epochs = 6, ImagesPerEpoch = 100_000, BatchSize = 32, Optimizer = OptimizerKind.AdamW,
                LearningRate = 0.005, WeightDecay = 0, Schedule = LearningRateSchedule.Cosine, WarmupSteps = 20, Seed = 3,
            },
            Data = new RecognizerDataOptions
            {
                // The detector reads only the validation pages: harvest time is mostly the detector's.
                TrainPages = 60, ValidationPages = 5, DetectEvery = int.MaxValue,
                Detector = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-lite.pt"),
            },
        }.Validated();

        var trainer = new RecognizerTrainer(config, work.Path);
        var accuracy = trainer.Run(resume: false);

        Assert.True(accuracy.Accuracy > 0.5, $"validation {accuracy}");
        Assert.True(File.Exists(trainer.BestPath));
        using var file = DigitOcr.ModelFiles.ModelFile.Load(trainer.BestPath);
        Assert.NotNull(file.Recognizer);
        Assert.Null(file.Config);
    }
}
