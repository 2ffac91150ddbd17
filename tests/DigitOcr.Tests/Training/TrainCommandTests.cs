using System.Diagnostics;
using System.Text;
using DigitOcr.Tests.Support;
using DigitOcr.Training;

namespace DigitOcr.Tests.Training;

/// <summary>The trainer's command line as users run it: a separate process that is stopped from outside.</summary>
public sealed partial class TrainCommandTests : IDisposable
{
    private const int Sigterm = 15;

    private readonly TempFolder folder = new("digitocr-train-command-");

    public void Dispose() => folder.Dispose();

    /// <param name="signals">
    /// How many SIGTERMs arrive together: <c>kill</c> sends one; <c>pkill -f</c> under <c>dotnet run</c> reaches both
    /// processes, and <c>dotnet run</c> forwards its own, so the trainer gets two.
    /// </param>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Sigterm_SavesACheckpointAndExitsWith130(int signals)
    {
        var config = folder.File("tiny.json");
        File.WriteAllText(config, TinyTraining.Config(epochs: 2000, imagesPerEpoch: 64, batchSize: 8).ToJson());
        var output = folder.File("run");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "DigitOcr.Training.Cli"))
        {
            WorkingDirectory = Shell.RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in new[] { "train", "--config", config, "--output", output, "--data", "reference", "--validation-images", "0", "--threads", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        var printed = new StringBuilder();
        var complained = new StringBuilder();
        using var secondEpoch = new SemaphoreSlim(0);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            lock (printed)
            {
                printed.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("epoch 2:", StringComparison.Ordinal) == true)
            {
                secondEpoch.Release();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (complained)
            {
                complained.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Once it is training (two epochs done), stop it as a scheduler or `kill` would.
        Assert.True(await secondEpoch.WaitAsync(TimeSpan.FromSeconds(120), CancellationToken.None), $"no second epoch within 120 s:\n{printed}\n{complained}");
        for (var i = 0; i < signals; i++)
        {
            Assert.Equal(0, Kill(process.Id, Sigterm));
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);

        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}:\n{printed}\n{complained}");
        Assert.Contains("saving a checkpoint", complained.ToString());
        Assert.DoesNotContain("Unhandled exception", complained.ToString());
        using var checkpoint = Checkpoint.Load(Path.Combine(output, Trainer.LastFile));
        Assert.True(checkpoint.Progress.Epoch >= 2, $"saved at {checkpoint.Progress}");
        Assert.Contains($"Interrupted: epoch {checkpoint.Progress.Epoch}, step {checkpoint.Progress.Step}", printed.ToString());
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
