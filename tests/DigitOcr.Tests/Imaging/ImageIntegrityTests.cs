using DigitOcr.Imaging;

namespace DigitOcr.Tests.Imaging;

/// <summary>
/// Files cut short are noticed from their end markers: a JPEG cut in half still decodes (the decoder fills the rest
/// with gray), so without this check its missing digits would go unnoticed.
/// </summary>
public class ImageIntegrityTests
{
    [Theory]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.Png)]
    public void FindTruncation_CompleteFile_FindsNothing(ImageFormat format)
    {
        using var image = TestImages.Gradient(64, 48);

        Assert.Null(ImageIntegrity.FindTruncation(image.Encode(format)));
    }

    [Fact]
    public void FindTruncation_JpegCutInHalf_ReportsTheMissingEndMarker_ThoughItDecodes()
    {
        using var image = TestImages.Gradient(256, 192);
        var jpeg = image.Encode(ImageFormat.Jpeg);
        var half = jpeg.AsSpan(0, jpeg.Length / 2).ToArray();

        using var decoded = Image.Decode(half, "half.jpg");

        Assert.Contains("FF D9", ImageIntegrity.FindTruncation(half));
    }

    [Fact]
    public void FindTruncation_JpegWithBytesAfterItsEnd_FindsNothing()
    {
        using var image = TestImages.Gradient(64, 48);
        byte[] padded = [.. image.Encode(ImageFormat.Jpeg), 0, 0, 0, 0];

        Assert.Null(ImageIntegrity.FindTruncation(padded));
    }

    [Fact]
    public void FindTruncation_PngWithoutIend_IsReported()
    {
        using var image = TestImages.Gradient(64, 48);
        var png = image.Encode(ImageFormat.Png);

        Assert.Contains("IEND", ImageIntegrity.FindTruncation(png.AsSpan(0, png.Length - 12)));
    }

    [Fact]
    public void FindTruncation_OtherFormats_AreNotJudged()
    {
        using var image = TestImages.Gradient(16, 16);
        var bmp = image.Encode(ImageFormat.Bmp);

        Assert.Null(ImageIntegrity.FindTruncation(bmp.AsSpan(0, bmp.Length / 2)));
    }
}
