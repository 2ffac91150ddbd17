namespace DigitOcr.Data.Loading;

/// <summary>
/// Which share of the data stream one rank of a data-parallel run draws. The stream is cut into global batches of
/// <c>Count · B</c> samples (B: the loader's batch size, per rank); rank <c>r</c>'s batch <c>b</c> holds samples
/// <c>(b·Count + r)·B .. (b·Count + r + 1)·B - 1</c> of the epoch: slice <c>r</c> of global batch <c>b</c>. So the
/// ranks' shares are distinct, each depends only on (seed, epoch, rank), and together the ranks' batch <c>b</c> are
/// exactly batch <c>b</c> of one process whose batch size is <c>Count · B</c>.
/// </summary>
public readonly record struct DataShard
{
    public DataShard(int rank, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, count);
        Rank = rank;
        Count = count;
    }

    /// <summary>The whole stream, for a single process.</summary>
    public static DataShard Whole { get; } = new(0, 1);

    /// <summary>This rank, 0 .. <see cref="Count"/> - 1.</summary>
    public int Rank { get; }

    /// <summary>The ranks sharing the stream.</summary>
    public int Count { get; }

    /// <summary>The first sample of this rank's batch <paramref name="index"/> of <paramref name="batchSize"/> samples.</summary>
    public long FirstSample(long index, int batchSize) => ((index * Math.Max(Count, 1)) + Rank) * batchSize;
}
