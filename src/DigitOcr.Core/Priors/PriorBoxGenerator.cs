using DigitOcr.Config;
using DigitOcr.Torch;

namespace DigitOcr.Priors;

/// <summary>
/// Prior boxes, as ssd.pytorch's <c>PriorBox</c> with the reference's rule for any input size: feature-map sizes
/// are the backbone's actual ones and anchor sizes stay in pixels. For level k with map (fh, fw), rows i, columns j,
/// cell centre <c>((j + 0.5) * step / W, (i + 0.5) * step / H)</c> and four boxes (centre form, fractions of the
/// image): <c>(s, s)</c>, <c>(s', s')</c>, and per aspect ratio r <c>(s*sqrt r, s/sqrt r)</c>, <c>(s/sqrt r, s*sqrt r)</c>,
/// with s = min_size, s' = sqrt(min_size * max_size) (pixels, divided by W or H).
/// </summary>
public sealed class PriorBoxGenerator(PriorOptions options)
{
    public PriorOptions Options { get; } = options;

    /// <summary>Number of priors for maps of these sizes (level order, 1/32 first).</summary>
    public int Count(IReadOnlyList<(int Height, int Width)> featureSizes) =>
        featureSizes.Select((f, k) => f.Height * f.Width * Options.AnchorsPerCell(k)).Sum();

    /// <summary>All priors as rows (cx, cy, w, h), flattened: <c>[P * 4]</c>.</summary>
    public float[] Generate(IReadOnlyList<(int Height, int Width)> featureSizes, int imageHeight, int imageWidth)
    {
        if (featureSizes.Count != Options.Steps.Count)
        {
            throw new ArgumentException($"{featureSizes.Count} feature maps for {Options.Steps.Count} prior levels");
        }

        var result = new float[Count(featureSizes) * 4];
        var n = 0;
        for (var k = 0; k < featureSizes.Count; k++)
        {
            var (fh, fw) = featureSizes[k];
            double step = Options.Steps[k];
            var minSize = Options.MinSizes[k];
            var bigSize = Math.Sqrt(minSize * Options.MaxSizes[k]);
            for (var i = 0; i < fh; i++)
            {
                for (var j = 0; j < fw; j++)
                {
                    var cx = (j + 0.5) * step / imageWidth;
                    var cy = (i + 0.5) * step / imageHeight;
                    Add(cx, cy, minSize / imageWidth, minSize / imageHeight);
                    Add(cx, cy, bigSize / imageWidth, bigSize / imageHeight);
                    foreach (var ratio in Options.AspectRatios[k])
                    {
                        var r = Math.Sqrt(ratio);
                        Add(cx, cy, minSize * r / imageWidth, minSize / r / imageHeight);
                        Add(cx, cy, minSize / r / imageWidth, minSize * r / imageHeight);
                    }
                }
            }
        }

        return result;

        void Add(double cx, double cy, double w, double h)
        {
            if (Options.Clip)
            {
                (cx, cy, w, h) = (Math.Clamp(cx, 0, 1), Math.Clamp(cy, 0, 1), Math.Clamp(w, 0, 1), Math.Clamp(h, 0, 1));
            }

            result[n++] = (float)cx;
            result[n++] = (float)cy;
            result[n++] = (float)w;
            result[n++] = (float)h;
        }
    }

    /// <summary>The priors as a <c>[P, 4]</c> float32 tensor (centre form, fractions of the image).</summary>
    public Tensor GenerateTensor(IReadOnlyList<(int Height, int Width)> featureSizes, int imageHeight, int imageWidth, Device? device = null)
    {
        var flat = Generate(featureSizes, imageHeight, imageWidth);
        return torch.tensor(flat, [flat.Length / 4, 4], device);
    }
}
