namespace DigitOcr.Imaging;

/// <summary>
/// A camera, video file or stream that OpenCV could not open. <see cref="Exception.Source"/> is what the caller gave
/// (a camera index, a path or a URL), and the message reads <c>cannot open video '&lt;source&gt;': &lt;reason&gt;</c>.
/// </summary>
public sealed class VideoOpenException : Exception
{
    public VideoOpenException(string source, string reason, Exception? inner = null)
        : base($"cannot open video '{source}': {reason}", inner)
    {
        Source = source;
        Reason = reason;
    }

    /// <summary>Why opening failed, without the source name.</summary>
    public string Reason { get; }
}
