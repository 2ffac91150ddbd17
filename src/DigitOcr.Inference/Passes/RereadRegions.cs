using DigitOcr.Boxes;
using DigitOcr.Postprocess;

namespace DigitOcr.Inference.Passes;

/// <summary>
/// One place to read again enlarged: new detections whose centre lies in <see cref="Area"/> replace the old ones
/// there; the network sees <see cref="Crop"/>, the area with context around it. Both in the image's pixels, inside it.
/// </summary>
public sealed record RereadRegion(Box Area, Box Crop)
{
    /// <summary>True when a detection's box centre lies in <see cref="Area"/>.</summary>
    public bool Holds(Detection detection) =>
        detection.Box.CenterX >= Area.X1 && detection.Box.CenterX < Area.X2 &&
        detection.Box.CenterY >= Area.Y1 && detection.Box.CenterY < Area.Y2;
}

/// <summary>
/// Where small writing was found, to be read again enlarged (<see cref="DetectorOptions.RereadBelowHeight"/>). Each
/// digit shorter than the bound (and sure enough to be read) claims its box widened by one digit height on each side
/// and half a height above and below, so that a neighbour the first pass missed lies inside; overlapping claims join
/// into one region. The network reads each region with half a digit height more around it, so that a digit at the
/// region's edge is whole in what it sees. Pure arithmetic: no image is touched.
/// </summary>
public static class RereadRegions
{
    /// <summary>How far a small digit's claim reaches beyond its box, sideways, in digit heights.</summary>
    public const double SideReach = 1.0;

    /// <summary>How far a small digit's claim reaches beyond its box, up and down, in digit heights.</summary>
    public const double UpDownReach = 0.5;

    /// <summary>The context around a region that the network sees as well, in the region's median digit height.</summary>
    public const double CropContext = 0.5;

    /// <param name="digits">What the first reading found, in the image's pixels.</param>
    /// <param name="width">The image's width.</param>
    /// <param name="height">The image's height.</param>
    /// <param name="belowHeight">Digits shorter than this (px) are small writing.</param>
    /// <param name="minScore">Digits scoring less are not counted (the reader would not read them).</param>
    public static IReadOnlyList<RereadRegion> Find(IReadOnlyList<Detection> digits, int width, int height, double belowHeight, double minScore)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var bounds = new Box(0, 0, width, height);
        var seeds = digits
            .Where(d => d.Score >= minScore && d.Box.Height > 0 && d.Box.Height < belowHeight)
            .Select(d => d.Box)
            .ToList();
        var claims = seeds
            .Select(b => new Box(
                b.X1 - (float)(SideReach * b.Height), b.Y1 - (float)(UpDownReach * b.Height),
                b.X2 + (float)(SideReach * b.Height), b.Y2 + (float)(UpDownReach * b.Height)))
            .ToList();

        // Join overlapping claims, then the joined areas, until no two overlap (a joined area can reach a claim that
        // neither part reached alone). Each round is one pass over the pairs with union-find.
        var groups = claims.Select((claim, i) => (Area: claim, Heights: new List<float> { seeds[i].Height })).ToList();
        while (true)
        {
            var parent = Enumerable.Range(0, groups.Count).ToArray();
            int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
            var joined = false;
            for (var i = 0; i < groups.Count; i++)
            {
                for (var j = i + 1; j < groups.Count; j++)
                {
                    if (Root(i) != Root(j) && groups[i].Area.Intersect(groups[j].Area).Area > 0)
                    {
                        parent[Root(j)] = Root(i);
                        joined = true;
                    }
                }
            }

            if (!joined)
            {
                break;
            }

            groups = Enumerable.Range(0, groups.Count)
                .GroupBy(Root)
                .Select(g => (
                    Area: g.Skip(1).Aggregate(groups[g.First()].Area, (area, k) => area.Union(groups[k].Area)),
                    Heights: g.SelectMany(k => groups[k].Heights).ToList()))
                .ToList();
        }

        return groups.Select(g =>
        {
            var context = (float)(CropContext * g.Heights.Order().ElementAt(g.Heights.Count / 2));
            var crop = new Box(g.Area.X1 - context, g.Area.Y1 - context, g.Area.X2 + context, g.Area.Y2 + context);
            return new RereadRegion(g.Area.Clip(width, height), crop.Clip(width, height));
        })
        .Where(r => !r.Area.IsEmpty && bounds.Intersect(r.Crop).Area > 0)
        .ToList();
    }
}
