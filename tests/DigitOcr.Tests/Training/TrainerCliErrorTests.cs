using System.Diagnostics;
using DigitOcr.Tests.Support;
using DigitOcr.Torch.Serialization;
using DigitOcr.Training;

namespace DigitOcr.Tests.Training;

/// <summary>
/// The trainer's command line fails the way users can act on: one line naming the problem, a documented exit code
/// (2 command line or config, 4 files), no stack trace unless <c>--verbose</c>, and nothing written when it refuses.
/// </summary>
public sealed class TrainerCliErrorTests : IDisposable
{
    private const int Usage = 2;
    private const int Files = 4;

    private readonly string folder = Directory.CreateTempSubdirectory("digitocr-trainer-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Config => Path.Combine(AppContext.BaseDirectory, "configs", "lite.json");

    [Theory]
    [InlineData("--epochs", "-1")]
    [InlineData("--batch-size", "0")]
    [InlineData("--lr", "-1")]
    [InlineData("--lr", "NaN")]
    [InlineData("--images-per-epoch", "x")]
    [InlineData("--device", "gpu")]
    [InlineData("--data", "photos")]
    [InlineData("--precision", "half")]
    public void BadOverride_IsAUsageErrorNamingTheOption(string option, string value)
    {
        var result = Train(["--config", Config, "--output", "run", option, value]);

        AssertOneLineError(result, Usage, option);
        Assert.Contains($"'{value}'", result.Errors);
        Assert.False(Directory.Exists(Path.Combine(folder, "run")));
    }

    [Theory]
    [InlineData("missing", "there is no file")]
    [InlineData("{\"name\": \"x\", ", "line")]
    [InlineData("{\"name\": \"x\", \"trainig\": {}}", "unknown key 'trainig'")]
    [InlineData("{\"training\": {\"epochz\": 3}}", "unknown key 'epochz' in 'training'")]
    [InlineData("{\"training\": {\"epochs\": 0}}", "training.epochs")]
    public void BadConfig_IsAUsageErrorOnOneLine(string json, string expected)
    {
        var path = Path.Combine(folder, "config.json");
        if (json != "missing")
        {
            File.WriteAllText(path, json);
        }

        var result = Train(["--config", path, "--output", "run"]);

        AssertOneLineError(result, Usage, "--config");
        Assert.Contains(expected, result.Errors);
        Assert.False(Directory.Exists(Path.Combine(folder, "run")));
    }

    [Fact]
    public void Resume_WithNoCheckpoint_FailsAndWritesNothing()
    {
        var result = Train(["--config", Config, "--output", "run", "--resume"]);

        AssertOneLineError(result, Files, "--resume");
        Assert.False(Directory.Exists(Path.Combine(folder, "run")));
    }

    [Fact]
    public void UnwritableOutput_IsAFileError()
    {
        File.WriteAllText(Path.Combine(folder, "taken"), "a file");

        var result = Train(["--config", Config, "--output", Path.Combine("taken", "run")]);

        AssertOneLineError(result, Files, "--output");
    }

    [Fact]
    public void InitMember_WithADetectorConfig_IsAUsageError()
    {
        var result = Train(["--config", Config, "--output", "run", "--init-member", "1"]);

        AssertOneLineError(result, Usage, "--init-member");
        Assert.False(Directory.Exists(Path.Combine(folder, "run")));
    }

    [Fact]
    public void InitMember_ThatTheRecognizerFileLacks_FailsBeforeTheHarvestNamingTheMembers()
    {
        File.WriteAllText(Path.Combine(folder, "recognizer.json"), """{"task": "recognizer", "widths": [32, 64, 128], "lastStageConvs": 2}""");
        var shipped = Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt");

        var result = Train(["--config", "recognizer.json", "--output", "run", "--init", shipped, "--init-member", "7"]);

        AssertOneLineError(result, Files, "--init-member 7");
        using var file = DigitOcr.ModelFiles.ModelFile.Load(shipped);
        Assert.Contains($"holds {file.Recognizer!.Members} recognizer(s)", result.Errors);
        Assert.DoesNotContain("harvest", result.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "run")));
    }

    [Theory]
    [InlineData("detector")]
    [InlineData("recognizer")]
    public void NewRun_InAFolderHoldingAnotherRun_IsRefusedAndItsCheckpointsKept(string task)
    {
        var config = task == "detector" ? Config : Path.Combine(AppContext.BaseDirectory, "configs", "recognizer.json");
        var run = Directory.CreateDirectory(Path.Combine(folder, "run")).FullName;
        File.WriteAllText(Path.Combine(run, "best.pt"), "hours of training");
        File.WriteAllText(Path.Combine(run, "config.json"), "the run's config");

        var result = Train(["--config", config, "--output", "run"]);

        AssertOneLineError(result, Files, "best.pt");
        Assert.Contains("--resume", result.Errors);
        Assert.DoesNotContain("harvest", result.Output);
        Assert.Equal("hours of training", File.ReadAllText(Path.Combine(run, "best.pt")));
        Assert.Equal("the run's config", File.ReadAllText(Path.Combine(run, "config.json")));
    }

    [Fact]
    public void MissingData_IsAFileErrorNamingTheFix()
    {
        var result = Train(["--config", Config, "--output", "run"], new Dictionary<string, string?> { ["DIGITOCR_DATA"] = Path.Combine(folder, "no-data") });

        AssertOneLineError(result, Files, "fetch-mnist.sh");
    }

    [Fact]
    public void Verbose_AddsTheStackTrace()
    {
        File.WriteAllText(Path.Combine(folder, "config.json"), "{");

        var result = Train(["--config", "config.json", "--verbose"]);

        Assert.Equal(Usage, result.ExitCode);
        Assert.Contains("   at ", result.Errors);
    }

    [Fact]
    public void RemoveStaleTemporaryFiles_DeletesThoseOfDeadProcessesOnly()
    {
        var dead = DeadProcessId();
        using var alive = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        try
        {
            var stale = Path.Combine(folder, $"last.pt.tmp-{dead}");
            var writing = Path.Combine(folder, $"last.pt.tmp-{alive.Id}");
            var own = Path.Combine(folder, $"best.pt.tmp-{Environment.ProcessId}");
            var other = Path.Combine(folder, "notes.tmp-abc");
            foreach (var file in new[] { stale, writing, own, other })
            {
                File.WriteAllText(file, "partial");
            }

            var removed = TorchFile.RemoveStaleTemporaryFiles(folder);

            Assert.Equal([stale], removed);
            Assert.All(new[] { writing, own, other }, f => Assert.True(File.Exists(f), f));
        }
        finally
        {
            alive.Kill();
            alive.WaitForExit();
        }
    }

    [Fact]
    public void Train_OnStart_RemovesTheStaleCheckpointOfAKilledRun()
    {
        // A separate process: training in this one would share libtorch's global generator with TrainerTests.
        var run = Path.Combine(folder, "run");
        Directory.CreateDirectory(run);
        var stale = Path.Combine(run, $"{Trainer.LastFile}.tmp-{DeadProcessId()}");
        File.WriteAllText(stale, "half a checkpoint");
        File.WriteAllText(Path.Combine(folder, "tiny.json"), TinyTraining.Config(epochs: 1, imagesPerEpoch: 8, batchSize: 8).ToJson());

        var result = Train(["--config", "tiny.json", "--output", "run", "--data", "reference", "--validation-images", "0", "--threads", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(run, Trainer.LastFile)));
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }

    private CliResult Train(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null) =>
        CliProcess.Run(CliProcess.Trainer, ["train", .. arguments], environment, workingDirectory: folder, timeoutSeconds: 120);

    private static void AssertOneLineError(CliResult result, int exitCode, string named)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = Assert.Single(lines, l => l.StartsWith("trainer: ", StringComparison.Ordinal));
        Assert.Contains(named, error);
        Assert.DoesNotContain("Unhandled exception", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
    }
}
