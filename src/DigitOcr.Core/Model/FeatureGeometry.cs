namespace DigitOcr.Model;

/// <summary>
/// Feature-map sizes of the detector for an input size, without running it: the stem conv (7x7, stride 2,
/// padding 3), the max-pool (3x3, stride 2, padding 1) and each stride-2 stage (3x3, padding 1) all map n to
/// floor((n - 1) / 2) + 1.
/// </summary>
public static class FeatureGeometry
{
    /// <summary>(height, width) of the four decoder outputs, level order: 1/32, 1/16, 1/8, 1/4.</summary>
    public static IReadOnlyList<(int Height, int Width)> FeatureSizes(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var sizes = new List<(int, int)>();
        var (h, w) = (Halve(Halve(height)), Halve(Halve(width)));
        sizes.Add((h, w));
        for (var i = 0; i < 3; i++)
        {
            (h, w) = (Halve(h), Halve(w));
            sizes.Add((h, w));
        }

        sizes.Reverse();
        return sizes;
    }

    private static int Halve(int n) => ((n - 1) / 2) + 1;
}
