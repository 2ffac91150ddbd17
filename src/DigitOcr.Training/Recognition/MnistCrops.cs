using DigitOcr.Config;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sampling;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// Plain MNIST training digits as recognizer crops (the geometry of <see cref="MnistClassification.Crop"/>: a tight ink
/// box, as a good detection gives), each on its own paper tone and ink level: thousands of clean, varied hands beside
/// the harvested page crops, whose digits repeat the pages' few thousand glyphs under heavy conditions.
/// </summary>
public static class MnistCrops
{
    /// <summary>Gray level of the paper.</summary>
    private static readonly ValueRange Paper = new(150, 255);

    /// <summary>Gray level of the ink, at most this far below the paper (and never negative).</summary>
    private static readonly ValueRange Ink = new(0, 110);

    /// <summary>The least difference between ink and paper.</summary>
    private const double MinContrast = 40;

    /// <summary>Adds the first <paramref name="count"/> glyphs of <paramref name="digits"/> (cycling when more are asked) to <paramref name="into"/>.</summary>
    public static void Add(GlyphSet digits, int count, RecognizerConfig config, Random rng, CropSet into)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(into);
        for (var i = 0; i < count; i++)
        {
            var index = i % digits.Count;
            using var crop = MnistClassification.Crop(digits, index, config);
            var pixels = crop.ToPixels();
            var paper = rng.Uniform(Paper);
            var ink = Math.Min(rng.Uniform(Ink), paper - MinContrast);
            for (var p = 0; p < pixels.Length; p++)
            {
                pixels[p] = (byte)Math.Clamp(Math.Round(ink + (pixels[p] / 255.0 * (paper - ink))), 0, 255);
            }

            into.Add(pixels, digits.Label(index));
        }
    }
}
