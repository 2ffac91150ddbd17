using System.Diagnostics;
using System.Text;

namespace DigitOcr.Tests.Support;

/// <summary>
/// A command-line tool left running (<c>digitocr serve</c>, <c>digitocr watch</c> on a camera-like source), as a user
/// runs it in a terminal: its output read line by line as it comes, Ctrl-C sent as SIGINT, its exit awaited. Waits
/// are for a line to appear or the process to end, each with a generous bound; never a fixed sleep.
/// </summary>
public sealed class CliSession : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();
    private readonly SemaphoreSlim changed = new(0);

    public CliSession(string tool, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, tool))
        {
            WorkingDirectory = workingDirectory ?? Shell.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.Exited += (_, _) => changed.Release();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>Waits until stdout or stderr has a line containing <paramref name="text"/>; returns that line.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var line = (Output + Errors).Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line.TrimEnd('\r');
            }

            if (process.HasExited)
            {
                process.WaitForExit();
                Assert.Fail($"the process ended (exit code {process.ExitCode}) before printing '{text}':\n{this}");
            }

            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no line with '{text}' within {Patience.TotalSeconds} s:\n{this}");
            await changed.WaitAsync(left);
        }
    }

    /// <summary>
    /// Ctrl-C: SIGINT to the process, as a terminal sends it. When the tests themselves run with SIGINT ignored (a
    /// shell starts background jobs so), the process inherited that and rightly keeps ignoring it; then SIGTERM, the
    /// stop a service manager sends, which the tools handle the same way.
    /// </summary>
    public void Interrupt()
    {
        var signal = SigIntIgnored() ? "-TERM" : "-INT";
        using var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>True when this process ignores SIGINT (bit 2 of <c>SigIgn</c> in /proc/self/status).</summary>
    private static bool SigIntIgnored()
    {
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))
            : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0;
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the process did not end within {Patience.TotalSeconds} s:\n{this}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public override string ToString() => $"--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        changed.Dispose();
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }

        changed.Release();
    }
}
