using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's aspect jitter: with probability <c>p</c>, <c>ar = clip(N(1, sigma), 0, 2)</c>, and
/// <c>ar &lt; 1</c> becomes <c>1 / (2 - ar)</c> (so ratios spread evenly between 1/2 and 2); the picture becomes
/// <c>width·sqrt(ar)</c> x <c>height/sqrt(ar)</c> (truncated), resampled by area.
/// </summary>
public sealed class AspectJitter(double probability, double sigma) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        if (!rng.Chance(probability))
        {
            return;
        }

        var ratio = Math.Clamp(rng.Normal(1.0, sigma), 0.0, 2.0);
        if (ratio < 1)
        {
            ratio = 1.0 / (2.0 - ratio);
        }

        var root = Math.Sqrt(ratio);
        var width = Math.Max(1, (int)(scene.Width * root));
        var height = Math.Max(1, (int)(scene.Height / root));
        scene.Resize(width, height, Interpolation.Area);
        scene.Record(TransformNames.AspectJitter);
    }
}
