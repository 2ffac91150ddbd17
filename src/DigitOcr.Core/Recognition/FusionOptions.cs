namespace DigitOcr.Recognition;

/// <summary>How the recognizer's reading of a box is fused with the detector's (see <see cref="RecognitionFusion"/>).</summary>
public sealed record FusionOptions
{
    /// <summary>A box whose "not a digit" probability reaches this is dropped.</summary>
    public double NotADigitThreshold { get; init; } = 0.5;

    /// <summary>Alternatives scoring below this (fused) are not kept.</summary>
    public double AlternativeMinScore { get; init; } = 0.01;

    /// <summary>At most this many alternatives per digit.</summary>
    public int MaxAlternatives { get; init; } = 3;

    public IEnumerable<string> Validate()
    {
        if (NotADigitThreshold is <= 0 or > 1 || double.IsNaN(NotADigitThreshold))
        {
            yield return $"fusion.notADigitThreshold must be in (0, 1], got {NotADigitThreshold}";
        }

        if (AlternativeMinScore is < 0 or > 1 || double.IsNaN(AlternativeMinScore))
        {
            yield return $"fusion.alternativeMinScore must be in [0, 1], got {AlternativeMinScore}";
        }

        if (MaxAlternatives is < 0 or > 9)
        {
            yield return $"fusion.maxAlternatives must be in [0, 9], got {MaxAlternatives}";
        }
    }
}
