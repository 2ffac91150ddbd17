using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// With probability <c>p</c>, a binary threshold: coverage above <paramref name="level"/> becomes full ink, the
/// rest none — on the picture and on every digit's mask alike. On ink coverage this is the reference's
/// <c>threshold(127)</c> on its dark-on-white canvas (the same pixels, mirrored).
/// </summary>
public sealed class BinaryThreshold(double probability, int level) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        if (!rng.Chance(probability))
        {
            return;
        }

        scene.ReplaceImage(scene.Image.Threshold(level, 255, ThresholdType.Binary));
        scene.MapDigits(d => d with { Ink = d.Ink.Map(patch => patch.Threshold(level, 255, ThresholdType.Binary)) });
        scene.Record(TransformNames.Threshold);
    }
}
