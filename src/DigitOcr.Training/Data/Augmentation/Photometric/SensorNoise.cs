using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Photometric;

/// <summary>
/// Sensor noise: with probability <c>p</c>, independent Gaussian noise per pixel with a standard deviation from
/// <see cref="PhotoOptions.NoiseSigma"/>. The normal values come from a fixed table walked from a random start
/// with a random odd stride: as good as fresh draws for this purpose, at a fraction of the cost.
/// </summary>
public sealed class SensorNoise(PhotoOptions options) : ISceneTransform
{
    private const int TableBits = 16;
    private const int TableMask = (1 << TableBits) - 1;
    private const int TableSeed = 20240613;
    private static readonly float[] Normals = MakeTable();

    public void Apply(Scene scene, Random rng)
    {
        Illumination.RequirePhoto(scene);
        if (!rng.Chance(options.NoiseProbability))
        {
            return;
        }

        var sigma = (float)rng.Uniform(options.NoiseSigma);
        var position = rng.Next(Normals.Length);
        var stride = (rng.Next(1 << (TableBits - 1)) * 2) + 1;
        var pixels = scene.Image.ToPixels();
        for (var i = 0; i < pixels.Length; i++)
        {
            var value = pixels[i] + (sigma * Normals[position]);
            pixels[i] = (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
            position = (position + stride) & TableMask;
        }

        scene.ReplaceImage(Image.FromPixels(pixels, scene.Width, scene.Height));
        scene.Record(TransformNames.Noise);
    }

    private static float[] MakeTable()
    {
        var rng = new Random(TableSeed);
        var table = new float[1 << TableBits];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (float)rng.Normal(0, 1);
        }

        return table;
    }
}
