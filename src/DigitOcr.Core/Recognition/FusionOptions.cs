namespace DigitOcr.Recognition;

/// <summary>How the recognizer's reading of a box is fused with the detector's (see <see cref="RecognitionFusion"/>).</summary>
public sealed record FusionOptions
{
    /// <summary>
    /// A box is dropped when its presence — the geometric mean of the detector's score and the recognizer's belief that
    /// it holds a digit — is below this. 0.3 is the number reader's own floor for a digit.
    /// </summary>
    public double MinPresence { get; init; } = 0.3;

    /// <summary>Alternatives scoring below this (fused) are not kept.</summary>
    public double AlternativeMinScore { get; init; } = 0.01;

    /// <summary>At most this many alternatives per digit.</summary>
    public int MaxAlternatives { get; init; } = 3;

    /// <summary>
    /// With a recognizer ensemble, the members after the first read only the boxes whose first reading is less sure
    /// than this (its best probability below it); the sure ones keep the first reading. 1: every member reads every box.
    /// </summary>
    public double SecondOpinionBelow { get; init; } = 0.99;

    public IEnumerable<string> Validate()
    {
        if (MinPresence is < 0 or > 1 || double.IsNaN(MinPresence))
        {
            yield return $"fusion.minPresence must be in [0, 1], got {MinPresence}";
        }

        if (AlternativeMinScore is < 0 or > 1 || double.IsNaN(AlternativeMinScore))
        {
            yield return $"fusion.alternativeMinScore must be in [0, 1], got {AlternativeMinScore}";
        }

        if (SecondOpinionBelow is < 0 or > 1 || double.IsNaN(SecondOpinionBelow))
        {
            yield return $"fusion.secondOpinionBelow must be in [0, 1], got {SecondOpinionBelow}";
        }

        if (MaxAlternatives is < 0 or > 9)
        {
            yield return $"fusion.maxAlternatives must be in [0, 9], got {MaxAlternatives}";
        }
    }
}
