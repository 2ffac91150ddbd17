using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Augmentation.Photometric;

/// <summary>Compression artifacts: with probability <c>p</c>, the picture is encoded as JPEG at a quality from <see cref="PhotoOptions.JpegQuality"/> and decoded again.</summary>
public sealed class JpegArtifacts(PhotoOptions options) : ISceneTransform
{
    public void Apply(Scene scene, Random rng)
    {
        Illumination.RequirePhoto(scene);
        if (!rng.Chance(options.JpegProbability))
        {
            return;
        }

        var quality = rng.Between(options.JpegQuality);
        var bytes = scene.Image.Encode(ImageFormat.Jpeg, quality);
        scene.ReplaceImage(Image.Decode(bytes, "jpeg re-encode"));
        scene.Record(TransformNames.Jpeg);
    }
}
