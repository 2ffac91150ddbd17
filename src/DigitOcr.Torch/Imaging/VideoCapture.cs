using System.Globalization;
using DigitOcr.Torch;
using DigitOcr.Torch.Native;

namespace DigitOcr.Imaging;

/// <summary>
/// Frames from a camera, a video file or a stream URL, through OpenCV's video input (FFmpeg, GStreamer, V4L2, as the
/// OpenCV build has them). <see cref="Read"/> returns each frame as a new 8-bit <see cref="Image"/> (BGR, or gray for
/// gray video) that the caller owns. Owns the native capture: dispose it. One thread reads at a time; disposing from
/// another thread while a read is blocked is safe (the capture is released when that read returns).
/// </summary>
public sealed class VideoCapture : IDisposable
{
    private const int BackendNameCapacity = 64;

    private readonly VideoCaptureHandle handle;

    private unsafe VideoCapture(IntPtr raw, string source, bool isCamera)
    {
        handle = new VideoCaptureHandle(raw);
        Source = source;
        IsCamera = isCamera;
        double fps;
        long count;
        int width, height;
        var name = stackalloc byte[BackendNameCapacity];
        try
        {
            NativeError.CheckStatus(NativeMethods.dgo_video_info(handle, &fps, &count, &width, &height));
            NativeError.CheckStatus(NativeMethods.dgo_video_backend(handle, name, BackendNameCapacity));
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        FramesPerSecond = double.IsFinite(fps) && fps > 0 ? fps : 0;
        FrameCount = isCamera ? 0 : count;
        Width = width;
        Height = height;
        Backend = new string((sbyte*)name);
    }

    /// <summary>What was opened, as given: a camera index, a path or a URL.</summary>
    public string Source { get; }

    /// <summary>True for a camera (opened by index).</summary>
    public bool IsCamera { get; }

    /// <summary>Frames per second as the backend reports them; 0 when it does not know.</summary>
    public double FramesPerSecond { get; }

    /// <summary>Frames in a file; 0 for cameras and live streams, whose end is not known in advance.</summary>
    public long FrameCount { get; }

    /// <summary>Frame width in pixels, as the backend reports it before the first read (0 when unknown).</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels, as the backend reports it before the first read (0 when unknown).</summary>
    public int Height { get; }

    /// <summary>The OpenCV backend that opened the source (FFMPEG, V4L2, GSTREAMER, ...).</summary>
    public string Backend { get; }

    /// <summary>True once the capture has been released.</summary>
    public bool IsDisposed => handle.IsClosed;

    /// <summary>Native captures alive in this process (opened and not yet released); leak tests watch it.</summary>
    public static long LiveCount => NativeMethods.dgo_live_videos();

    /// <summary>
    /// Opens <paramref name="source"/>: a camera when it is a whole number (<c>0</c> is the first camera), otherwise a
    /// video file or a stream URL (anything with <c>://</c>).
    /// </summary>
    /// <exception cref="VideoOpenException">No such file, no camera at that index, or no backend could open it.</exception>
    public static VideoCapture Open(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return int.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? OpenCamera(index)
            : OpenFile(source);
    }

    /// <summary>Opens the camera at <paramref name="index"/> (0 is the first).</summary>
    /// <exception cref="VideoOpenException">No camera answers at that index.</exception>
    public static VideoCapture OpenCamera(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var name = index.ToString(CultureInfo.InvariantCulture);
        return new VideoCapture(OpenRaw(name, string.Empty, index), name, isCamera: true);
    }

    /// <summary>Opens a video file or a stream URL.</summary>
    /// <exception cref="VideoOpenException">The file does not exist, or no backend could open it.</exception>
    public static VideoCapture OpenFile(string pathOrUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrUrl);
        if (!pathOrUrl.Contains("://", StringComparison.Ordinal))
        {
            if (Directory.Exists(pathOrUrl))
            {
                throw new VideoOpenException(pathOrUrl, "it is a folder; give a video file, a camera index (0) or a stream URL");
            }

            if (!File.Exists(pathOrUrl))
            {
                throw new VideoOpenException(pathOrUrl, "there is no such file; give a video file, a camera index (0) or a stream URL");
            }
        }

        return new VideoCapture(OpenRaw(pathOrUrl, pathOrUrl, camera: -1), pathOrUrl, isCamera: false);
    }

    /// <summary>The next frame, as a new image the caller owns; null at the end of the video (or when a camera stops).</summary>
    /// <exception cref="TorchException">The backend failed while reading.</exception>
    public unsafe Image? Read()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        IntPtr frame;
        var status = NativeMethods.dgo_video_read(handle, &frame);
        if (status < 0)
        {
            NativeError.CheckStatus(status);
        }

        return status == 0 ? null : Image.FromHandle(frame);
    }

    /// <summary>Releases the capture. Safe to call twice, and while another thread is in <see cref="Read"/>.</summary>
    public void Dispose() => handle.Dispose();

    public override string ToString() =>
        IsDisposed ? $"VideoCapture '{Source}' (released)" : $"VideoCapture '{Source}' ({Backend}, {Width}x{Height}, {FramesPerSecond:G4} fps)";

    private static IntPtr OpenRaw(string name, string source, int camera)
    {
        var raw = NativeMethods.dgo_video_open(source, camera);
        if (raw == IntPtr.Zero)
        {
            try
            {
                NativeError.CheckHandle(raw);
            }
            catch (TorchException e)
            {
                throw new VideoOpenException(name, e.Message, e);
            }
        }

        return raw;
    }
}
