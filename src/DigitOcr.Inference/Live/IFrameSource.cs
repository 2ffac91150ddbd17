namespace DigitOcr.Inference.Live;

/// <summary>
/// Frames to read, one after another (<see cref="LiveReader"/>): a camera, a video file or stream
/// (<see cref="VideoFrameSource"/>), or frames pushed by a program (<see cref="FrameChannel"/>).
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>The next frame to read, which the caller owns and disposes; null when the source has ended.</summary>
    ValueTask<VideoFrame?> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Frames the source produced and nobody read, because newer ones came before the reader was ready.</summary>
    long FramesDropped { get; }
}
