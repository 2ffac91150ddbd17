using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;

namespace DigitOcr.Inference;

/// <summary>
/// One number read from a page and, when a directory was given, what looking it up found: a
/// <see cref="DirectoryMatch"/> or a <see cref="NoMatch"/> with its reason. <see cref="Lookup"/> is null without a directory.
/// </summary>
public sealed record NumberReading(RecognizedNumber Number, LookupResult? Lookup)
{
    /// <summary>The entry this number is, or null (no directory, or no entry accepted).</summary>
    public DirectoryMatch? Match => Lookup as DirectoryMatch;
}
