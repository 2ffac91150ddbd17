namespace DigitOcr.Imaging;

/// <summary>
/// An image file or buffer that could not be decoded: empty, not an image, corrupt, truncated, or larger than
/// <see cref="DecodeOptions.MaxPixels"/>. <see cref="Exception.Source"/> is the path or name the caller gave, and
/// the message reads <c>cannot read image '&lt;source&gt;': &lt;reason&gt;</c>.
/// </summary>
public sealed class ImageDecodeException : Exception
{
    public ImageDecodeException(string source, string reason, Exception? inner = null)
        : base($"cannot read image '{source}': {reason}", inner)
    {
        Source = source;
        Reason = reason;
    }

    /// <summary>Why decoding failed, as reported by the decoder, without the source name.</summary>
    public string Reason { get; }
}
