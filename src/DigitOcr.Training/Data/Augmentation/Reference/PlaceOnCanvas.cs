using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's paste: the picture (one digit's patch) goes at a uniformly random position on a blank
/// <paramref name="canvasSize"/> square canvas, wholly inside it.
/// </summary>
public sealed class PlaceOnCanvas(int canvasSize) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        if (scene.Width > canvasSize || scene.Height > canvasSize)
        {
            throw new InvalidOperationException(
                $"A {scene.Width}x{scene.Height} patch does not fit on a {canvasSize}x{canvasSize} canvas.");
        }

        var x = rng.Next(0, canvasSize - scene.Width + 1);
        var y = rng.Next(0, canvasSize - scene.Height + 1);
        var canvas = Image.Create(canvasSize, canvasSize, fill: 0);
        canvas.DrawImage(scene.Image, x, y);
        scene.ReplaceImage(canvas);
        scene.MapDigits(d => d with { Ink = d.Ink.Offset(x, y), Patch = d.Patch?.Offset(x, y) });
        scene.Record(TransformNames.Place);
    }
}
