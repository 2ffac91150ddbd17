using DigitOcr.Postprocess;

namespace DigitOcr.Inference.Passes;

/// <summary>
/// Joins the detections of a pass's tiles into one list, in the pass's pixels, one detection per digit:
/// <list type="bullet">
/// <item>a tile reports only detections whose box centre lies in the region it owns (<see cref="PassTile.Owns"/>):
/// a digit cut by a tile's edge has its centre in the overlap near that edge, which the neighbour owns and sees it
/// whole, so the cut fragment is dropped and the whole digit kept;</item>
/// <item>then, best score first, a detection is dropped when one kept from another tile overlaps it by the NMS IoU
/// (a digit centred on the boundary between two owned regions, seen by both tiles), as within a tile.</item>
/// </list>
/// With one tile this is its detections, unchanged.
/// </summary>
public static class TileMerge
{
    /// <param name="tiles">The pass's tiles.</param>
    /// <param name="detections">Per tile, its detections in the tile's own pixels.</param>
    /// <param name="nmsIoU">Overlap at which two tiles' detections are the same digit.</param>
    public static IReadOnlyList<Detection> Merge(IReadOnlyList<PassTile> tiles, IReadOnlyList<IReadOnlyList<Detection>> detections, double nmsIoU)
    {
        if (tiles.Count != detections.Count)
        {
            throw new ArgumentException($"{detections.Count} detection lists for {tiles.Count} tiles", nameof(detections));
        }

        if (tiles.Count == 1)
        {
            return detections[0];
        }

        var candidates = tiles
            .SelectMany((tile, i) => detections[i]
                .Select(d => (Detection: d with { Box = d.Box.Offset(tile.X, tile.Y) }, Tile: i))
                .Where(c => tile.Owns(c.Detection.Box.CenterX, c.Detection.Box.CenterY)))
            .OrderByDescending(c => c.Detection.Score)
            .ToList();
        var kept = new List<(Detection Detection, int Tile)>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (!kept.Any(k => k.Tile != candidate.Tile && k.Detection.Box.IoU(candidate.Detection.Box) >= nmsIoU))
            {
                kept.Add(candidate);
            }
        }

        return kept.Select(k => k.Detection).ToList();
    }
}
