using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's stroke step: once the content has been scaled at least <paramref name="minScale"/> times
/// (<see cref="Scene.ContentScale"/>), with probability <c>p</c>, erode or dilate (even odds) with a 3x3 kernel,
/// 1 .. <c>scale/3</c> iterations, on the picture and the masks alike. The reference applies it to its
/// dark-on-white canvas; here the picture is ink coverage, so "erode" thins strokes. With erode and dilate at even
/// odds and the same iteration draw, the distribution of results is the same either way.
/// </summary>
public sealed class StrokeMorphology(double probability, double minScale) : ISceneTransform
{
    private const int Kernel = 3;

    public void Apply(Scene scene, Random rng)
    {
        if (scene.ContentScale < minScale || !rng.Chance(probability))
        {
            return;
        }

        var erode = rng.Chance(0.5);
        var iterations = rng.Next(1, Math.Max(1, (int)(scene.ContentScale / 3.0)) + 1);
        var frame = scene.Bounds;
        scene.ReplaceImage(erode ? scene.Image.Erode(Kernel, iterations) : scene.Image.Dilate(Kernel, iterations));

        // A mask with the picture's frame gets the identical operation; a trimmed one gets room to grow first.
        scene.MapDigits(d => d with
        {
            Ink = d.Ink.Map(
                patch => erode ? patch.Erode(Kernel, iterations) : patch.Dilate(Kernel, iterations),
                padding: d.Ink.Extent == frame ? 0 : iterations),
        });
        scene.Record(erode ? TransformNames.Erode : TransformNames.Dilate);
    }
}
