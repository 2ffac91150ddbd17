using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's final affine, applied to picture and boxes: a rotation uniform in ±<paramref name="maxDegrees"/>
/// about the picture's centre, then a shift uniform in ±<paramref name="maxTranslate"/> of each side. Uncovered
/// area is background (on ink coverage: no ink, whichever the polarity).
/// </summary>
public sealed class RandomAffine(double maxTranslate, double maxDegrees) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        var dx = rng.Symmetric(maxTranslate) * scene.Width;
        var dy = rng.Symmetric(maxTranslate) * scene.Height;
        var degrees = rng.Symmetric(maxDegrees);
        var rotation = AffineMatrix.Rotation((scene.Width - 1) / 2.0, (scene.Height - 1) / 2.0, degrees);
        var matrix = AffineMatrix.Translation(dx, dy) * rotation;
        scene.Warp(Homography.FromAffine(matrix), scene.Width, scene.Height);
        scene.Record(TransformNames.Affine);
    }
}
