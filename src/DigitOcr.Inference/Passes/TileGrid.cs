namespace DigitOcr.Inference.Passes;

/// <summary>
/// Cuts a pass's image into overlapping tiles of at most <c>tileSize</c> x <c>tileSize</c>, so that the network's
/// memory stays bounded on any image. Along an axis that fits in a tile there is one tile, padded to the multiple;
/// along a longer axis, n tiles of one length (a multiple of the padding multiple, so no tile needs padding), the
/// first at 0 and the last ending at the image's edge, spread evenly with neighbours overlapping by at least
/// <c>overlap</c> px. A digit no taller and wider than the overlap is then whole in the tile that owns its centre.
/// Pure arithmetic.
/// </summary>
public static class TileGrid
{
    /// <summary>The tiles of a <paramref name="width"/> x <paramref name="height"/> image, row by row.</summary>
    public static IReadOnlyList<PassTile> Tiles(int width, int height, int tileSize, int overlap, int padMultiple)
    {
        var columns = Split(width, tileSize, overlap, padMultiple);
        var rows = Split(height, tileSize, overlap, padMultiple);
        return rows.SelectMany(r => columns.Select(c =>
            new PassTile(c.Start, r.Start, c.Length, r.Length, c.Padded, r.Padded, c.Own1, r.Own1, c.Own2, r.Own2))).ToList();
    }

    /// <summary>The tiles along one axis of <paramref name="length"/> px.</summary>
    public static IReadOnlyList<AxisSpan> Split(int length, int tileSize, int overlap, int padMultiple)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(padMultiple, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        if (tileSize % padMultiple != 0 || tileSize <= overlap)
        {
            throw new ArgumentOutOfRangeException(nameof(tileSize), tileSize, $"a tile side must be a multiple of {padMultiple} and larger than the overlap ({overlap} px)");
        }

        if (length <= tileSize)
        {
            return [new AxisSpan(0, length, Pad(length, padMultiple), double.NegativeInfinity, double.PositiveInfinity)];
        }

        var count = (int)Math.Ceiling((double)(length - overlap) / (tileSize - overlap));
        // The shortest tile that still overlaps its neighbours enough; at most tileSize because count was chosen so.
        var span = Pad((int)Math.Ceiling((double)(length + ((count - 1) * overlap)) / count), padMultiple);
        var starts = Enumerable.Range(0, count).Select(i => (int)Math.Round(i * (double)(length - span) / (count - 1))).ToArray();
        return starts.Select((start, i) => new AxisSpan(
            start,
            span,
            span,
            i == 0 ? double.NegativeInfinity : (starts[i - 1] + span + start) / 2.0,
            i == count - 1 ? double.PositiveInfinity : (start + span + starts[i + 1]) / 2.0)).ToList();
    }

    private static int Pad(int size, int multiple) => ((size + multiple - 1) / multiple) * multiple;
}
