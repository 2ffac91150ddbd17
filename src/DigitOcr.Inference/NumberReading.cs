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

    /// <summary><paramref name="number"/> read in a picture of <paramref name="width"/> x <paramref name="height"/>, with the edges it touches.</summary>
    public static NumberReading InPicture(RecognizedNumber number, LookupResult? lookup, int width, int height) =>
        new(number, lookup) { Edges = PictureEdge.Touched(number.Box, width, height) };

    /// <summary>The entry this number is, or null (no directory, or no entry accepted).</summary>
    public DirectoryMatch? Match => Lookup as DirectoryMatch;
}
