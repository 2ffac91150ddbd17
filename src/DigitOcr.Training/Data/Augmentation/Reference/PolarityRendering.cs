using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// Renders ink coverage as the reference draws it: black ink on a white canvas (<c>255 - coverage</c>), or, when
/// <see cref="Scene.LightOnDark"/>, the coverage itself (white ink on black).
/// </summary>
public sealed class PolarityRendering : ISceneTransform
{
    private static readonly byte[] Inverted = PixelOps.InvertTable();

    public void Apply(Scene scene, Random rng)
    {
        if (scene.Stage != SceneStage.Ink)
        {
            throw new InvalidOperationException("The scene is already rendered.");
        }

        scene.Render(scene.LightOnDark ? scene.Image.Clone() : PixelOps.MapLevels(scene.Image, Inverted));
        scene.Record(TransformNames.Render);
    }
}
