namespace DigitOcr.Torch;

/// <summary>An error raised inside libtorch or OpenCV, carrying the native library's own message.</summary>
public sealed class TorchException : Exception
{
    public TorchException(string message)
        : base(message)
    {
    }

    public TorchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
