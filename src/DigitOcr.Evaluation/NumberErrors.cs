namespace DigitOcr.Evaluation;

/// <summary>
/// How written numbers were misread, from aligning each written number with the number read at its place (the fewest
/// substitutions, missed and extra digits that turn one into the other).
/// </summary>
/// <param name="Misread">Written numbers not read exactly.</param>
/// <param name="SubstitutionOnly">Misread with only wrong digits (as many digits as written).</param>
/// <param name="MissedDigit">Misread with digits missing and none extra.</param>
/// <param name="ExtraDigit">Misread with digits extra and none missing.</param>
/// <param name="Mixed">Misread with both missing and extra digits.</param>
/// <param name="NotRead">No number read at the written number's place.</param>
/// <param name="StrayNumbers">Numbers read where no number is written (stray marks, clutter).</param>
/// <param name="SubstitutedDigits">Wrong digits over all misread numbers.</param>
/// <param name="MissedDigits">Missing digits over all misread numbers.</param>
/// <param name="ExtraDigits">Extra digits over all misread numbers.</param>
/// <param name="Confusions">Substitutions by written and read digit, most frequent first.</param>
public sealed record NumberErrors(
    int Misread,
    int SubstitutionOnly,
    int MissedDigit,
    int ExtraDigit,
    int Mixed,
    int NotRead,
    int StrayNumbers,
    int SubstitutedDigits,
    int MissedDigits,
    int ExtraDigits,
    IReadOnlyList<DigitConfusion> Confusions)
{
    /// <summary>
    /// Misread numbers each of whose written digits was read right (its digit, at IoU 0.5): what went wrong is a mark
    /// read as an extra digit inside or beside the number, or the reader's grouping (split, joined to a neighbour, an
    /// end digit left off). 0 when the digits were not given.
    /// </summary>
    public int EveryDigitRead { get; init; }

    /// <summary>The first misread numbers (at most <see cref="NumberErrorAnalysis.MaxExamples"/>), in the order they were read.</summary>
    public IReadOnlyList<MisreadNumber> Examples { get; init; } = [];
}

/// <summary>A written number not read exactly: where, what was written, and what was read at its place (null: nothing).</summary>
public sealed record MisreadNumber(string Image, string Written, string? Read)
{
    /// <summary>Every written digit was read right (<see cref="NumberErrors.EveryDigitRead"/>).</summary>
    public bool EveryDigitRead { get; init; }
}

/// <summary>A written digit read as another, <paramref name="Count"/> times.</summary>
public readonly record struct DigitConfusion(int Written, int Read, int Count);
