using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's "invert the canvas": with probability <c>p</c>, the sample will show light ink on black. On
/// ink coverage this flips <see cref="Scene.LightOnDark"/>; <see cref="PolarityRendering"/> draws it.
/// </summary>
public sealed class Invert(double probability) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        if (!rng.Chance(probability))
        {
            return;
        }

        scene.LightOnDark = !scene.LightOnDark;
        scene.Record(TransformNames.Invert);
    }
}
