using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's speckle: with probability <c>p</c>, one to <paramref name="maxPixels"/> pixels anywhere on the
/// canvas become black (full ink). They belong to no digit.
/// </summary>
public sealed class BlackPixels(double probability, int maxPixels) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        if (maxPixels < 1 || !rng.Chance(probability))
        {
            return;
        }

        using var dot = Image.Create(1, 1, fill: 255);
        var count = rng.Next(1, maxPixels + 1);
        for (var i = 0; i < count; i++)
        {
            scene.Image.DrawImage(dot, rng.Next(scene.Width), rng.Next(scene.Height));
        }

        scene.Record(TransformNames.BlackPixels);
    }
}
