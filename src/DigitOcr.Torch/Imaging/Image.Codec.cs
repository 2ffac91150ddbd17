using System.Runtime.InteropServices;
using DigitOcr.Torch;
using DigitOcr.Torch.Native;

namespace DigitOcr.Imaging;

public sealed partial class Image
{
    private const int DefaultJpegQuality = 95;

    /// <summary>
    /// Decodes an encoded image (PNG, JPEG, BMP, TIFF, WebP, ... whatever the OpenCV build reads) to a new 8-bit
    /// grayscale image that the caller owns. JPEG EXIF orientation is applied; 16-bit pixels are scaled to 8 bits;
    /// colour is converted with OpenCV's BGR-to-gray weights; transparent pixels are composited over white paper.
    /// </summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="sourceName">The path or name of the data, used in error messages and <see cref="ImageDecodeException"/>.</param>
    /// <param name="options">Limits; <see cref="DecodeOptions.Default"/> when null.</param>
    /// <exception cref="ImageDecodeException">The data is empty, not an image, corrupt, truncated, or too large.</exception>
    public static unsafe Image Decode(ReadOnlySpan<byte> data, string sourceName, DecodeOptions? options = null)
    {
        options = CheckedDecodeInput(data, sourceName, options);

        IntPtr raw;
        fixed (byte* p = data)
        {
            raw = NativeMethods.dgo_image_decode(p, data.Length, options.MaxPixels);
        }

        try
        {
            return new Image(raw);
        }
        catch (TorchException e)
        {
            throw new ImageDecodeException(sourceName, e.Message, e);
        }
    }

    /// <summary>
    /// Decodes as <see cref="Decode(ReadOnlySpan{byte}, string, DecodeOptions?)"/> does, and reports damage instead of
    /// letting it reach stderr or pass unnoticed: what libpng and libjpeg print while decoding is captured, and with
    /// a missing JPEG or PNG end marker it comes back in <paramref name="damage"/> (null when the file looks whole).
    /// When decoding fails, the same findings end the exception's reason. Decodes through this overload take turns
    /// (the capture redirects the process's stderr for the duration of one decode).
    /// </summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="sourceName">The path or name of the data, used in error messages and <see cref="ImageDecodeException"/>.</param>
    /// <param name="damage">What is wrong with a file that did decode, or null.</param>
    /// <param name="options">Limits; <see cref="DecodeOptions.Default"/> when null.</param>
    /// <exception cref="ImageDecodeException">The data is empty, not an image, corrupt, truncated, or too large.</exception>
    public static unsafe Image Decode(ReadOnlySpan<byte> data, string sourceName, out ImageDamage? damage, DecodeOptions? options = null)
    {
        options = CheckedDecodeInput(data, sourceName, options);

        // .NET's Console.Error writes to a duplicate of fd 2 made when it is first used. Made while another thread's
        // capture has fd 2 pointing at the in-memory file, it would send every later message there, never to be seen
        // (detect decoding ahead lost its whole stderr so): so it is made now, before any capture.
        _ = Console.Error;

        IntPtr raw;
        var messages = IntPtr.Zero;
        fixed (byte* p = data)
        {
            raw = NativeMethods.dgo_image_decode_captured(p, data.Length, options.MaxPixels, &messages);
        }

        // Read the buffer and the native error before anything else can call into the shim on this thread.
        var output = TakeText(messages);
        try
        {
            var image = new Image(raw);
            damage = ImageDamage.Find(data, output);
            return image;
        }
        catch (TorchException e)
        {
            var findings = ImageDamage.Find(data, output);
            throw new ImageDecodeException(sourceName, findings is null ? e.Message : $"{e.Message}; {findings}", e);
        }
    }

    /// <summary>Reads and decodes the image file at <paramref name="path"/>, reporting damage; see <see cref="Decode(ReadOnlySpan{byte}, string, out ImageDamage?, DecodeOptions?)"/>. The caller owns the result.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ImageDecodeException">The file is not a decodable image, or is too large.</exception>
    public static Image Load(string path, out ImageDamage? damage, DecodeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The image file '{path}' does not exist.", path);
        }

