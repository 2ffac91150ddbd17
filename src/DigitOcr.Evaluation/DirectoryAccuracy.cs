namespace DigitOcr.Evaluation;

/// <summary>How many written phone numbers were found in the directory by the number read at their place.</summary>
/// <param name="Found">Written numbers whose read looked up to their own entry.</param>
/// <param name="Written">Written numbers of <see cref="PageEvaluation.MinDirectoryDigits"/>+ digits, all fully visible.</param>
/// <param name="Entries">Entries in the directory: the written numbers plus the distractors, duplicates dropped.</param>
public sealed record DirectoryAccuracy(int Found, int Written, int Entries)
{
    /// <summary><see cref="Found"/> / <see cref="Written"/>; NaN when nothing was written.</summary>
    public double Rate => Written == 0 ? double.NaN : (double)Found / Written;
}
