using System.Diagnostics;

namespace DigitOcr.Tests.Support;

/// <summary>A fact that needs Debian's PyTorch (<c>/usr/bin/python3</c> with python3-torch); skipped, saying so, where it is missing.</summary>
public sealed class PyTorchFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import torch"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    });

    public PyTorchFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "python3-torch is not installed (/usr/bin/python3 cannot import torch); scripts/setup.sh installs it";
        }
    }
}
