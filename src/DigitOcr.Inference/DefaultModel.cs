namespace DigitOcr.Inference;

/// <summary>
/// The model shipped with DigitOcr (<c>models/digitocr-lite.pt</c> in the repository), embedded in this assembly so
/// that a package reference carries it: <see cref="DigitDetector.Load"/> with no path uses it.
/// </summary>
public static class DefaultModel
{
    public const string Name = "digitocr-lite.pt (embedded default model)";
    private const string ResourceName = "DigitOcr.Inference.Models.digitocr-lite.pt";

    /// <summary>True when this build embeds a default model.</summary>
    public static bool IsAvailable => typeof(DefaultModel).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    /// <summary>The embedded model's bytes; the caller disposes the stream.</summary>
    public static Stream Open() =>
        typeof(DefaultModel).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException(
            "this build of DigitOcr embeds no default model (models/digitocr-lite.pt was missing when it was built); " +
            "pass a model file (--model best.pt) or train one with the trainer");
}
