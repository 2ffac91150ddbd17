namespace DigitOcr.Inference;

/// <summary>
/// The models shipped with DigitOcr (<c>models/digitocr-lite.pt</c>, the detector, and
/// <c>models/digitocr-recognizer.pt</c>, the digit recognizer, in the repository), embedded in this assembly so that a
/// package reference carries them: <see cref="DigitDetector.Load"/> with no path uses them.
/// </summary>
public static class DefaultModel
{
    public const string Name = "digitocr-lite.pt (embedded default model)";
    public const string RecognizerName = "digitocr-recognizer.pt (embedded default recognizer)";
    private const string ResourceName = "DigitOcr.Inference.Models.digitocr-lite.pt";
    private const string RecognizerResourceName = "DigitOcr.Inference.Models.digitocr-recognizer.pt";

    /// <summary>True when this build embeds a default detector.</summary>
    public static bool IsAvailable => typeof(DefaultModel).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    /// <summary>True when this build embeds a default recognizer.</summary>
    public static bool IsRecognizerAvailable => typeof(DefaultModel).Assembly.GetManifestResourceInfo(RecognizerResourceName) is not null;

    /// <summary>The embedded detector's bytes; the caller disposes the stream.</summary>
    public static Stream Open() =>
        typeof(DefaultModel).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException(
            "this build of DigitOcr embeds no default model (models/digitocr-lite.pt was missing when it was built); " +
            "pass a model file (--model best.pt) or train one with the trainer");

    /// <summary>The embedded recognizer's bytes; the caller disposes the stream.</summary>
    public static Stream OpenRecognizer() =>
        typeof(DefaultModel).Assembly.GetManifestResourceStream(RecognizerResourceName)
        ?? throw new InvalidOperationException(
            "this build of DigitOcr embeds no default recognizer (models/digitocr-recognizer.pt was missing when it was built); " +
            "pass a recognizer file (--recognizer best.pt), train one with configs/recognizer.json, or turn the recognizer off");
}
