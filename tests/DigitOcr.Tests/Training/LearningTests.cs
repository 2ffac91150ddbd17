using DigitOcr.Config;
using DigitOcr.Data.Augmentation.Reference;
using DigitOcr.Data.Sources;
using DigitOcr.Training;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Training;

/// <summary>Learning is shown, not assumed: a small detector trained for about a minute clearly learns digits.</summary>
public sealed class LearningTests : IDisposable
{
    // Untrained, or localising without telling digits apart, the mAP stays under about 0.04 (measured: 0.03 after
    // the first epoch, when boxes already fit but classes are near chance). This recipe reaches about 0.6
    // (measured 0.60 with 2 threads); 0.3 leaves room for thread counts and machine noise while staying far
    // above anything a model that has not learned the ten digits can score.
    private const double Floor = 0.3;

    private readonly TempFolder folder = new("digitocr-learning-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void TrainingOnEasyDigits_RaisesValidationMapAboveTheFloor()
    {
        var config = new TrainingConfig
        {
            Name = "learning-test",
            InputSize = 64,
            Model = new ModelOptions { Widths = [32, 64, 128, 256] },
            Training = new TrainingOptions
            {
                Epochs = 8,
                ImagesPerEpoch = 2048,
                BatchSize = 32,
                Optimizer = OptimizerKind.AdamW,
                LearningRate = 0.004,
                WeightDecay = 1e-4,
                Schedule = LearningRateSchedule.Cosine,
                WarmupSteps = 10,
                ValidationImages = 200,
                ValidateBothPresets = false,
                Threads = 2,
            },
            // Easy digits: one MNIST digit per 64 x 64 canvas, dark on white, no threshold, morphology or speckles.
            Data = new DataOptions
            {
                Preset = DataPreset.Reference,
                Reference = new ReferenceOptions
                {
                    AspectJitterProbability = 0,
                    ThresholdProbability = 0,
                    MorphologyProbability = 0,
                    BlackPixelsProbability = 0,
                    InvertProbability = 0,
                },
            },
        }.Validated();

        var maps = new List<double>();
        using var source = TrainingData.CreateTrainingSource(config);
        var trainer = new Trainer(config, folder.Path, source, TrainingData.CreateValidationSets(config));
        trainer.EpochCompleted += report => maps.Add(report.Validation[0].Tight.Mean);
        var result = trainer.Run(resume: false);

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.True(maps[0] < Floor, $"the first epoch already scored {maps[0]:F3}: the floor proves nothing");
        Assert.True(maps.Max() > Floor, $"validation mAP per epoch: {string.Join(", ", maps.Select(m => m.ToString("F3")))}; expected one above {Floor}");
    }
}
