using System.Runtime.InteropServices;

namespace DigitOcr.CommandLine;

/// <summary>
/// Ctrl-C and SIGTERM as the tools handle them: the first one cancels <see cref="Token"/>, and the command stops on
/// its own (a trainer saves after its step, a server drains); with a grace period, the process exits with 130 (Ctrl-C)
/// or 143 (SIGTERM) if the command has not stopped by then. Later signals are left to the runtime's default (the
/// process ends) unless a command handles them itself. This replaces System.CommandLine's own handling, which throws
/// on its signal thread, and so ends the process with a stack trace, when a second signal arrives after its grace
/// period (as when <c>dotnet run</c> forwards a SIGTERM that <c>pkill</c> also sent).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private const int InterruptExitCode = 130;
    private const int TerminateExitCode = 143;
    private readonly CancellationTokenSource cancellation = new();
    private readonly TimeSpan? grace;
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private Timer? deadline;
    private int received;

    /// <param name="grace">How long the command has to stop after the first signal; null: as long as it takes.</param>
    public TerminationSignals(TimeSpan? grace)
    {
        this.grace = grace;
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, InterruptExitCode));
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, TerminateExitCode));
    }

    /// <summary>Cancelled by the first Ctrl-C or SIGTERM.</summary>
    public CancellationToken Token => cancellation.Token;

    private void OnSignal(PosixSignalContext context, int exitCode)
    {
        if (Interlocked.Increment(ref received) > 1)
        {
            return;
        }

        context.Cancel = true;
        cancellation.Cancel();
        if (grace is { } period)
        {
            deadline = new Timer(_ => Environment.Exit(exitCode), null, period, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        deadline?.Dispose();
        cancellation.Dispose();
    }
}
