using System.Diagnostics;

namespace DigitOcr.Tests.Support;

/// <summary>Runs a command and returns its output, failing the test with everything it printed if it fails.</summary>
public static class Shell
{
    public static string Run(string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', start.ArgumentList)} did not finish in {timeoutSeconds} s");
        }

        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{output.Result}\n{errors.Result}");
        return output.Result;
    }

    /// <summary>The repository root (the folder holding DigitOcr.sln), found upward from the test's output.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitOcr.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("DigitOcr.sln not found above " + AppContext.BaseDirectory);
    }
}
