using DigitOcr.Training;

namespace DigitOcr.Data.Augmentation.Photometric;

/// <summary>Ink to photograph, in the order a camera adds them: paper and ink, light, shadow, blur, noise, compression.</summary>
public static class PhotoPipeline
{
    public static Pipeline Create(PhotoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        return new Pipeline(
        [
            new PaperRendering(options),
            new Illumination(options),
            new Shadow(options),
            new Blur(options),
            new SensorNoise(options),
            new JpegArtifacts(options),
        ]);
    }

    /// <summary>
    /// The same steps after the paper: for pictures that are photos already (the user's own images), which have their
    /// paper and ink and need only another camera's light, shadow, focus, noise and compression.
    /// </summary>
    public static Pipeline CreateForPhotos(PhotoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        return new Pipeline(
        [
            new Illumination(options),
            new Shadow(options),
            new Blur(options),
            new SensorNoise(options),
            new JpegArtifacts(options),
        ]);
    }
}
