using DigitOcr.Data.Sampling;
using DigitOcr.Imaging;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// Fresh variation of a stored crop each time it is drawn for a training step, so the recognizer does not learn its
/// fixed set by heart: a small rotation, scale and shift (a detector's box is never exactly centred), optionally a
/// shear and a change of aspect (slanted and narrow hands, pages seen at an angle), and a change of
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
                  * AffineMatrix.Rotation(center, center, rng.Symmetric(options.MaxRotationDegrees), 1 + rng.Symmetric(options.MaxScaleChange))
                  * Slant(center, rng);
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

    /// <summary>
    /// Shear and aspect change about (<paramref name="center"/>, <paramref name="center"/>), area kept; the identity
    /// without a draw when both are off, so configs without them train exactly as before.
    /// </summary>
    private AffineMatrix Slant(double center, Random rng)
    {
        var shear = options.MaxShear > 0 ? rng.Symmetric(options.MaxShear) : 0;
        var stretch = options.MaxAspectChange > 0 ? 1 + rng.Symmetric(options.MaxAspectChange) : 1;
        var toOrigin = AffineMatrix.Translation(-center, -center);
        var back = AffineMatrix.Translation(center, center);
        return back * new AffineMatrix(stretch, shear, 0, 0, 1 / stretch, 0) * toOrigin;
    }
}
