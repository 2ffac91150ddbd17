using DigitOcr.Config;
using DigitOcr.Data.Mnist;
using DigitOcr.Tests.Support;
using DigitOcr.Training;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Tests.Recognition;

/// <summary>
/// The recognizer's trainer learns: a tiny run (widths 8/16/32, 3 epochs) on the crops of 3,000 MNIST training digits
/// plus blank crops labelled "not a digit" reads 1,000 MNIST test digits far above chance (10 % for ten digits); a
/// small CNN reaches 90 %+ in a few hundred steps, so the floor is 80 %. Harvesting from pages is covered by the
/// trainer's command; here the fitting loop is checked on its own.
/// </summary>
public sealed class RecognizerLearningTests : IDisposable
{
    private readonly TempFolder work = new("digitocr-recognizer-");

    public void Dispose() => work.Dispose();

    [Fact]
    public void TinyRun_ReadsHeldOutMnistDigits_FarAboveChance()
    {
        var config = new RecognizerTrainingConfig
        {
            Widths = [8, 16, 32],
            Training = new TrainingOptions
            {
                Epochs = 3, ImagesPerEpoch = 100_000, BatchSize = 32, Optimizer = OptimizerKind.AdamW,
                LearningRate = 0.003, WeightDecay = 0, Schedule = LearningRateSchedule.Cosine, WarmupSteps = 20, Seed = 3,
            },
        }.Validated();
        var train = Crops(Data.TestGlyphs.Train, 3_000, config.ModelConfig);
        var test = Crops(Data.TestGlyphs.Test, 1_000, config.ModelConfig);

        var trainer = new RecognizerTrainer(config, work.Path);
        var accuracy = trainer.Fit(train, test);

        Assert.True(accuracy.DigitAccuracy > 0.8, $"held-out {accuracy}");
        Assert.True(accuracy.NotADigitRecall > 0.8, $"held-out {accuracy}");
        using var file = DigitOcr.ModelFiles.ModelFile.Load(trainer.BestPath);
        Assert.NotNull(file.Recognizer);
        Assert.Null(file.Config);
    }

    /// <summary>The first <paramref name="count"/> glyphs' crops, plus one blank crop ("not a digit") per ten digits.</summary>
    private static CropSet Crops(GlyphSet glyphs, int count, RecognizerConfig config)
    {
        var crops = new CropSet(config.CropSize);
        var rng = new Random(1);
        for (var i = 0; i < count; i++)
        {
            using var crop = MnistClassification.Crop(glyphs, i, config);
            crops.Add(crop.ToPixels(), glyphs.Label(i));
            if (i % 10 == 0)
            {
                var blank = new byte[config.CropSize * config.CropSize];
                Array.Fill(blank, (byte)rng.Next(180, 256));
                crops.Add(blank, RecognizerConfig.NotADigit);
            }
        }

        return crops;
    }
}
