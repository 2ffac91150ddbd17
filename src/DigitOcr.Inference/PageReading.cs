using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;

namespace DigitOcr.Inference;

/// <summary>
/// Everything read from one image: the detected digits, the numbers they form in reading order, each with its own
/// directory lookup (<see cref="Readings"/>), and the page's best match among them (<see cref="Match"/>).
/// </summary>
public sealed record PageReading(DetectionResult Detection, IReadOnlyList<NumberReading> Readings)
{
    /// <summary>The numbers, in reading order.</summary>
    public IReadOnlyList<RecognizedNumber> Numbers => Readings.Select(r => r.Number).ToList();

    /// <summary>Each number's lookup, in reading order; empty without a directory.</summary>
    public IReadOnlyList<LookupResult> Lookups => Readings.Where(r => r.Lookup is not null).Select(r => r.Lookup!).ToList();

    /// <summary>
    /// The page's best match: of the numbers that matched an entry, the one at the smallest distance; among equally
    /// close ones, the more confident number, then the first in reading order. Null when none matched or there is
    /// no directory.
    /// </summary>
    public DirectoryMatch? Match => Readings
        .Where(r => r.Match is not null)
        .OrderBy(r => r.Match!.Distance)
        .ThenByDescending(r => r.Number.Score)
        .Select(r => r.Match)
        .FirstOrDefault();
}
