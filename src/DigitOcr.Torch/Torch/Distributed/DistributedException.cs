using System.Globalization;

namespace DigitOcr.Torch.Distributed;

/// <summary>
/// A collective, or joining the process group, failed on this rank: says which rank saw it, in what operation, what
/// kind of failure (<see cref="DistributedFailure"/>) and c10d's own message. A rank that dies or hangs surfaces on
/// the others as one of these within the process group's timeout, never as a silent hang.
/// </summary>
public sealed class DistributedException : Exception
{
    public DistributedException(int rank, int worldSize, string operation, DistributedFailure failure, TimeSpan timeout, string detail, string? note = null)
        : base(Describe(rank, worldSize, operation, failure, timeout, detail, note))
    {
        Rank = rank;
        WorldSize = worldSize;
        Operation = operation;
        Failure = failure;
        Timeout = timeout;
        Detail = detail;
        Note = note;
    }

    /// <summary>The rank that raised it (this process).</summary>
    public int Rank { get; }

    public int WorldSize { get; }

    /// <summary>What this rank was doing ("all-reduce of 1234 float32 values", "joining the process group at host:port").</summary>
    public string Operation { get; }

    public DistributedFailure Failure { get; }

    /// <summary>The process group's timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>c10d's (or gloo's) own message.</summary>
    public string Detail { get; }

    /// <summary>What the caller knows besides (for example how far each rank got), or null.</summary>
    public string? Note { get; }

    /// <summary>The same failure with <paramref name="note"/> added to the message.</summary>
    public DistributedException WithNote(string note) => new(Rank, WorldSize, Operation, Failure, Timeout, Detail, note);

    /// <summary>Sorts c10d's and gloo's messages into the failures a user acts on differently.</summary>
    public static DistributedFailure Classify(string detail)
    {
        var text = detail.ToLowerInvariant();
        if (text.Contains("timed out", StringComparison.Ordinal) || text.Contains("timeout", StringComparison.Ordinal))
        {
            return DistributedFailure.TimedOut;
        }

        string[] lost = ["closed by peer", "connection reset", "broken pipe", "connection refused", "connection closed", "socket closed", "end of file"];
        return lost.Any(l => text.Contains(l, StringComparison.Ordinal)) ? DistributedFailure.PeerLost : DistributedFailure.Other;
    }

    private static string Describe(int rank, int worldSize, string operation, DistributedFailure failure, TimeSpan timeout, string detail, string? note)
    {
        var what = failure switch
        {
            DistributedFailure.TimedOut => string.Create(CultureInfo.InvariantCulture,
                $"{operation} timed out after {timeout.TotalSeconds:0.#} s: another rank did not take part in time (it hung, died or never started)"),
            DistributedFailure.PeerLost => $"{operation} failed: another rank closed its connection (it stopped or died)",
            _ => $"{operation} failed",
        };
        var single = detail.ReplaceLineEndings(" ").Trim();
        return $"rank {rank} of {worldSize}: {what}{(note is null ? string.Empty : $"; {note}")} (c10d: {single})";
    }
}
