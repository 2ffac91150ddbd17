using DigitOcr.Reading;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// What <see cref="PhoneDirectory.LookupReading"/> found: the reading of the number the directory settled on (the
/// number as read, or with a faint end digit the directory holds exactly) and its lookup.
/// </summary>
public sealed record ReadingLookup(RecognizedNumber Reading, LookupResult Result)
{
    /// <summary>
    /// How many of the numbers looked up this reading stands for: 2 when <see cref="PhoneDirectory.LookupReadings"/>
    /// joined two neighbours into one entry, else 1.
    /// </summary>
    public int NumbersJoined { get; init; } = 1;
}
