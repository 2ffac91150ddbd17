using System.Diagnostics;

namespace DigitOcr.Tests.Support;

/// <summary>Runs a checked-in script of golden/ with Debian's PyTorch (/usr/bin/python3; scripts/setup.sh installs python3-torch).</summary>
public static class Python
{
    public static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            WorkingDirectory = Golden.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} failed ({process.ExitCode}): {output}{errors.Result}");
        return output;
    }
}
