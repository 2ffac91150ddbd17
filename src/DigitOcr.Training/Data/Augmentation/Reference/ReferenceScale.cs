using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's scale step: with probability <c>p</c>, a factor <c>s</c> uniform in [1, the largest that fits
/// the canvas]; resampled bilinearly (OpenCV's default, which the reference uses). With
/// <paramref name="swapSides"/> it reproduces the reference's quirk: <c>(h·s, w·s)</c> is passed as
/// <c>(width, height)</c>, so a digit whose aspect was jittered has its sides swapped. Sets
/// <see cref="Scene.ContentScale"/> for the erode/dilate step.
/// </summary>
public sealed class ReferenceScale(double probability, int canvasSize, bool swapSides) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        if (!rng.Chance(probability))
        {
            return;
        }

        var largest = (double)canvasSize / Math.Max(scene.Width, scene.Height);
        var scale = rng.Uniform(1.0, Math.Max(1.0, largest));
        var (width, height) = swapSides
            ? ((int)(scene.Height * scale), (int)(scene.Width * scale))
            : ((int)(scene.Width * scale), (int)(scene.Height * scale));
        scene.Resize(Math.Clamp(width, 1, canvasSize), Math.Clamp(height, 1, canvasSize), Interpolation.Linear);
        scene.ContentScale *= scale;
        scene.Record(TransformNames.Scale);
    }
}
