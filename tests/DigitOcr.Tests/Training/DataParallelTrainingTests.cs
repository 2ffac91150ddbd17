using System.Diagnostics;
using System.Globalization;
using DigitOcr.Model;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Training;

namespace DigitOcr.Tests.Training;

/// <summary>
/// <c>train --nproc-per-node</c> as users run it: worker processes joined by c10d over loopback, a tiny detector on the
/// reference preset (MNIST digits). Batch norm is frozen so that a rank's batch norm statistics (its own 8 images,
/// by design) do not differ from one process's (16): what is compared is the data-parallel arithmetic itself.
/// </summary>
public sealed partial class DataParallelTrainingTests : IDisposable
{
    private const double Tolerance = 1e-5;
    private const int TimeoutSeconds = 20;
    private const int Sigkill = 9;

    private readonly TempFolder folder = new("digitocr-ddp-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void TwoRanksOfBatch8_TrainTheSameWeightsAsOneProcessOfBatch16_OnTheSameImages()
    {
        var config = WriteConfig(epochs: 1, imagesPerEpoch: 64, out var parsed);

        var one = Train(config, "one", "--batch-size", "16");
        var two = Train(config, "two", "--batch-size", "8", "--nproc-per-node", "2");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.Contains("[rank 0] data-parallel: 2 ranks x batch 8 = 16 images per step", two.Output);
        Assert.Contains("[rank 1] rank 1 of 2 joined", two.Output);
        using var single = Checkpoint.Load(folder.File("one", Trainer.LastFile));
        using var parallel = Checkpoint.Load(folder.File("two", Trainer.LastFile));
        Assert.Equal(4, single.Progress.Step);
        Assert.Equal(4, parallel.Progress.Step);
        var (difference, worst) = MaxDifference(single.ModelState, parallel.ModelState);
        Assert.True(difference <= Tolerance, $"max |w1 - w2| = {difference:E3} at {worst}");

        // Four steps moved the weights far more than the tolerance: equal weights are not just the initial ones.
        using var initial = InitialWeights(parsed);
        var (moved, _) = MaxDifference(initial.Weights, parallel.ModelState);
        Assert.True(moved > 1000 * Tolerance, $"training moved the weights by only {moved:E3}");
    }

    [Fact]
    public void ResumingWithAnotherNumberOfProcesses_IsRefused_NamingBoth()
    {
        var config = WriteConfig(epochs: 1, imagesPerEpoch: 32, out _);
        var two = Train(config, "two", "--nproc-per-node", "2");
        Assert.True(two.ExitCode == 0, two.ToString());
        using (var saved = Checkpoint.Load(folder.File("two", Trainer.LastFile)))
        {
            Assert.Equal(2, saved.Progress.WorldSize);
        }

        var one = Train(config, "two", "--epochs", "2", "--resume");

        Assert.True(one.ExitCode == 4, one.ToString()); // TrainerExitCodes.Files
        Assert.Contains("was written by a run of 2 process(es), this one has 1", one.Errors);
        Assert.DoesNotContain("Unhandled exception", one.Errors);
    }

    [Fact]
    public async Task AKilledRank_StopsTheOtherWithinTheTimeout_NamingIt_AndRerunningWithResume_EndsWhereAnUninterruptedRunDoes()
    {
        // 8 steps of 2 x 8 images per epoch; three epochs uninterrupted for reference.
        var config = WriteConfig(epochs: 3, imagesPerEpoch: 128, out _);
        var straight = Train(config, "straight", "--nproc-per-node", "2");
        Assert.True(straight.ExitCode == 0, straight.ToString());

        using (var run = new CliSession(CliProcess.Trainer, Arguments(config, "run", "--nproc-per-node", "2", "--epochs", "1000")))
        {
            var rank0 = Pid(await run.WaitForLineAsync("launcher: rank 0 is process "));
            var rank1 = Pid(await run.WaitForLineAsync("launcher: rank 1 is process "));
            await run.WaitForLineAsync("[rank 0] epoch 1:");
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, Kill(rank1, Sigkill));

            var code = await run.WaitForExitAsync();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(TimeoutSeconds), $"took {clock.Elapsed} (timeout {TimeoutSeconds} s)");
            Assert.True(code == 6, $"exit code {code}:\n{run}");
            Assert.Contains($"launcher: rank 1 (process {rank1}) was killed by signal 9 (SIGKILL)", run.Errors);
            Assert.Contains("[rank 0] trainer: rank 0 of 2: ", run.Errors);
            Assert.Contains("trainer: rank 1 of 2 was killed by signal 9", run.Errors);
            Assert.Contains("rerun with --resume to continue", run.Errors);
            Assert.False(Directory.Exists($"/proc/{rank0}"), "rank 0 is still running");
        }

