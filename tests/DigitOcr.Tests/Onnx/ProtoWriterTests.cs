using DigitOcr.Onnx;

namespace DigitOcr.Tests.Onnx;

/// <summary>The wire format byte for byte, against the examples of protobuf's encoding guide and hand-computed values.</summary>
public class ProtoWriterTests
{
    [Fact]
    public void Int_IsTagThenVarint()
    {
        // The guide's first example: field 1 = 150 is 08 96 01.
        Assert.Equal(new byte[] { 0x08, 0x96, 0x01 }, new ProtoWriter().Int(1, 150).ToArray());
    }

    [Fact]
    public void NegativeInt_TakesTenBytesOfTwosComplement()
    {
        Assert.Equal(new byte[] { 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, new ProtoWriter().Int(2, -1).ToArray());
    }

    [Fact]
    public void String_IsLengthDelimitedUtf8()
    {
        // The guide: field 2 = "testing" is 12 07 74 65 73 74 69 6e 67.
        Assert.Equal(new byte[] { 0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6E, 0x67 }, new ProtoWriter().String(2, "testing").ToArray());
    }

    [Fact]
    public void Float_IsFixed32LittleEndian()
    {
        Assert.Equal(new byte[] { 0x15, 0x00, 0x00, 0x80, 0x3F }, new ProtoWriter().Float(2, 1.0f).ToArray());
    }

    [Fact]
    public void NestedMessage_IsItsLengthThenItsBytes()
    {
        // The guide: field 3 holding {field 1 = 150} is 1a 03 08 96 01.
        Assert.Equal(new byte[] { 0x1A, 0x03, 0x08, 0x96, 0x01 }, new ProtoWriter().Message(3, new ProtoWriter().Int(1, 150)).ToArray());
    }

    [Fact]
    public void LargeFieldNumber_AndLongBytes_UseMultiByteVarints()
    {
        // Field 20 (AttributeProto.type) as a varint: tag (20 << 3) | 0 = 160 = A0 01. 200 bytes: length C8 01.
        Assert.Equal(new byte[] { 0xA0, 0x01, 0x07 }, new ProtoWriter().Int(20, 7).ToArray());
        var written = new ProtoWriter().Bytes(9, new byte[200]).ToArray();
        Assert.Equal(new byte[] { 0x4A, 0xC8, 0x01 }, written[..3]);
        Assert.Equal(203, written.Length);
    }
}
