using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Torch;

/// <summary>
/// OpenMP workers sleep when idle (<c>OMP_WAIT_POLICY=PASSIVE</c>) in every process that loads DigitOcr, without
/// the user setting anything, and a policy the user did set is kept. libgomp itself is asked what it was loaded
/// with: <c>OMP_DISPLAY_ENV=VERBOSE</c> makes it print its settings on stderr when it starts. It prints
/// <c>OMP_WAIT_POLICY = 'PASSIVE'</c> for an unset policy too, so the spin count tells them apart: 0 for PASSIVE,
/// 300000 when unset, 30000000000 for ACTIVE.
/// </summary>
public class OpenMpWaitPolicyTests
{
    private const string Variable = "OMP_WAIT_POLICY";

    [Fact]
    public void ThisProcess_NativeEnvironmentHoldsPassiveUnlessTheUserChose()
    {
        var chosen = Environment.GetEnvironmentVariable(Variable);

        Assert.Equal(chosen ?? "PASSIVE", RuntimeInfo.Current().OpenMpWaitPolicy);
    }

    [Fact]
    public void Trainer_WithNoPolicySet_LoadsOpenMpPassive()
    {
        var result = CliProcess.Run(CliProcess.Trainer, ["info"], DisplayEnvironment(policy: null));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("GOMP_SPINCOUNT = '0'", result.Errors);
        Assert.Contains("OpenMP wait policy PASSIVE", result.Output);
    }

    [Fact]
    public void Trainer_WithTheUsersPolicy_KeepsIt()
    {
        var result = CliProcess.Run(CliProcess.Trainer, ["info"], DisplayEnvironment(policy: "ACTIVE"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("GOMP_SPINCOUNT = '30000000000'", result.Errors);
        Assert.Contains("OpenMP wait policy ACTIVE", result.Output);
    }

    [Fact]
    public void Digitocr_WithNoPolicySet_LoadsOpenMpPassive()
    {
        var result = CliProcess.Run(CliProcess.Digitocr, ["bench", "--runs", "1", "--width", "64", "--height", "64", "--pyramid", "1"], DisplayEnvironment(policy: null));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("GOMP_SPINCOUNT = '0'", result.Errors);
    }

    private static Dictionary<string, string?> DisplayEnvironment(string? policy) => new()
    {
        [Variable] = policy,
        ["OMP_DISPLAY_ENV"] = "VERBOSE",
    };
}