        using (var saved = Checkpoint.Load(folder.File("run", Trainer.LastFile)))
        {
            Assert.InRange(saved.Progress.Step, 8, 23);
        }

        var resumed = Train(config, "run", "--nproc-per-node", "2", "--epochs", "3", "--resume");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("[rank 0] Completed: epoch 3, step 24", resumed.Output);
        using var expected = Checkpoint.Load(folder.File("straight", Trainer.LastFile));
        using var actual = Checkpoint.Load(folder.File("run", Trainer.LastFile));
        var (difference, worst) = MaxDifference(expected.ModelState, actual.ModelState);
        Assert.True(difference <= Tolerance, $"max |w - w_resumed| = {difference:E3} at {worst}");
    }

    [Fact]
    public void TorchrunVariablesOutOfRange_AreAUsageErrorNamingEachVariable()
    {
        var config = WriteConfig(epochs: 1, imagesPerEpoch: 16, out _);

        var result = CliProcess.Run(CliProcess.Trainer, Arguments(config, "bad"),
            new Dictionary<string, string?> { ["WORLD_SIZE"] = "2", ["RANK"] = "2", ["MASTER_ADDR"] = null, ["MASTER_PORT"] = "0" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("RANK is '2'; it must be a whole number 0 .. 1", result.Errors);
        Assert.Contains("MASTER_ADDR is not set", result.Errors);
        Assert.Contains("MASTER_PORT is '0'", result.Errors);
        Assert.False(File.Exists(folder.File("bad", "config.json")), "a run was started");
    }

    [Fact]
    public void NodesWithoutProcessesPerNode_IsAUsageError()
    {
        var config = WriteConfig(epochs: 1, imagesPerEpoch: 16, out _);

        var result = CliProcess.Run(CliProcess.Trainer, Arguments(config, "bad", "--nnodes", "2"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--nnodes and --node-rank go with --nproc-per-node", result.Errors);
    }

    private string WriteConfig(int epochs, int imagesPerEpoch, out TrainingConfig config)
    {
        var tiny = TinyTraining.Config(epochs, imagesPerEpoch, batchSize: 8);
        config = tiny with
        {
            Training = tiny.Training with
            {
                FreezeBatchNorm = true,
                Precision = TrainingPrecision.Float32,
                Threads = 1,
                DistributedTimeoutSeconds = TimeoutSeconds,
            },
        };
        var path = folder.File("tiny.json");
        File.WriteAllText(path, config.ToJson());
        return path;
    }

    private string[] Arguments(string config, string output, params string[] more) =>
        ["train", "--config", config, "--output", folder.File(output), "--data", "reference", "--validation-images", "0", .. more];

    private CliResult Train(string config, string output, params string[] more) =>
        CliProcess.Run(CliProcess.Trainer, Arguments(config, output, more), timeoutSeconds: 120);

    private static int Pid(string line) => int.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);

    /// <summary>The largest absolute difference over every floating-point tensor of two state dicts, and where.</summary>
    private static (double Difference, string Where) MaxDifference(IReadOnlyDictionary<string, Tensor> a, IReadOnlyDictionary<string, Tensor> b)
    {
        var (most, where) = (0.0, "-");
        foreach (var (name, tensor) in a)
        {
            if (tensor.dtype != ScalarType.Float32)
            {
                continue;
            }

            using var scope = torch.NewDisposeScope();
            var difference = (tensor - b[name]).abs().max().item<float>();
            if (difference > most)
            {
                (most, where) = (difference, name);
            }
        }

        return (most, where);
    }

    /// <summary>The weights a run of <paramref name="config"/> starts from (seeded xavier initialisation).</summary>
    private static InitialState InitialWeights(TrainingConfig config)
    {
        torch.manual_seed(config.Training.Seed);
        var model = new SsdDetector(config.Model);
        model.InitializeWeights();
        return new InitialState(model);
    }

    private sealed class InitialState(SsdDetector model) : IDisposable
    {
        private readonly StateDict state = model.state_dict();

        public IReadOnlyDictionary<string, Tensor> Weights => state;

        public void Dispose()
        {
            state.Dispose();
            model.Dispose();
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
