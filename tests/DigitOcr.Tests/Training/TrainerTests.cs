using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Serialization;
using DigitOcr.Training;

namespace DigitOcr.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-trainer-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Resume_AfterAnInterruption_EndsWithTheSameWeightsAsAnUninterruptedRun()
    {
        var config = TinyTraining.Config(epochs: 2, imagesPerEpoch: 5 * 4, batchSize: 4);
        var straight = folder.File("straight");
        var interrupted = folder.File("interrupted");
        using (var source = new SyntheticBatchSource(5, 4, 64, seed: 3))
        {
            Assert.Equal(TrainingOutcome.Completed, new Trainer(config, straight, source, []).Run(resume: false).Outcome);
        }

        using (var source = new SyntheticBatchSource(5, 4, 64, seed: 3))
        using (var stop = new CancellationTokenSource())
        {
            var trainer = new Trainer(config, interrupted, source, []);
            trainer.StepCompleted += step =>
            {
                if (step.Step == 7)
                {
                    stop.Cancel();
                }
            };
            var first = trainer.Run(resume: false, stop.Token);
            Assert.Equal(TrainingOutcome.Interrupted, first.Outcome);
            Assert.Equal(new TrainingProgress(1, 2, 7, first.Progress.BestMetric), first.Progress);
        }

        using (var source = new SyntheticBatchSource(5, 4, 64, seed: 3))
        {
            Assert.Equal(TrainingOutcome.Completed, new Trainer(config, interrupted, source, []).Run(resume: true).Outcome);
        }

        using var a = Checkpoint.Load(Path.Combine(straight, Trainer.LastFile));
        using var b = Checkpoint.Load(Path.Combine(interrupted, Trainer.LastFile));
        Assert.Equal(a.Progress.Step, b.Progress.Step);
        foreach (var (name, tensor) in a.ModelState)
        {
            TensorAssert.Close(tensor, b.ModelState[name], 1e-6, name);
        }
    }

    [Fact]
    public void TargetsMadeByTheDataSource_TrainTheSameWeightsAsTargetsTheTrainerMatchesItself()
    {
        var config = TinyTraining.Config(epochs: 1, imagesPerEpoch: 3 * 4, batchSize: 4);
        var ahead = folder.File("ahead");
        var inline = folder.File("inline");
        using (var source = new SyntheticBatchSource(3, 4, 64, seed: 4, precomputeTargets: true))
        {
            new Trainer(config, ahead, source, []).Run(resume: false);
        }

        using (var source = new SyntheticBatchSource(3, 4, 64, seed: 4, precomputeTargets: false))
        {
            new Trainer(config, inline, source, []).Run(resume: false);
        }

        using var a = Checkpoint.Load(Path.Combine(ahead, Trainer.LastFile));
        using var b = Checkpoint.Load(Path.Combine(inline, Trainer.LastFile));
        foreach (var (name, tensor) in a.ModelState)
        {
            TensorAssert.Close(tensor, b.ModelState[name], 1e-6, name);
        }
    }

    [Fact]
    public void NonFiniteLoss_StopsWithADiagnostic_AndKeepsTheLastGoodCheckpoint()
    {
        var config = TinyTraining.Config(epochs: 3, imagesPerEpoch: 3 * 4, batchSize: 4);
        using var source = new SyntheticBatchSource(3, 4, 64, seed: 5, nanAt: (1, 1));
        var trainer = new Trainer(config, folder.Path, source, []);
        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Run(resume: false));
        Assert.Contains("epoch 2, batch 2", error.Message);
        Assert.Contains("--resume", error.Message);

        using var last = Checkpoint.Load(trainer.LastPath);
        Assert.Equal(1, last.Progress.Epoch);
        Assert.Equal(3, last.Progress.Step);
        foreach (var (name, tensor) in last.ModelState)
        {
            using var finite = tensor.isfinite().all();
            Assert.True(finite.item<bool>(), $"{name} holds non-finite values");
        }
    }

    [Fact]
    public void InitialWeights_FromAModelFile_ReplaceTheRandomInitialisation()
    {
        var modelPath = TinyModel.Save(folder.File("start.pt"));
        var config = TinyTraining.Config(epochs: 1, imagesPerEpoch: 4, batchSize: 4, lr: 1e-12);
        using var source = new SyntheticBatchSource(1, 4, 64, seed: 9);
        var result = new Trainer(config, folder.File("run"), source, []).Run(resume: false, initialWeights: modelPath);
        using var start = Checkpoint.Load(modelPath);
        using var end = Checkpoint.Load(result.LastCheckpoint);
        foreach (var (name, tensor) in start.ModelState.Where(kv => kv.Key.EndsWith("weight", StringComparison.Ordinal)))
        {
            TensorAssert.Close(tensor, end.ModelState[name], 1e-5, name);
        }
    }

    [Fact]
    public void Resume_WithoutACheckpoint_SaysWhatIsMissing()
    {
        var config = TinyTraining.Config(epochs: 1, imagesPerEpoch: 4, batchSize: 4);
        using var source = new SyntheticBatchSource(1, 4, 64, seed: 1);
        var error = Assert.Throws<FileNotFoundException>(() => new Trainer(config, folder.Path, source, []).Run(resume: true));
        Assert.Contains("last.pt", error.Message);
    }

    [Fact]
    public void CheckpointWrite_IsAtomic_AFailedSaveLeavesThePreviousFileIntact()
    {
        var path = folder.File("weights.pt");
        using (var scope = torch.NewDisposeScope())
        {
            TorchFile.Save([new("a", torch.ones([3]))], path);
        }

        var before = File.ReadAllBytes(path);
        var broken = torch.ones([2]);
        broken.Dispose();
        Assert.ThrowsAny<Exception>(() => TorchFile.Save([new("a", torch.zeros([3]).DetachFromDisposeScope()), new("b", broken)], path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp*"));
        using var loaded = TorchFile.Load(path);
        Assert.Equal(new[] { 1f, 1f, 1f }, loaded["a"].data<float>());
    }

    [Fact]
    public void Checkpoint_RoundTripsProgressOptimizerStateAndConfig()
    {
        var config = TinyTraining.Config(epochs: 1, imagesPerEpoch: 8, batchSize: 4);
        using var source = new SyntheticBatchSource(2, 4, 64, seed: 2);
        var result = new Trainer(config, folder.Path, source, []).Run(resume: false);
        using var checkpoint = Checkpoint.Load(result.LastCheckpoint);
        Assert.True(checkpoint.IsResumable);
        Assert.Equal(config.ToJson(), checkpoint.Config.ToJson());
        Assert.Equal(new TrainingProgress(1, 0, 2, checkpoint.Progress.BestMetric), checkpoint.Progress);
        using var best = Checkpoint.Load(result.BestCheckpoint);
        Assert.False(best.IsResumable);
    }
}
