using System.Buffers.Binary;
using System.IO.Compression;

namespace DigitOcr.Data.Mnist;

/// <summary>
/// Reads IDX files (the MNIST format: a big-endian header, magic <c>0x00000803</c> for unsigned-byte images of
/// N x rows x columns, <c>0x00000801</c> for N unsigned-byte labels, then the raw bytes). Gzipped files
/// (<c>.gz</c>, as Debian ships Fashion-MNIST) are read transparently. Every header is checked against the data
/// that follows, so a truncated or mislabeled download fails loudly here rather than as garbage digits later.
/// </summary>
public static class IdxReader
{
    /// <summary>The magic number of an unsigned-byte, 3-dimensional IDX file (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of an unsigned-byte, 1-dimensional IDX file (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    private const int ImagesHeaderBytes = 16;
    private const int LabelsHeaderBytes = 8;

    /// <summary>Reads an images file: <c>count</c> images of <c>rows x columns</c> bytes, row-major, back to back.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The magic number, the sizes or the length are wrong.</exception>
    public static IdxImages ReadImages(string path)
    {
        var bytes = ReadAll(path);
        RequireHeader(bytes, ImagesHeaderBytes, path);
        RequireMagic(bytes, ImagesMagic, "images (unsigned bytes, 3 dimensions)", path);
        var count = ReadDimension(bytes, 4, "count", path);
        var rows = ReadDimension(bytes, 8, "rows", path);
        var columns = ReadDimension(bytes, 12, "columns", path);
        var expected = ImagesHeaderBytes + ((long)count * rows * columns);
        RequireLength(bytes, expected, $"{count} images of {rows}x{columns}", path);
        return new IdxImages(count, rows, columns, bytes[ImagesHeaderBytes..]);
    }

    /// <summary>Reads a labels file: <c>count</c> bytes.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The magic number, the count or the length are wrong.</exception>
    public static byte[] ReadLabels(string path)
    {
        var bytes = ReadAll(path);
        RequireHeader(bytes, LabelsHeaderBytes, path);
        RequireMagic(bytes, LabelsMagic, "labels (unsigned bytes, 1 dimension)", path);
        var count = ReadDimension(bytes, 4, "count", path);
        RequireLength(bytes, LabelsHeaderBytes + (long)count, $"{count} labels", path);
        return bytes[LabelsHeaderBytes..];
    }

    private static byte[] ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The IDX file '{path}' does not exist.", path);
        }

        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[2];
        var gzipped = file.Read(head) == 2 && head[0] == 0x1f && head[1] == 0x8b;
        file.Position = 0;
        if (!gzipped)
        {
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            return bytes;
        }

        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var copy = new MemoryStream();
        try
        {
            gzip.CopyTo(copy);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"The gzipped IDX file '{path}' is corrupt: {e.Message}", e);
        }

        return copy.ToArray();
    }

    private static void RequireHeader(byte[] bytes, int headerBytes, string path)
    {
        if (bytes.Length < headerBytes)
        {
            throw new InvalidDataException(
                $"'{path}' is {bytes.Length} bytes long, shorter than an IDX header ({headerBytes} bytes): the file is truncated or not IDX.");
        }
    }

    private static void RequireMagic(byte[] bytes, int magic, string what, string path)
    {
        var actual = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (actual != magic)
        {
            throw new InvalidDataException(
                $"'{path}' starts with magic number 0x{actual:X8}, but IDX {what} start with 0x{magic:X8}: wrong file, or not IDX.");
        }
    }

    private static int ReadDimension(byte[] bytes, int offset, string name, string path)
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
        if (value <= 0)
        {
            throw new InvalidDataException($"'{path}' declares {value} {name}; an IDX dimension must be positive.");
        }

        return value;
    }

    private static void RequireLength(byte[] bytes, long expected, string what, string path)
    {
        if (bytes.LongLength != expected)
        {
            throw new InvalidDataException(
                $"'{path}' declares {what}, which needs {expected} bytes, but holds {bytes.LongLength}: the file is truncated or corrupt; fetch it again.");
        }
    }
}
