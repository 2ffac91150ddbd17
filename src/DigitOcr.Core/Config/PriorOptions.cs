namespace DigitOcr.Config;

/// <summary>
/// Prior (default) boxes, ssd.pytorch's config "digit": per level, a step in pixels (the feature map's stride),
/// a min and max anchor size in pixels, and extra aspect ratios. Feature-map sizes come from the backbone's actual
/// outputs for the input size in use, so anchors keep their pixel size on any image.
/// </summary>
public sealed record PriorOptions
{
    public IReadOnlyList<int> Steps { get; init; } = [32, 16, 8, 4];

    public IReadOnlyList<double> MinSizes { get; init; } = [99, 45, 21, 9];

    public IReadOnlyList<double> MaxSizes { get; init; } = [153, 99, 45, 21];

    public IReadOnlyList<IReadOnlyList<double>> AspectRatios { get; init; } = [[2], [2], [2], [2]];

    /// <summary>Clip priors to the image (the reference: false).</summary>
    public bool Clip { get; init; }

    /// <summary>Box-coder variances for centre and size (the reference: 0.1, 0.2).</summary>
    public IReadOnlyList<double> Variances { get; init; } = [0.1, 0.2];

    /// <summary>Anchors each cell of level k gets: two squares plus two per aspect ratio.</summary>
    public int AnchorsPerCell(int level) => 2 + (2 * AspectRatios[level].Count);

    public IEnumerable<string> Validate()
    {
        var levels = Steps.Count;
        if (levels == 0 || MinSizes.Count != levels || MaxSizes.Count != levels || AspectRatios.Count != levels)
        {
            yield return $"priors: steps, minSizes, maxSizes and aspectRatios need one entry per level ({levels})";
            yield break;
        }

        for (var k = 0; k < levels; k++)
        {
            if (Steps[k] <= 0 || MinSizes[k] <= 0 || MaxSizes[k] < MinSizes[k])
            {
                yield return $"priors level {k}: need step > 0 and 0 < minSize <= maxSize, got step {Steps[k]}, sizes {MinSizes[k]}..{MaxSizes[k]}";
            }
        }

        if (Variances.Count != 2 || Variances.Any(v => v <= 0))
        {
            yield return $"priors.variances must be two positive numbers, got [{string.Join(", ", Variances)}]";
        }
    }
}
