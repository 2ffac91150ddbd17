using DigitOcr.Torch;
using DigitOcr.Torch.Native;

namespace DigitOcr.Imaging;

/// <summary>
/// An image of 8-bit pixels held natively by OpenCV: 1 channel (gray) or 3 channels (blue, green, red), rows top to
/// bottom, pixel (0, 0) at the top-left. Owns its native memory: dispose it (a finalizer frees a forgotten one, late).
/// Every operation returns a new <see cref="Image"/> that the caller owns and must dispose, except the
/// <c>Draw*</c> methods, which change this image in place. Native failures raise <see cref="TorchException"/>;
/// decoding failures raise <see cref="ImageDecodeException"/>.
/// </summary>
public sealed partial class Image : IDisposable
{
    private readonly ImageHandle handle;

    /// <summary>Takes over a raw handle returned by the shim; a null handle means the call failed.</summary>
    private unsafe Image(IntPtr raw)
    {
        handle = new ImageHandle(NativeError.CheckHandle(raw));
        int width, height, channels;
        try
        {
            NativeError.CheckStatus(NativeMethods.dgo_image_info(handle, &width, &height, &channels));
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        Width = width;
        Height = height;
        Channels = channels;
    }

    /// <summary>Takes over a raw image handle from another native call (a video frame); see the private constructor.</summary>
    internal static Image FromHandle(IntPtr raw) => new(raw);

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>1 for gray, 3 for blue-green-red.</summary>
    public int Channels { get; }

    /// <summary>True once the native image has been freed.</summary>
    public bool IsDisposed => handle.IsClosed;

    /// <summary>The handle for a native call; throws once disposed.</summary>
    internal ImageHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            return handle;
        }
    }

    /// <summary>
    /// A new image with a copy of <paramref name="pixels"/>: <paramref name="height"/> rows of
    /// <paramref name="width"/> x <paramref name="channels"/> bytes, each row starting <paramref name="stride"/> bytes
    /// after the previous (0: rows are packed, stride = width x channels). Colour pixels are in B, G, R order.
    /// </summary>
    public static unsafe Image FromPixels(ReadOnlySpan<byte> pixels, int width, int height, int channels = 1, int stride = 0)
    {
        CheckSize(width, height);
        CheckChannels(channels);
        var row = (long)width * channels;
        long rowStride = stride == 0 ? row : stride;
        if (rowStride < row)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride,
                $"A row of {width} pixels x {channels} channels needs {row} bytes; the stride must be at least that (or 0 for packed rows).");
        }

        var needed = rowStride * (height - 1) + row;
        if (pixels.Length < needed)
        {
            throw new ArgumentException(
                $"{width}x{height} pixels x {channels} channels with a row stride of {rowStride} need {needed} bytes, but {pixels.Length} were given.",
                nameof(pixels));
        }

        fixed (byte* p = pixels)
        {
            return new Image(NativeMethods.dgo_image_from_pixels(p, width, height, channels, rowStride));
        }
    }

    /// <summary>A new image of <paramref name="width"/> x <paramref name="height"/> pixels, every channel set to <paramref name="fill"/>.</summary>
    public static Image Create(int width, int height, int channels = 1, byte fill = 255)
    {
        CheckSize(width, height);
        CheckChannels(channels);
        return new Image(NativeMethods.dgo_image_new(width, height, channels, fill));
    }

    /// <summary>The pixels, rows packed (width x channels bytes each), top row first; colour pixels in B, G, R order.</summary>
    public unsafe byte[] ToPixels()
    {
        var row = (long)Width * Channels;
        var pixels = new byte[row * Height];
        fixed (byte* p = pixels)
        {
            NativeError.CheckStatus(NativeMethods.dgo_image_copy_to(Handle, p, row));
        }

        return pixels;
    }

    /// <summary>
    /// The pixels as a new uint8 tensor <c>[height, width, channels]</c> (colour in B, G, R order), copied once in
    /// native memory: no managed array on the way, unlike <see cref="ToPixels"/>. The caller owns it.
    /// </summary>
    public unsafe Tensor ToTensor()
    {
        var tensor = torch.empty([Height, Width, Channels], ScalarType.Byte);
        try
        {
            NativeError.CheckStatus(NativeMethods.dgo_image_copy_to(Handle, (byte*)tensor.data_ptr(), (long)Width * Channels));
            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }

    /// <summary>A new, independent copy of this image.</summary>
    public Image Clone() => new(NativeMethods.dgo_image_clone(Handle));

    /// <summary>Frees the native image. Safe to call twice.</summary>
    public void Dispose() => handle.Dispose();

    public override string ToString() =>
        IsDisposed ? "Image (disposed)" : $"Image {Width}x{Height}, {(Channels == 1 ? "gray" : "BGR")}";

    private static void CheckSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(width <= 0 ? nameof(width) : nameof(height),
                $"An image size must be positive, got {width}x{height}.");
        }
    }

    private static void CheckChannels(int channels)
    {
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels,
                "An image has 1 channel (gray) or 3 channels (blue, green, red).");
        }
    }
}
