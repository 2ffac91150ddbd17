using DigitOcr.Imaging;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Imaging;

public class ImageCodecTests
{
    [Fact]
    public void EncodeThenDecode_Png_ReturnsIdenticalPixels()
    {
        using var original = TestImages.Gradient(37, 23);

        var png = original.Encode(ImageFormat.Png);
        using var decoded = Image.Decode(png, "round trip");

        Assert.Equal(0x89, png[0]);
        Assert.Equal((37, 23), (decoded.Width, decoded.Height));
        Assert.Equal(original.ToPixels(), decoded.ToPixels());
    }

    [Fact]
    public void EncodeThenDecode_Jpeg_ReturnsClosePixels()
    {
        using var original = TestImages.Gradient(64, 48);

        var jpeg = original.Encode(ImageFormat.Jpeg, jpegQuality: 95);
        using var decoded = Image.Decode(jpeg, "round trip");

        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        var expected = original.ToPixels();
        var actual = decoded.ToPixels();
        var maxError = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxError <= 4, $"largest JPEG error {maxError}");
    }

    [Theory]
    [InlineData(ImageFormat.Bmp)]
    [InlineData(ImageFormat.Tiff)]
    public void EncodeThenDecode_LosslessFormat_ReturnsIdenticalPixels(ImageFormat format)
    {
        using var original = TestImages.Gradient(19, 11);

        using var decoded = Image.Decode(original.Encode(format), format.ToString());

        Assert.Equal(original.ToPixels(), decoded.ToPixels());
    }

    [Fact]
    public void Encode_ColorImageAsPng_DecodesToItsGrayConversion()
    {
        using var color = Image.FromPixels([0, 0, 255, 0, 255, 0], width: 2, height: 1, channels: 3);
        using var gray = color.ToGray();

        using var decoded = Image.Decode(color.Encode(ImageFormat.Png), "color");

        Assert.Equal(gray.ToPixels(), decoded.ToPixels());
    }

    [Fact]
    public void Encode_QualityAbove100_Throws()
    {
        using var image = Image.Create(4, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => image.Encode(ImageFormat.Jpeg, jpegQuality: 101));
    }

    [Theory]
    [InlineData("page.png")]
    [InlineData("page.PNG")]
    [InlineData("page.bmp")]
    [InlineData("page.tif")]
    [InlineData("page.tiff")]
    public void SaveThenLoad_LosslessExtension_ReturnsIdenticalPixels(string name)
    {
        using var folder = new TempFolder("digitocr-imaging-");
        var path = folder.File(name);
        using var original = TestImages.Gradient(16, 9);

        original.Save(path);
        using var loaded = Image.Load(path);

        Assert.Equal(original.ToPixels(), loaded.ToPixels());
    }

    [Theory]
    [InlineData("page.jpg")]
    [InlineData("page.jpeg")]
    public void Save_JpegExtension_WritesAJpeg(string name)
    {
        using var folder = new TempFolder("digitocr-imaging-");
        var path = folder.File(name);
        using var original = TestImages.Gradient(16, 9);

        original.Save(path);

        Assert.Equal([0xFF, 0xD8], File.ReadAllBytes(path)[..2]);
    }

    [Theory]
    [InlineData("page.gif", ".gif")]
    [InlineData("page", "''")]
    public void Save_UnknownExtension_ThrowsNamingIt(string path, string named)
    {
        using var image = Image.Create(4, 4);

        var error = Assert.Throws<ArgumentException>(() => image.Save(path));

        Assert.Contains(named, error.Message);
        Assert.False(File.Exists(path));
    }
}
