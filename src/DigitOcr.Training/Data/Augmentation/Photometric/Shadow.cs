using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Photometric;

/// <summary>
/// A cast shadow (a hand, a phone): with probability <c>p</c>, everything beyond a random straight edge through
/// the picture is darkened by a factor from <see cref="PhotoOptions.ShadowFactor"/>, with a soft edge.
/// </summary>
public sealed class Shadow(PhotoOptions options) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        Illumination.RequirePhoto(scene);
        if (!rng.Chance(options.ShadowProbability))
        {
            return;
        }

        var (w, h) = (scene.Width, scene.Height);
        var factor = rng.Uniform(options.ShadowFactor);
        var softness = rng.Uniform(options.ShadowSoftness);
        var angle = rng.Uniform(0, 2 * Math.PI);
        var (nx, ny) = (Math.Cos(angle), Math.Sin(angle));

        // The edge passes through a random point of the picture; positive distance is in shadow.
        var px = rng.Uniform(0, w);
        var py = rng.Uniform(0, h);
        var pixels = scene.Image.ToPixels();
        for (var y = 0; y < h; y++)
        {
            var row = pixels.AsSpan(y * w, w);
            for (var x = 0; x < w; x++)
            {
                var distance = ((x - px) * nx) + ((y - py) * ny);
                var t = Math.Clamp(0.5 + (distance / softness), 0, 1);
                row[x] = PixelOps.ToLevel(row[x] * (1 - (t * (1 - factor))));
            }
        }

        scene.ReplaceImage(Image.FromPixels(pixels, w, h));
        scene.Record(TransformNames.Shadow);
    }
}
