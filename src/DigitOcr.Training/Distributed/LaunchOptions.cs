using DigitOcr.Torch.Distributed;

namespace DigitOcr.Training.Distributed;

/// <summary>
/// How <see cref="WorkerLauncher"/> starts the workers of this machine, by torchrun's conventions: <see cref="Nodes"/>
/// machines run <see cref="ProcessesPerNode"/> workers each; this one is <see cref="NodeRank"/>, so its workers are
/// ranks <c>NodeRank·ProcessesPerNode ..</c>; rank 0 (on node 0) hosts the rendezvous at
/// <see cref="MasterAddress"/>:<see cref="MasterPort"/>.
/// </summary>
public sealed record LaunchOptions
{
    public int ProcessesPerNode { get; init; } = 1;

    public int Nodes { get; init; } = 1;

    public int NodeRank { get; init; }

    /// <summary>Rank 0's machine; null: this one (127.0.0.1), which needs <see cref="Nodes"/> = 1.</summary>
    public string? MasterAddress { get; init; }

    /// <summary>The rendezvous port; null: a free one, which needs <see cref="Nodes"/> = 1.</summary>
    public int? MasterPort { get; init; }

    /// <summary>Every rank of the run.</summary>
    public int WorldSize => Nodes * ProcessesPerNode;

    /// <summary>Every problem, each naming its option (or variable) and the allowed range.</summary>
    public IEnumerable<string> Validate()
    {
        if (ProcessesPerNode < 1)
        {
            yield return $"--nproc-per-node must be at least 1, got {ProcessesPerNode}";
        }

        if (Nodes < 1)
        {
            yield return $"--nnodes must be at least 1, got {Nodes}";
        }

        if (NodeRank < 0 || NodeRank >= Nodes)
        {
            yield return $"--node-rank must be 0 .. --nnodes - 1 ({Nodes - 1}), got {NodeRank}";
        }

        if (Nodes > 1 && string.IsNullOrWhiteSpace(MasterAddress))
        {
            yield return $"{DistributedContext.MasterAddressVariable} must name node 0's host or address when --nnodes is {Nodes}";
        }

        if (Nodes > 1 && MasterPort is null)
        {
            yield return $"{DistributedContext.MasterPortVariable} must be set (the same port on every node) when --nnodes is {Nodes}";
        }

        if (MasterPort is < 1 or > 65_535)
        {
            yield return $"{DistributedContext.MasterPortVariable} must be a port number 1 .. 65535, got {MasterPort}";
        }
    }
}
