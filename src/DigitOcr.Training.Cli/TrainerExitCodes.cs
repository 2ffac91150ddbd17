using DigitOcr.Training;

namespace DigitOcr.Training.Cli;

/// <summary>The trainer's exit codes (documented in the README's trainer section).</summary>
internal static class TrainerExitCodes
{
    /// <summary>Done: training finished (or stopped early), or the command completed.</summary>
    public const int Success = 0;

    /// <summary>An unexpected error (a bug): one line on stderr, the stack trace with <c>--verbose</c>.</summary>
    public const int Unexpected = 1;

    /// <summary>A bad command line or config: unknown option, value out of range, missing, malformed or invalid config, unknown config keys.</summary>
    public const int Usage = 2;

    /// <summary>The loss became NaN or infinite; the last good checkpoint is kept.</summary>
    public const int Diverged = 3;

    /// <summary>A file or folder problem: missing data (MNIST), <c>--resume</c> with no checkpoint, unreadable model or checkpoint, unwritable output.</summary>
    public const int Files = 4;

    /// <summary>
    /// The <c>--data-dir</c> folder cannot be used: it holds no annotations or several formats, or its annotations are
    /// bad (every problem is listed, each with its file and line or JSON element).
    /// </summary>
    public const int BadAnnotations = 5;

    /// <summary>
    /// Data-parallel training failed: a rank died or hung (the others stop within <c>training.distributedTimeoutSeconds</c>),
    /// a worker started by <c>--nproc-per-node</c> failed or was killed, or the ranks could not meet. The message names the
    /// rank; <c>last.pt</c> keeps the last completed step, and rerunning with <c>--resume</c> continues.
    /// </summary>
    public const int RankFailed = 6;

    /// <summary>Interrupted by Ctrl-C or SIGTERM after saving a checkpoint; <c>--resume</c> continues.</summary>
    public const int Interrupted = 130;

    /// <summary>The code for an exception that reached the top of a command.</summary>
    public static int Of(Exception e) => e switch
    {
        NonFiniteLossException => Diverged,
        Torch.Distributed.DistributedException => RankFailed,
        Torch.Distributed.DistributedEnvironmentException => Usage,
        DigitOcr.Data.Annotated.AnnotatedFolderException => BadAnnotations,
        OperationCanceledException => Interrupted,
        IOException or UnauthorizedAccessException or InvalidDataException => Files,
        _ => Unexpected,
    };
}
