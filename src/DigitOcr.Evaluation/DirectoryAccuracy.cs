namespace DigitOcr.Evaluation;

/// <summary>How many written phone numbers were found in the directory by the number read at their place.</summary>
/// <param name="Found">Written numbers whose read looked up to their own entry.</param>
/// <param name="Written">Written numbers of <see cref="PageEvaluation.MinDirectoryDigits"/>+ digits, all fully visible.</param>
/// <param name="Entries">Entries in the directory: the written numbers plus the distractors, duplicates dropped.</param>
/// <param name="Wrong">Lookups that named the wrong person: a written number matched to another entry, or a number read
/// where no phone number is written that matched someone.</param>
public sealed record DirectoryAccuracy(int Found, int Written, int Entries, int Wrong = 0)
{
    /// <summary>Recall: <see cref="Found"/> / <see cref="Written"/>; NaN when nothing was written.</summary>
    public double Rate => Written == 0 ? double.NaN : (double)Found / Written;

    /// <summary>Precision of the persons named: <see cref="Found"/> / (<see cref="Found"/> + <see cref="Wrong"/>); NaN when nobody was named.</summary>
    public double Precision => Found + Wrong == 0 ? double.NaN : (double)Found / (Found + Wrong);

    /// <summary>Each of the <see cref="Wrong"/> lookups, as written, read and named.</summary>
    public IReadOnlyList<WrongPerson> WrongPersons { get; init; } = [];

    /// <summary>Wrong persons per written phone number: how often a user is shown the wrong person.</summary>
    public double WrongRate => Written == 0 ? double.NaN : (double)Wrong / Written;
}
