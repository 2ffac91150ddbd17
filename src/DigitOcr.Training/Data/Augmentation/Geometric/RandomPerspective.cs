using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Augmentation.Geometric;

/// <summary>
/// A mild perspective, as from a camera not quite square to the page: with probability <paramref name="probability"/>,
/// each corner of the picture moves by up to <paramref name="maxCornerShift"/> of the picture's size, and picture
/// and digits are warped by the homography that takes the corners there (same picture size).
/// </summary>
public sealed class RandomPerspective(double probability, double maxCornerShift) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        if (maxCornerShift <= 0 || !rng.Chance(probability))
        {
            return;
        }

        var (w, h) = (scene.Width - 1.0, scene.Height - 1.0);
        double[] from = [0, 0, w, 0, w, h, 0, h];
        var to = new double[8];
        for (var i = 0; i < 4; i++)
        {
            to[2 * i] = from[2 * i] + (rng.Symmetric(maxCornerShift) * w);
            to[(2 * i) + 1] = from[(2 * i) + 1] + (rng.Symmetric(maxCornerShift) * h);
        }

        scene.Warp(Homography.FromPoints(from, to), scene.Width, scene.Height);
        scene.Record(TransformNames.Perspective);
    }
}
