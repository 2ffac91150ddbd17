using DigitOcr.Imaging;

namespace DigitOcr.Inference.Live;

/// <summary>One frame of a video source: its image, its index in the source (0 first) and its time from the start. Owns the image.</summary>
public sealed class VideoFrame(Image image, long index, TimeSpan time) : IDisposable
{
    public Image Image { get; } = image ?? throw new ArgumentNullException(nameof(image));

    /// <summary>The frame's index in its source, counting every frame the source produced (dropped ones too).</summary>
    public long Index { get; } = index;

    /// <summary>The frame's time from the start of the source: its timestamp in a file, the time it was captured otherwise.</summary>
    public TimeSpan Time { get; } = time;

    public void Dispose() => Image.Dispose();
}
