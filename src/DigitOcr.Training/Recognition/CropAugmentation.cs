using DigitOcr.Data.Sampling;
using DigitOcr.Imaging;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// Fresh variation of a stored crop each time it is drawn for a training step, so the recognizer does not learn its
/// fixed set by heart: a small rotation, scale and shift (a detector's box is never exactly centred), and a change of
/// contrast and brightness (faint pencil, dim light). Border pixels are replicated, as <c>DigitCrops</c> does.
/// </summary>
public sealed class CropAugmentation(RecognizerAugmentOptions options)
{
    /// <summary>Writes a varied copy of <paramref name="crop"/> (<paramref name="size"/> squared pixels) into <paramref name="into"/>.</summary>
    public void Apply(ReadOnlySpan<byte> crop, int size, Random rng, Span<byte> into)
    {
        if (!rng.Chance(options.Probability))
        {
            crop.CopyTo(into);
            return;
        }

        var center = (size - 1) / 2.0;
        var shift = options.MaxShift * size;
        var map = AffineMatrix.Translation(rng.Symmetric(shift), rng.Symmetric(shift))
                  * AffineMatrix.Rotation(center, center, rng.Symmetric(options.MaxRotationDegrees), 1 + rng.Symmetric(options.MaxScaleChange));
        using var source = Image.FromPixels(crop, size, size);
        using var warped = source.WarpAffine(map, size, size, Interpolation.Linear, BorderMode.Replicate);
        var pixels = warped.ToPixels();
        var mean = 0.0;
        foreach (var p in pixels)
        {
            mean += p;
        }

        mean /= pixels.Length;
        var contrast = rng.Uniform(options.Contrast);
        var brightness = rng.Symmetric(options.MaxBrightnessShift);
        for (var i = 0; i < pixels.Length; i++)
        {
            into[i] = (byte)Math.Clamp(Math.Round(mean + ((pixels[i] - mean) * contrast) + brightness), 0, 255);
        }
    }
}
