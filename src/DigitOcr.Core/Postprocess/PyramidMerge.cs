namespace DigitOcr.Postprocess;

/// <summary>Detections of one pass of an image pyramid: boxes in the original image's pixels, found at <see cref="Scale"/>.</summary>
public sealed record PyramidLevel(double Scale, IReadOnlyList<Detection> Detections);

/// <summary>
/// Merges the passes of an image pyramid (the image at full size, then smaller: 1/4, 1/16, ... by default). The anchors cover digits up to
/// about 140 px, so a digit written larger is found only in a coarser pass, while the full-size pass may see its
/// strokes as small digits. Rules:
/// <list type="bullet">
/// <item>a coarser pass contributes only detections at least <c>minCoarseHeight</c> px tall at its own scale (smaller
/// ones are the finer passes' job and are seen better there);</item>
/// <item>then, best score first, a detection is dropped when it overlaps a kept one by the NMS IoU (as within a pass),
/// or when it and a kept detection of another pass lie mostly one inside the other (the same ink at two scales: a
/// stroke of a large digit, or a blob spanning small ones). The higher score wins both ways.</item>
/// </list>
/// With one level this is the plain detections, unchanged.
/// </summary>
public static class PyramidMerge
{
    /// <summary>Share of the smaller box's area inside the larger one above which two passes saw the same ink.</summary>
    public const double Containment = 0.6;

    public static IReadOnlyList<Detection> Merge(IReadOnlyList<PyramidLevel> levels, double nmsIoU, int maxDetections, double minCoarseHeight)
    {
        ArgumentOutOfRangeException.ThrowIfZero(levels.Count);
        if (levels.Count == 1)
        {
            return levels[0].Detections;
        }

        var candidates = levels
            .SelectMany((level, index) => level.Detections
                .Where(d => index == 0 || d.Box.Height * level.Scale >= minCoarseHeight)
                .Select(d => (Detection: d, Level: index)))
            .OrderByDescending(c => c.Detection.Score)
            .ToList();
        var kept = new List<(Detection Detection, int Level)>();
        foreach (var candidate in candidates)
        {
            var box = candidate.Detection.Box;
            var duplicate = kept.Any(k =>
                k.Detection.Box.IoU(box) >= nmsIoU ||
                (k.Level != candidate.Level && SmallerMostlyInside(k.Detection.Box, box)));
            if (!duplicate)
            {
                kept.Add(candidate);
                if (kept.Count == maxDetections)
                {
                    break;
                }
            }
        }

        return kept.Select(k => k.Detection).ToList();
    }

    private static bool SmallerMostlyInside(Boxes.Box a, Boxes.Box b)
    {
        var smaller = Math.Min(a.Area, b.Area);
        return smaller > 0 && a.Intersect(b).Area >= Containment * smaller;
    }
}
