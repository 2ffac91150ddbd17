using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Photometric;

/// <summary>
/// Uneven light: with probability <c>p</c>, brightness falls linearly across the picture in a random direction,
/// by a fraction drawn from <see cref="PhotoOptions.IlluminationStrength"/> from the bright side to the dim one.
/// Multiplies paper and ink alike, as light does.
/// </summary>
public sealed class Illumination(PhotoOptions options) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        RequirePhoto(scene);
        if (!rng.Chance(options.IlluminationProbability))
        {
            return;
        }

        var strength = rng.Uniform(options.IlluminationStrength);
        var angle = rng.Uniform(0, 2 * Math.PI);
        var (w, h) = (scene.Width, scene.Height);

        // Factor = 1 - strength * t, where t runs 0..1 along the direction across the picture.
        var dx = Math.Cos(angle);
        var dy = Math.Sin(angle);
        var span = (Math.Abs(dx) * w) + (Math.Abs(dy) * h);
        var start = Math.Min(0, dx * w) + Math.Min(0, dy * h);
        var pixels = scene.Image.ToPixels();
        for (var y = 0; y < h; y++)
        {
            var row = pixels.AsSpan(y * w, w);
            for (var x = 0; x < w; x++)
            {
                var t = ((dx * x) + (dy * y) - start) / span;
                row[x] = PixelOps.ToLevel(row[x] * (1 - (strength * t)));
            }
        }

        scene.ReplaceImage(Image.FromPixels(pixels, w, h));
        scene.Record(TransformNames.Illumination);
    }

    internal static void RequirePhoto(Scene scene)
    {
        if (scene.Stage != SceneStage.Photo)
        {
            throw new InvalidOperationException("This step works on a rendered picture: put a rendering step (PaperRendering) before it.");
        }
    }
}
