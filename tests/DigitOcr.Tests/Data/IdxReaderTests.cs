using System.Buffers.Binary;
using System.IO.Compression;
using DigitOcr.Data.Mnist;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-idx-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadImages_ValidFile_ReturnsSizesAndPixels()
    {
        var path = Write("images", Images(count: 2, rows: 3, columns: 4));

        var images = IdxReader.ReadImages(path);

        Assert.Equal((2, 3, 4), (images.Count, images.Rows, images.Columns));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (byte)i), images.Pixels);
    }

    [Fact]
    public void ReadImages_Gzipped_ReadsTheSameAsPlain()
    {
        var bytes = Images(count: 2, rows: 3, columns: 4);
        var plain = IdxReader.ReadImages(Write("plain", bytes));

        var gzipped = IdxReader.ReadImages(Write("zipped.gz", Gzip(bytes)));

        Assert.Equal(plain.Pixels, gzipped.Pixels);
        Assert.Equal((plain.Count, plain.Rows, plain.Columns), (gzipped.Count, gzipped.Rows, gzipped.Columns));
    }

    [Fact]
    public void ReadImages_LabelsMagic_ThrowsNamingBothMagicNumbers()
    {
        var path = Write("labels-as-images", Labels(20));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("0x00000801", error.Message);
        Assert.Contains("0x00000803", error.Message);
    }

    [Fact]
    public void ReadImages_Truncated_ThrowsNamingExpectedAndActualLength()
    {
        var bytes = Images(count: 2, rows: 3, columns: 4);
        var path = Write("short", bytes[..^5]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("needs 40 bytes", error.Message);
        Assert.Contains("holds 35", error.Message);
    }

    [Fact]
    public void ReadLabels_CountLargerThanData_Throws()
    {
        var bytes = Labels(5);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), 6);

        Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(Write("labels", bytes)));
    }

    [Fact]
    public void ReadImages_ShorterThanHeader_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(Write("tiny", [0, 0, 8, 3])));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ReadImages_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => IdxReader.ReadImages(folder.File("absent")));
    }

    [Fact]
    public void GlyphSet_ImagesAndLabelsDisagree_Throws()
    {
        var images = IdxReader.ReadImages(Write("images", Images(count: 2, rows: 3, columns: 4)));

        var error = Assert.Throws<InvalidDataException>(() => new GlyphSet("test", images, [1, 2, 3]));

        Assert.Contains("2 images but 3 labels", error.Message);
    }

    [Fact]
    public void LoadMnist_EmptyFolder_MessageNamesTheFetchScript()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MnistData.LoadMnist(folder.Path, MnistSplit.Train));

        Assert.Contains("scripts/fetch-mnist.sh", error.Message);
        Assert.Contains("train-images-idx3-ubyte", error.Message);
    }

    [Fact]
    public void LoadFashionMnist_EmptyFolder_MessageNamesTheDebianPackage()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MnistData.LoadFashionMnist(folder.Path, MnistSplit.Test));

        Assert.Contains("dataset-fashion-mnist", error.Message);
    }

    private static byte[] Images(int count, int rows, int columns)
    {
        var bytes = new byte[16 + (count * rows * columns)];
        BinaryPrimitives.WriteInt32BigEndian(bytes, IdxReader.ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), columns);
        for (var i = 16; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i - 16);
        }

        return bytes;
    }

    private static byte[] Labels(int count)
    {
        var bytes = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, IdxReader.LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        return bytes;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
