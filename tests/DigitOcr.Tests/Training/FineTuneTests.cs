using DigitOcr.Data.Loading;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Training;

namespace DigitOcr.Tests.Training;

/// <summary>
/// Fine-tuning learns the user's pages: the shipped detector, trained for a few steps on small crops of a small
/// generated folder, does better on the folder's held-out pages than before. Frozen batch norm keeps its statistics.
/// </summary>
public sealed class FineTuneTests : IDisposable
{
    private const int Steps = 20;

    private readonly TempFolder folder = new("digitocr-finetune-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void FewStepsOnUserPages_LowerTheLossOnTheirHeldOutPages_WithoutLosingMap()
    {
        var pages = AnnotatedPages.Generate(folder.File("pages"), count: 10, format: "csv", seed: 4, size: "320x240", digitHeight: "24-32");
        var shipped = TestConfigs.Load("finetune");
        // 96 px crops keep the steps cheap; the model is the shipped one (fully convolutional), the recipe finetune.json's.
        var config = (shipped with
        {
            InputSize = 96,
            Training = shipped.Training with
            {
                Init = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-lite.pt"), Epochs = 1, ImagesPerEpoch = Steps * 8, BatchSize = 8,
                WarmupSteps = 5, ValidationImages = 0, Threads = 2,
                // Batches of 8 crops of 96 px are too few pixels for batch norm's statistics (the recipe's 16 of 224 px
                // are not): learning them here, the held-out mAP fell from 0.852 to 0.815 in 20 steps.
                FreezeBatchNorm = true,
            },
            Data = shipped.Data with { UserFolder = pages, UserFraction = 1, ValidationFraction = 0.3, Loader = new LoaderOptions { Workers = 1 } },
        }).Validated();
        var (_, split) = TrainingData.LoadUserData(config)!.Value;
        using var source = TrainingData.CreateTrainingSource(config, split);
        var trainer = new Trainer(config, folder.File("run"), source, [TrainingData.CreateUserValidationSet(config, split)!]);
        ValidationResult? before = null, after = null;
        trainer.InitialWeightsValidated += results => before = results[0];
        trainer.EpochCompleted += report => after = report.Validation[0];

        Assert.Equal(TrainingOutcome.Completed, trainer.Run(resume: false, initialWeights: config.Training.Init).Outcome);

        // Measured on the development machine with the shipped model of session 7: loss 1.532 before, 1.033 after
        // (0.67 of it), mAP 0.852 before, 0.926 after. The same run with a learning rate of 1e-9 ended at 1.532 (no
        // learning) and fails the first check. (With session 6's model and batch norm learning: 1.359 to 0.825, and
        // every training box moved 8 px to the right ended at 1.172, 0.86, failing it too.)
        Assert.True(after!.Loss < 0.75 * before!.Loss, $"held-out loss {before.Loss:F3} before, {after.Loss:F3} after {Steps} steps on the user's pages");
        Assert.True(after.Tight.Mean >= before.Tight.Mean - 0.03, $"held-out mAP {before.Tight.Mean:F3} before, {after.Tight.Mean:F3} after");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FrozenBatchNorm_KeepsItsRunningStatistics_WhileTheWeightsLearn(bool freeze)
    {
        var init = TinyModel.Save(folder.File("init.pt"));
        var tiny = TinyTraining.Config(epochs: 1, imagesPerEpoch: 3 * 4, batchSize: 4);
        var config = tiny with { Training = tiny.Training with { FreezeBatchNorm = freeze } };
        using (var source = new SyntheticBatchSource(3, 4, 64, seed: 2))
        {
            new Trainer(config, folder.File("run"), source, []).Run(resume: false, initialWeights: init);
        }

        using var before = Checkpoint.Load(init);
        using var after = Checkpoint.Load(folder.File("run", Trainer.LastFile));
        var statistics = before.ModelState.Keys.Where(k => k.EndsWith(".running_mean", StringComparison.Ordinal) || k.EndsWith(".running_var", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(statistics);
        Assert.Equal(!freeze, statistics.Any(k => !Same(before.ModelState[k], after.ModelState[k])));
        Assert.Contains(before.ModelState.Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal)), k => !Same(before.ModelState[k], after.ModelState[k]));
    }

    private static bool Same(Tensor a, Tensor b) => a.data<float>().SequenceEqual(b.data<float>());
}
