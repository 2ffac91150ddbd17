using System.Diagnostics;
using System.Runtime.ExceptionServices;
using DigitOcr.Imaging;

namespace DigitOcr.Inference.Live;

/// <summary>
/// Frames from a camera, a video file or a stream URL (<see cref="VideoCapture"/>). With
/// <see cref="FramePolicy.Latest"/> (the default) a thread of its own reads the source continuously and the reader
/// gets the newest frame whenever it asks, the others being dropped; a file plays at its frame rate, so that the
/// reading keeps pace with the video as it would with a camera. With <see cref="FramePolicy.Every"/> the reader gets
/// every frame in order. The video starts with the first <see cref="ReadAsync"/>, so that a program may open it before
/// loading what it reads with. Owns the capture: dispose it (that stops the reading thread).
/// </summary>
public sealed class VideoFrameSource : IFrameSource
{
    /// <summary>The frame rate assumed for a file whose rate the backend does not report.</summary>
    public const double FallbackFramesPerSecond = 30;

    /// <summary>How long <see cref="Dispose"/> waits for a read in progress (a camera or a stalled stream) before releasing the capture anyway.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly VideoCapture capture;
    private readonly FrameChannel? latest;
    private readonly Thread? pump;
    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch clock = new();
    private ExceptionDispatchInfo? failure;
    private long produced;
    private int started;
    private bool disposed;

    /// <summary>Reads frames of <paramref name="capture"/>, which the source owns from now on.</summary>
    public VideoFrameSource(VideoCapture capture, FramePolicy policy = FramePolicy.Latest)
    {
        this.capture = capture ?? throw new ArgumentNullException(nameof(capture));
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "FramePolicy must be Latest or Every.");
        }

        Policy = policy;
        if (policy == FramePolicy.Latest)
        {
            latest = new FrameChannel();
            pump = new Thread(Pump) { IsBackground = true, Name = $"frames of {capture.Source}" };
        }
    }

    /// <summary>The capture frames come from (its frame rate, size, backend).</summary>
    public VideoCapture Capture => capture;

    public FramePolicy Policy { get; }

    /// <summary>Frames the source produced so far (read or dropped).</summary>
    public long FramesProduced => Interlocked.Read(ref produced);

    public long FramesDropped => latest?.FramesDropped ?? 0;

    /// <summary>Opens <paramref name="source"/> (a camera index, a file or a URL; see <see cref="VideoCapture.Open"/>).</summary>
    /// <exception cref="VideoOpenException">It cannot be opened.</exception>
    public static VideoFrameSource Open(string source, FramePolicy policy = FramePolicy.Latest) => new(VideoCapture.Open(source), policy);

    /// <summary>The next frame; the first call starts the video (a file plays from then on, at its own rate).</summary>
    public async ValueTask<VideoFrame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            clock.Start();
            pump?.Start();
        }

        if (latest is null)
        {
            return await Task.Run(Next, cancellationToken).ConfigureAwait(false);
        }

        var frame = await latest.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (frame is null)
        {
            failure?.Throw();
        }

        return frame;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        stop.Cancel();
        latest?.Complete();
        if (pump is { IsAlive: true })
        {
            pump.Join(StopTimeout);
        }

        latest?.Dispose();
        capture.Dispose();
        stop.Dispose();
    }

    /// <summary>The next frame of the capture with its index and time; null at its end.</summary>
    private VideoFrame? Next()
    {
        var image = capture.Read();
        if (image is null)
        {
            return null;
        }

        var index = Interlocked.Increment(ref produced) - 1;
        return new VideoFrame(image, index, FrameTime(index));
    }

    /// <summary>A file's frame time is its place in the file; a camera's or a stream's, when it was read.</summary>
    private TimeSpan FrameTime(long index) => capture.FrameCount > 0
        ? TimeSpan.FromSeconds(index / FramesPerSecond)
        : clock.Elapsed;

    private double FramesPerSecond => capture.FramesPerSecond > 0 ? capture.FramesPerSecond : FallbackFramesPerSecond;

    /// <summary>The reading thread of <see cref="FramePolicy.Latest"/>: reads, waits for a file frame's time, posts.</summary>
    private void Pump()
    {
        try
        {
            while (!stop.IsCancellationRequested && Next() is { } frame)
            {
                // A file would otherwise be read far faster than a camera could deliver it, and nearly every frame dropped.
                var wait = frame.Time - clock.Elapsed;
                if (capture.FrameCount > 0 && wait > TimeSpan.Zero && stop.Token.WaitHandle.WaitOne(wait))
                {
                    frame.Dispose();
                    break;
                }

                if (!latest!.Post(frame))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            latest!.Complete();
        }
    }
}
