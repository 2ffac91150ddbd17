using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Augmentation.Photometric;

/// <summary>Focus and scan softness: with probability <c>p</c>, a Gaussian blur with sigma from <see cref="PhotoOptions.BlurSigma"/>.</summary>
public sealed class Blur(PhotoOptions options) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        Illumination.RequirePhoto(scene);
        if (!rng.Chance(options.BlurProbability))
        {
            return;
        }

        scene.ReplaceImage(scene.Image.GaussianBlur(0, rng.Uniform(options.BlurSigma)));
        scene.Record(TransformNames.Blur);
    }
}
