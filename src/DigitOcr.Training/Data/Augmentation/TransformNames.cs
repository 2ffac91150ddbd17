namespace DigitOcr.Data.Augmentation;

/// <summary>The names steps record in <see cref="Scenes.Scene.Applied"/> and <see cref="Sample.Applied"/> when they act.</summary>
public static class TransformNames
{
    public const string AspectJitter = "aspect-jitter";
    public const string Scale = "scale";
    public const string Threshold = "threshold";
    public const string Erode = "erode";
    public const string Dilate = "dilate";
    public const string Place = "place";
    public const string BlackPixels = "black-pixels";
    public const string Invert = "invert";
    public const string Affine = "affine";
    public const string Perspective = "perspective";
    public const string Render = "render";

    /// <summary>The sample is a crop of one of the user's own annotated images, not a synthetic one.</summary>
    public const string Annotated = "annotated";
    public const string Paper = "paper";
    public const string Illumination = "illumination";
    public const string Shadow = "shadow";
    public const string Blur = "blur";
    public const string Noise = "noise";
    public const string Jpeg = "jpeg";
}
