using System.Runtime.InteropServices;

namespace DigitOcr.Training.Distributed;

/// <summary>Signals to other processes (Linux), for stopping workers as a service manager does: SIGTERM, then SIGKILL.</summary>
internal static class PosixSignals
{
    public const int Terminate = 15;

    public const int Kill = 9;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; false when it is already gone.</summary>
    public static bool Send(int processId, int signal) => SendSignal(processId, signal) == 0;

    // DllImport rather than LibraryImport: two ints need no marshalling, and this assembly allows no unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054
}
