namespace DigitOcr.Training.Distributed;

/// <summary>How one worker process ended: its rank, process id and exit code (128 + N when killed by signal N).</summary>
public sealed record WorkerExit(int Rank, int ProcessId, int ExitCode);

/// <summary>
/// How the workers of a launch ended, in rank order, and the first that failed (ended with an exit code other than the
/// clean ones), which made the launcher stop the rest; null when none failed.
/// </summary>
public sealed record LaunchResult(IReadOnlyList<WorkerExit> Workers, WorkerExit? FirstFailure);
