namespace DigitOcr.Evaluation;

/// <summary>Which test pages <see cref="PageEvaluation"/> reads.</summary>
public enum PageEvaluationPreset
{
    /// <summary>Whole pages of the <c>pages</c> training preset's test split (336-672 px, digits 12-200 px tall).</summary>
    Pages,

    /// <summary>Small writing on large photos (<see cref="SmallWritingPages"/>): 2000-4000 px, digits 10-40 px tall.</summary>
    SmallWriting,
}
