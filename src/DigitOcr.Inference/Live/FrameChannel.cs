using System.Threading.Channels;

namespace DigitOcr.Inference.Live;

/// <summary>
/// A frame source fed by a program (frames arriving over a network connection, say): <see cref="Post"/> hands over a
/// frame, <see cref="Complete"/> ends the source. It holds one frame: a frame posted before the reader took the
/// previous one replaces it (the older is disposed and counted in <see cref="FramesDropped"/>), so the reader always
/// gets the newest frame and never falls behind. Thread-safe.
/// </summary>
public sealed class FrameChannel : IFrameSource
{
    private readonly Channel<VideoFrame> channel;
    private long dropped;

    public FrameChannel()
    {
        channel = Channel.CreateBounded<VideoFrame>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            frame =>
            {
                frame.Dispose();
                Interlocked.Increment(ref dropped);
            });
    }

    public long FramesDropped => Interlocked.Read(ref dropped);

    /// <summary>Hands <paramref name="frame"/> over to the reader (the channel owns it from now on); false, with the frame disposed, once completed.</summary>
    public bool Post(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (channel.Writer.TryWrite(frame))
        {
            return true;
        }

        frame.Dispose();
        return false;
    }

    /// <summary>Ends the source: the reader gets the frame still held, if any, then the end.</summary>
    public void Complete() => channel.Writer.TryComplete();

    public async ValueTask<VideoFrame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (channel.Reader.TryRead(out var frame))
            {
                return frame;
            }
        }

        return null;
    }

    /// <summary>Completes the source and disposes a frame nobody read.</summary>
    public void Dispose()
    {
        Complete();
        while (channel.Reader.TryRead(out var frame))
        {
            frame.Dispose();
        }
    }
}
