using DigitOcr.Inference;
using DigitOcr.Inference.Json;
using DigitOcr.Reading;

namespace DigitOcr.Cli;

/// <summary>What the text output adds to a number that touches the picture's edge: it may be cut, so it is never shown as if whole.</summary>
internal static class EdgeNote
{
    public static string Of(NumberReading reading) => reading.Edges == PictureEdges.None
        ? string.Empty
        : $"  [at the picture's {string.Join(" and ", ReadingJson.EdgeNames(reading.Edges))} edge: may be cut]";
}
