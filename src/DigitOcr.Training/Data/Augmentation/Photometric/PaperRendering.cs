using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Augmentation.Photometric;

/// <summary>
/// Turns ink coverage into gray paper and ink: a paper level and an ink level are drawn (dark ink on light paper,
/// or with <see cref="PhotoOptions.LightOnDarkProbability"/> light ink on a dark surface), at least
/// <see cref="PhotoOptions.MinContrast"/> apart, and each pixel is <c>paper + coverage/255 · (ink - paper)</c>.
/// Ink thickness and pressure come from the layout; this sets contrast and polarity.
/// </summary>
public sealed class PaperRendering(PhotoOptions options) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        if (scene.Stage != SceneStage.Ink)
        {
            throw new InvalidOperationException("The scene is already rendered.");
        }

        var lightOnDark = scene.LightOnDark ^ rng.Chance(options.LightOnDarkProbability);
        double paper, ink;
        if (lightOnDark)
        {
            paper = rng.Uniform(options.DarkSurfaceTone);
            var lowest = Math.Max(paper + options.MinContrast, 255 - options.MaxInkDrift);
            ink = rng.Uniform(Math.Min(lowest, 255), 255);
        }
        else
        {
            paper = rng.Uniform(options.PaperTone);
            var highest = Math.Min(paper - options.MinContrast, options.MaxInkDrift);
            ink = rng.Uniform(0, Math.Max(highest, 0));
        }

        var table = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            table[v] = PixelOps.ToLevel(paper + (v / 255.0 * (ink - paper)));
        }

        scene.Render(PixelOps.MapLevels(scene.Image, table));
        scene.Record(TransformNames.Paper);
        if (lightOnDark)
        {
            scene.Record(Pages.PageConditions.LightOnDark);
        }

        if (Math.Abs(ink - paper) < Pages.PageConditions.LowContrastLevels)
        {
            scene.Record(Pages.PageConditions.LowContrast);
        }
    }
}
