using System.Diagnostics;

namespace DigitOcr.Tests.Support;

/// <summary>What a command-line process printed and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}

/// <summary>
/// Runs the built command lines (<c>digitocr</c>, <c>DigitOcr.Training.Cli</c>, copied beside the tests) as users do:
/// a separate process, its exit code and both streams, whatever the code.
/// </summary>
public static class CliProcess
{
    public const string Digitocr = "digitocr";
    public const string Trainer = "DigitOcr.Training.Cli";

    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/>; a null environment value removes the variable.</summary>
    public static CliResult Run(string tool, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, string? workingDirectory = null, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, tool))
        {
            WorkingDirectory = workingDirectory ?? Shell.RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', start.ArgumentList)} did not finish in {timeoutSeconds} s");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, output.Result, errors.Result);
    }
}