        return Decode(File.ReadAllBytes(path), path, out damage, options);
    }

    /// <summary>Reads and decodes the image file at <paramref name="path"/>; see <see cref="Decode(ReadOnlySpan{byte}, string, DecodeOptions?)"/>. The caller owns the result.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ImageDecodeException">The file is not a decodable image, or is too large.</exception>
    public static Image Load(string path, DecodeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The image file '{path}' does not exist.", path);
        }

        return Decode(File.ReadAllBytes(path), path, options);
    }

    /// <summary>Reads <paramref name="stream"/> to its end and decodes it; see <see cref="Decode(ReadOnlySpan{byte}, string, DecodeOptions?)"/>. The caller owns the result.</summary>
    /// <param name="stream">The encoded image; read from its current position, and left open.</param>
    /// <param name="sourceName">The name of the data, used in error messages.</param>
    /// <param name="options">Limits; <see cref="DecodeOptions.Default"/> when null.</param>
    /// <exception cref="ImageDecodeException">The data is not a decodable image, or is too large.</exception>
    public static Image Load(Stream stream, string sourceName, DecodeOptions? options = null) =>
        WithBytes(stream, sourceName, bytes => Decode(bytes, sourceName, options));

    /// <summary>
    /// Reads <paramref name="stream"/> to its end and decodes it, reporting damage as
    /// <see cref="Decode(ReadOnlySpan{byte}, string, out ImageDamage?, DecodeOptions?)"/> does. The caller owns the result.
    /// </summary>
    /// <exception cref="ImageDecodeException">The data is not a decodable image, or is too large.</exception>
    public static Image Load(Stream stream, string sourceName, out ImageDamage? damage, DecodeOptions? options = null)
    {
        ImageDamage? found = null;
        var image = WithBytes(stream, sourceName, bytes => Decode(bytes, sourceName, out found, options));
        damage = found;
        return image;
    }

    /// <summary>The rest of <paramref name="stream"/>, without a copy when it is a memory stream.</summary>
    private static Image WithBytes(Stream stream, string sourceName, SpanDecoder decode)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            var start = (int)memory.Position;
            memory.Position = memory.Length;
            return decode(segment.AsSpan(start, (int)memory.Length - start));
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return decode(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    private delegate Image SpanDecoder(ReadOnlySpan<byte> bytes);

    /// <summary>Encodes this image in <paramref name="format"/> and returns the file's bytes.</summary>
    /// <param name="format">The file format.</param>
    /// <param name="jpegQuality">0..100, used by <see cref="ImageFormat.Jpeg"/> only.</param>
    public byte[] Encode(ImageFormat format, int jpegQuality = DefaultJpegQuality)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jpegQuality);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jpegQuality, 100);
        var buffer = NativeError.CheckHandle(NativeMethods.dgo_image_encode(Handle, ExtensionOf(format), jpegQuality));
        try
        {
            var size = NativeMethods.dgo_buffer_size(buffer);
            var bytes = new byte[size];
            if (size > 0)
            {
                Marshal.Copy(NativeMethods.dgo_buffer_data(buffer), bytes, 0, bytes.Length);
            }

            return bytes;
        }
        finally
        {
            NativeMethods.dgo_buffer_free(buffer);
        }
    }

    /// <summary>
    /// Encodes this image in the format named by <paramref name="path"/>'s extension (.png, .jpg, .jpeg, .bmp, .tif,
    /// .tiff; JPEG at quality 95) and writes it there, replacing any file.
    /// </summary>
    /// <exception cref="ArgumentException">The extension is none of those.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Encode(FormatOf(path)));
    }

    /// <summary>The format that <see cref="Save"/> writes for <paramref name="path"/>'s extension.</summary>
    /// <exception cref="ArgumentException">The extension is not one of .png, .jpg, .jpeg, .bmp, .tif, .tiff.</exception>
    public static ImageFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        return extension.ToLowerInvariant() switch
        {
            ".png" => ImageFormat.Png,
            ".jpg" or ".jpeg" => ImageFormat.Jpeg,
            ".bmp" => ImageFormat.Bmp,
            ".tif" or ".tiff" => ImageFormat.Tiff,
            _ => throw new ArgumentException(
                $"Cannot tell the image format of '{path}' from its extension '{extension}'; use .png, .jpg, .jpeg, .bmp, .tif or .tiff.",
                nameof(path)),
        };
    }

    /// <summary>The text in a native buffer (null: none), which is freed.</summary>
    private static string TakeText(IntPtr buffer)
    {
        if (buffer == IntPtr.Zero)
        {
            return string.Empty;
        }

        try
        {
            var size = (int)NativeMethods.dgo_buffer_size(buffer);
            return size == 0 ? string.Empty : Marshal.PtrToStringUTF8(NativeMethods.dgo_buffer_data(buffer), size);
        }
        finally
        {
            NativeMethods.dgo_buffer_free(buffer);
        }
    }

    private static string ExtensionOf(ImageFormat format) => format switch
    {
        ImageFormat.Png => ".png",
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Bmp => ".bmp",
        ImageFormat.Tiff => ".tif",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format."),
    };

    /// <summary>The options a decode runs with (the defaults when null), after refusing a missing name or empty data.</summary>
    private static DecodeOptions CheckedDecodeInput(ReadOnlySpan<byte> data, string sourceName, DecodeOptions? options)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= DecodeOptions.Default;
        options.Validate();
        if (data.IsEmpty)
        {
            throw new ImageDecodeException(sourceName, "the input is empty (0 bytes)");
        }

        return options;
    }
}
