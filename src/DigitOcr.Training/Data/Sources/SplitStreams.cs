namespace DigitOcr.Data.Sources;

/// <summary>Seed streams that keep the splits' random draws apart even under one seed.</summary>
internal static class SplitStreams
{
    public static int Of(DataSplit split) => split switch
    {
        DataSplit.Train => 0x7261696e,
        DataSplit.Validation => 0x76616c69,
        DataSplit.Test => 0x74657374,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown split."),
    };

    /// <summary>Validation and test sets are the same every epoch: their draws ignore the epoch.</summary>
    public static int EpochFor(DataSplit split, int epoch) => split == DataSplit.Train ? epoch : 0;
}
