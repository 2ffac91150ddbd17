using System.Buffers.Binary;
using System.Text;

namespace DigitOcr.Onnx;

/// <summary>
/// The protocol-buffers wire format, as much of it as an ONNX file needs (protobuf's "Encoding" guide): varint
/// scalars (int32, int64 and enums; a negative number takes ten bytes, as two's complement), 32-bit floats, and
/// length-delimited strings, bytes and nested messages. One writer holds one message; a nested message is written
/// with its own writer and added whole, after its length. Repeated scalars are written one field each (unpacked), as
/// proto2 files such as <c>onnx.proto</c> declare them; readers accept that form for any repeated scalar.
/// </summary>
internal sealed class ProtoWriter
{
    private const int Varint = 0;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    private readonly MemoryStream buffer = new();

    /// <summary>Bytes written so far.</summary>
    public long Length => buffer.Length;

    /// <summary>An int32, int64, bool or enum field.</summary>
    public ProtoWriter Int(int field, long value)
    {
        Tag(field, Varint);
        WriteVarint(unchecked((ulong)value));
        return this;
    }

    /// <summary>A float field (fixed 32 bits, little-endian).</summary>
    public ProtoWriter Float(int field, float value)
    {
        Tag(field, Fixed32);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        buffer.Write(bytes);
        return this;
    }

    /// <summary>A string field (UTF-8).</summary>
    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A bytes field.</summary>
    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimited);
        WriteVarint((ulong)value.Length);
        buffer.Write(value);
        return this;
    }

    /// <summary>A nested message field: <paramref name="message"/>'s bytes, after their length.</summary>
    public ProtoWriter Message(int field, ProtoWriter message)
    {
        Tag(field, LengthDelimited);
        WriteVarint((ulong)message.buffer.Length);
        message.buffer.Position = 0;
        message.buffer.CopyTo(buffer);
        return this;
    }

    /// <summary>The message's bytes.</summary>
    public byte[] ToArray() => buffer.ToArray();

    private void Tag(int field, int wireType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(field, 1);
        WriteVarint(((ulong)field << 3) | (uint)wireType);
    }

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.WriteByte((byte)value);
    }
}
