using DigitOcr.Torch.Distributed;

namespace DigitOcr.Tests.Torch.Distributed;

public sealed class DistributedContextTests
{
    [Fact]
    public void NoVariableSet_IsNotADistributedRun()
    {
        Assert.Null(DistributedContext.From(_ => null));
    }

    [Fact]
    public void TorchrunsVariables_AreReadAsTorchrunSetsThem()
    {
        var context = DistributedContext.From(Variables(("WORLD_SIZE", "4"), ("RANK", "3"), ("LOCAL_RANK", "1"), ("MASTER_ADDR", " node0 "), ("MASTER_PORT", "29500")));

        Assert.Equal(new DistributedContext(4, 3, 1, "node0", 29500), context);
        Assert.False(context!.IsLeader);
        Assert.True(context.IsDistributed);
        Assert.Equal("3", context.ToEnvironment()["RANK"]);
    }

    [Fact]
    public void TorchrunsAgentStore_IsUsedUnderItsPrefix_InsteadOfRankZeroHostingOne()
    {
        var own = DistributedContext.From(Variables(("WORLD_SIZE", "2"), ("RANK", "0"), ("MASTER_ADDR", "127.0.0.1"), ("MASTER_PORT", "29500")));
        var agent = DistributedContext.From(Variables(("WORLD_SIZE", "2"), ("RANK", "0"), ("MASTER_ADDR", "127.0.0.1"), ("MASTER_PORT", "29500"),
            ("TORCHELASTIC_USE_AGENT_STORE", "True"), ("TORCHELASTIC_RESTART_COUNT", "2")));

        Assert.Null(own!.AgentStorePrefix);
        Assert.Equal("/worker/attempt_2", agent!.AgentStorePrefix);
    }

    [Fact]
    public void LocalRank_WhenNotSet_IsTheRank()
    {
        var context = DistributedContext.From(Variables(("WORLD_SIZE", "2"), ("RANK", "1"), ("MASTER_ADDR", "127.0.0.1"), ("MASTER_PORT", "1234")));

        Assert.Equal(1, context!.LocalRank);
    }

    [Fact]
    public void BadVariables_AreAllReported_EachWithItsNameValueAndRange()
    {
        var error = Assert.Throws<DistributedEnvironmentException>(() => DistributedContext.From(Variables(
            ("WORLD_SIZE", "2"), ("RANK", "2"), ("LOCAL_RANK", "-1"), ("MASTER_PORT", "70000"))));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("RANK is '2'; it must be a whole number 0 .. 1", error.Message);
        Assert.Contains("LOCAL_RANK is '-1'; it must be a whole number >= 0", error.Message);
        Assert.Contains("MASTER_ADDR is not set", error.Message);
        Assert.Contains("MASTER_PORT is '70000'; it must be a whole number 1 .. 65535", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;
}
