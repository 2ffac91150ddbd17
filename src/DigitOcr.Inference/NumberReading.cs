using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;

namespace DigitOcr.Inference;

/// <summary>
/// One number read from a page and, when a directory was given, what looking it up found: a
/// <see cref="DirectoryMatch"/> or a <see cref="NoMatch"/> with its reason. <see cref="Lookup"/> is null without a directory.
/// </summary>
public sealed record NumberReading(RecognizedNumber Number, LookupResult? Lookup)
{
    /// <summary>
    /// The sides of the picture the number touches (<see cref="PictureEdge"/>): when any, it may go on past the edge
    /// or have a digit cut, and what was read may be only part of it. Its lookup is made all the same.
    /// </summary>
    public PictureEdges Edges { get; init; }

    /// <summary><paramref name="number"/> read in <paramref name="detection"/>'s picture, with the edges it, or a digit beside it, touches.</summary>
    public static NumberReading InPicture(RecognizedNumber number, LookupResult? lookup, DetectionResult detection)
    {
        ArgumentNullException.ThrowIfNull(detection);
        return new(number, lookup) { Edges = PictureEdge.Touched(number, detection.Digits, detection.Width, detection.Height) };
    }

    /// <summary>The entry this number is, or null (no directory, or no entry accepted).</summary>
    public DirectoryMatch? Match => Lookup as DirectoryMatch;
}
