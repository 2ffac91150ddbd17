using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Torch;

/// <summary>glibc malloc keeps freed tensor memory for reuse in every DigitOcr process, unless the user set malloc's thresholds.</summary>
public class MallocDefaultsTests
{
    private static bool UserChose() =>
        Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null ||
        Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is not null ||
        Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("glibc.malloc.") == true;

    [Fact]
    public void ThisProcess_KeepsFreedMemoryUnlessTheUserChose()
    {
        Assert.Equal(!UserChose(), RuntimeInfo.Current().MallocKeepsFreedMemory);
    }

    [Fact]
    public void Trainer_WithTheUsersMallocTunable_LeavesMallocAlone()
    {
        var mine = CliProcess.Run(CliProcess.Trainer, ["info"], new Dictionary<string, string?> { ["GLIBC_TUNABLES"] = null, ["MALLOC_MMAP_THRESHOLD_"] = null, ["MALLOC_TRIM_THRESHOLD_"] = null });
        var theirs = CliProcess.Run(CliProcess.Trainer, ["info"], new Dictionary<string, string?> { ["GLIBC_TUNABLES"] = "glibc.malloc.trim_threshold=1048576" });

        Assert.True(mine.ExitCode == 0, mine.ToString());
        Assert.Contains("malloc   keeps freed memory for reuse", mine.Output);
        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.Contains("malloc   the C library's or the environment's settings", theirs.Output);
    }
}
