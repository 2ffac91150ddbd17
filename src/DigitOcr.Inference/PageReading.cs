using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;

namespace DigitOcr.Inference;

/// <summary>
/// Everything read from one image: the detected digits, the numbers they form in reading order, and — with a
/// directory — the best directory match among those numbers (null when none matched).
/// </summary>
public sealed record PageReading(DetectionResult Detection, IReadOnlyList<RecognizedNumber> Numbers, DirectoryMatch? Match, IReadOnlyList<LookupResult> Lookups);
