namespace DigitOcr.Training;

/// <summary>
/// What every rank of a data-parallel run knows after a step's forward pass: the positives and loss sums of the global
/// batch (all ranks' batches together) and whether any rank asked to stop after this step.
/// </summary>
internal readonly record struct StepAgreement(long Positives, double LocalizationSum, double ClassificationSum, bool Stop)
{
    /// <summary>The multibox loss's divisor for the global batch: its positives, at least 1.</summary>
    public double Divisor => Math.Max(Positives, 1);

    /// <summary>The global batch's localization loss, as one process training on it would report.</summary>
    public double Localization => LocalizationSum / Divisor;

    public double Classification => ClassificationSum / Divisor;
}
