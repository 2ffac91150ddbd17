using System.Diagnostics;
using System.Text.Json;

namespace DigitOcr.CommandLine;

/// <summary>
/// Runs the PyTorch side of a benchmark (a script in the repository's <c>bench/</c> folder) with Debian's PyTorch
/// (<c>/usr/bin/python3</c>, python3-torch, which <c>scripts/setup.sh</c> installs) and reads the one JSON line it
/// prints last. Shared, as source, by <c>digitocr bench --pytorch</c> and the trainer's <c>bench-train</c>. The
/// script runs with this process's environment as .NET holds it (not DigitOcr's native OpenMP defaults): PyTorch
/// as users run it.
/// </summary>
internal static class PyTorchScript
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>
    /// The full path of <paramref name="script"/> (such as <c>bench/pytorch_infer.py</c>), searched from the current
    /// folder upwards, then from the tool's own folder upwards (a tool built in the repository finds it from anywhere).
    /// </summary>
    public static string Find(string script)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, script);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{script} was not found in the current folder, the tool's folder or above them; run the PyTorch comparison from inside the DigitOcr repository");
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; its last stdout line, parsed.</summary>
    /// <exception cref="InvalidOperationException">The script failed (the message has its stderr).</exception>
    public static JsonDocument Run(string script, IEnumerable<string> arguments)
    {
        var path = Find(script);
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Interpreter}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var last = errors.Result.Trim().Split('\n')[^1];
            throw new InvalidOperationException($"{script} failed (exit code {process.ExitCode}): {last}. Is python3-torch installed (scripts/setup.sh)?");
        }

        return JsonDocument.Parse(output.Trim().Split('\n')[^1]);
    }
}
