namespace DigitOcr.CommandLine;

/// <summary>An error a command reports as it is, in one line, with its own exit code (no stack trace).</summary>
internal sealed class CommandLineException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
