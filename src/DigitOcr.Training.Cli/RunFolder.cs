using DigitOcr.CommandLine;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Training.Cli;

/// <summary>
/// A training run's output folder. A new run (not <c>--resume</c>) is not started in a folder that holds another run's
/// checkpoints: it would replace them, and hours of training with them.
/// </summary>
internal static class RunFolder
{
    /// <summary>Throws a <see cref="CommandLineException"/> naming the folder, its checkpoints and the fix when a new run would replace them.</summary>
    public static void EnsureNoOtherRun(string folder, bool resume)
    {
        if (resume)
        {
            return;
        }

        var checkpoints = new[] { Trainer.LastFile, Trainer.BestFile, RecognizerTrainer.LastFile, RecognizerTrainer.BestFile }
            .Distinct().Where(name => File.Exists(Path.Combine(folder, name))).ToList();
        if (checkpoints.Count > 0)
        {
            throw new CommandLineException(TrainerExitCodes.Files,
                $"--output: '{folder}' holds a run ({string.Join(", ", checkpoints)}) that a new run would replace: continue it with --resume, or give another --output (or remove that folder)");
        }
    }
}
