using DigitOcr.Preprocessing;

namespace DigitOcr.Inference.Passes;

/// <summary>
/// Chooses the network passes for an image size: the size policy's scale (long side at most
/// <see cref="DetectorOptions.MaxSide"/>, never enlarged), then the coarser pyramid levels of
/// <see cref="DetectorOptions.PyramidLevels"/>, each half the previous, skipping a coarser level whose padded long side
/// would be under <see cref="DetectorOptions.PyramidMinSide"/>. Pure arithmetic: no image is touched.
/// </summary>
public sealed class PassPlanner(DetectorOptions options)
{
    public IReadOnlyList<DetectorPass> Plan(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var passes = new List<DetectorPass>();
        var baseScale = Math.Min(1.0, (double)options.MaxSide / Math.Max(width, height));
        for (var level = 0; level < options.PyramidLevels; level++)
        {
            var scale = baseScale * Math.Pow(0.5, level);
            var w = Math.Max(1, (int)Math.Round(width * scale));
            var h = Math.Max(1, (int)Math.Round(height * scale));
            var (paddedWidth, paddedHeight) = (Pad(w), Pad(h));
            if (level > 0 && Math.Max(paddedWidth, paddedHeight) < DetectorOptions.PyramidMinSide)
            {
                break;
            }

            passes.Add(new DetectorPass(level, width, height, w, h, paddedWidth, paddedHeight));
        }

        return passes;
    }

    private int Pad(int size) => ((size + options.PadMultiple - 1) / options.PadMultiple) * options.PadMultiple;
}
