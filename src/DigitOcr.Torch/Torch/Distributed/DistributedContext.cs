using System.Globalization;

namespace DigitOcr.Torch.Distributed;

/// <summary>
/// Where this process stands in a data-parallel run, read from the environment variables that <c>torchrun</c> (and any
/// launcher following PyTorch's <c>env://</c> convention) sets: <c>WORLD_SIZE</c> ranks in all, this one <c>RANK</c>
/// (0, the leader, hosts the rendezvous store), <c>LOCAL_RANK</c> on its machine, and <c>MASTER_ADDR</c>:<c>MASTER_PORT</c>
/// where rank 0's store listens.
/// </summary>
public sealed record DistributedContext(int WorldSize, int Rank, int LocalRank, string MasterAddress, int MasterPort)
{
    public const string WorldSizeVariable = "WORLD_SIZE";
    public const string RankVariable = "RANK";
    public const string LocalRankVariable = "LOCAL_RANK";
    public const string MasterAddressVariable = "MASTER_ADDR";
    public const string MasterPortVariable = "MASTER_PORT";

    /// <summary>Set to <c>True</c> by torchrun, whose agent then hosts the rendezvous store on MASTER_PORT itself.</summary>
    public const string AgentStoreVariable = "TORCHELASTIC_USE_AGENT_STORE";

    /// <summary>torchrun's count of restarts, which names the workers' key prefix in the agent's store.</summary>
    public const string RestartCountVariable = "TORCHELASTIC_RESTART_COUNT";

    /// <summary>The variables, in the order they are checked.</summary>
    public static IReadOnlyList<string> Variables { get; } =
        [WorldSizeVariable, RankVariable, LocalRankVariable, MasterAddressVariable, MasterPortVariable];

    /// <summary>
    /// Where the workers' keys go when a launcher's agent hosts the store (torchrun sets <c>TORCHELASTIC_USE_AGENT_STORE=True</c>;
    /// its workers use <c>/worker/attempt_&lt;TORCHELASTIC_RESTART_COUNT&gt;</c>, as PyTorch's <c>env://</c> does); null
    /// when rank 0 hosts the store.
    /// </summary>
    public string? AgentStorePrefix { get; init; }

    /// <summary>Rank 0: the one that validates, logs and writes checkpoints, and whose weights every rank starts from.</summary>
    public bool IsLeader => Rank == 0;

    /// <summary>More than one rank; a world of one trains as a plain single process.</summary>
    public bool IsDistributed => WorldSize > 1;

    /// <summary>The context this process's environment describes; null when none of the variables is set.</summary>
    /// <exception cref="DistributedEnvironmentException">Some are set but a required one is not, or one is out of range.</exception>
    public static DistributedContext? FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>
    /// The context the variables describe; null when none is set. <c>WORLD_SIZE</c>, <c>RANK</c>, <c>MASTER_ADDR</c>
    /// and <c>MASTER_PORT</c> are required together (as for PyTorch's <c>env://</c>); <c>LOCAL_RANK</c>, which only
    /// picks a GPU, defaults to <c>RANK</c> (one machine).
    /// </summary>
    /// <exception cref="DistributedEnvironmentException">Every problem at once, each naming its variable, the value and what it must be.</exception>
    public static DistributedContext? From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var values = Variables.ToDictionary(v => v, v => variable(v));
        if (values.Values.All(v => v is null))
        {
            return null;
        }

        var problems = new List<string>();
        var worldSize = Whole(values, WorldSizeVariable, 1, int.MaxValue, "the number of ranks", problems);
        var rank = Whole(values, RankVariable, 0, worldSize is { } w ? w - 1 : int.MaxValue, "this process's rank, 0 .. WORLD_SIZE - 1", problems);
        var localRank = values[LocalRankVariable] is null
            ? rank
            : Whole(values, LocalRankVariable, 0, int.MaxValue, "this process's rank on its machine", problems);
        var address = values[MasterAddressVariable];
        if (address is null)
        {
            problems.Add($"{MasterAddressVariable} is not set; set it to rank 0's host name or address (127.0.0.1 on one machine)");
        }
        else if (string.IsNullOrWhiteSpace(address))
        {
            problems.Add($"{MasterAddressVariable} is empty; set it to rank 0's host name or address (127.0.0.1 on one machine)");
        }

        var port = Whole(values, MasterPortVariable, 1, 65_535, "the TCP port rank 0's store listens on", problems);
        string? prefix = null;
        if (string.Equals(variable(AgentStoreVariable), "True", StringComparison.OrdinalIgnoreCase))
        {
            var restarts = variable(RestartCountVariable) ?? "0";
            prefix = int.TryParse(restarts, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
                ? $"/worker/attempt_{attempt}"
                : null;
            if (prefix is null)
            {
                problems.Add($"{RestartCountVariable} is '{restarts}'; it must be a whole number >= 0 (torchrun's restart count)");
            }
        }

        if (problems.Count > 0)
        {
            throw new DistributedEnvironmentException(problems);
        }

        return new DistributedContext(worldSize!.Value, rank!.Value, localRank!.Value, address!.Trim(), port!.Value) { AgentStorePrefix = prefix };
    }

    /// <summary>The variables a launcher sets for this rank.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>
    {
        [WorldSizeVariable] = WorldSize.ToString(CultureInfo.InvariantCulture),
        [RankVariable] = Rank.ToString(CultureInfo.InvariantCulture),
        [LocalRankVariable] = LocalRank.ToString(CultureInfo.InvariantCulture),
        [MasterAddressVariable] = MasterAddress,
        [MasterPortVariable] = MasterPort.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() => $"rank {Rank} of {WorldSize} (local rank {LocalRank}), rendezvous at {MasterAddress}:{MasterPort}";

    private static int? Whole(Dictionary<string, string?> values, string name, int min, int max, string meaning, List<string> problems)
    {
        var text = values[name];
        if (text is null)
        {
            problems.Add($"{name} is not set; set it to {meaning} (torchrun sets {string.Join(", ", Variables)})");
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var range = max == int.MaxValue ? $">= {min}" : $"{min} .. {max}";
        problems.Add($"{name} is '{text}'; it must be a whole number {range}: {meaning}");
        return null;
    }
}
