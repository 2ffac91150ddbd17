namespace DigitOcr.Loss;

/// <summary>How hard negatives are ranked: per image (SSD's documented behaviour) or across the whole batch (the reference's quirk).</summary>
public enum NegativeMining
{
    PerImage,
    BatchGlobal,
}

/// <summary>The multibox loss: smooth-L1 on positives + cross-entropy on positives and mined negatives, over N positives.</summary>
public sealed record LossOptions
{
    /// <summary>Negatives kept per positive (the reference: 3).</summary>
    public int NegativeRatio { get; init; } = 3;

    public NegativeMining Mining { get; init; } = NegativeMining.PerImage;

    public IEnumerable<string> Validate()
    {
        if (NegativeRatio < 0)
        {
            yield return $"loss.negativeRatio must be >= 0, got {NegativeRatio}";
        }
    }
}
