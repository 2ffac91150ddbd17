using System.Diagnostics;
using DigitOcr.Imaging;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Imaging;

public class ImageDecodeErrorTests
{
    /// <summary>Refusing a bad file must not decode (or allocate) anything big: well under a second.</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("empty.png", "empty")]
    [InlineData("not_an_image.txt", "not a decodable image")]
    [InlineData("truncated.png", "not a decodable image")]
    public void Load_UndecodableFile_ThrowsNamingTheSourceAndTheReason(string name, string reason)
    {
        var path = ImagingAssets.PathOf(name);

        var error = Assert.Throws<ImageDecodeException>(() => Image.Load(path));

        Assert.Equal(path, error.Source);
        Assert.Contains($"cannot read image '{path}'", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Decode_EmptyFile_ThrowsNamingTheSource()
    {
        var error = Assert.Throws<ImageDecodeException>(() => Image.Decode([], "scan.png"));

        Assert.Equal("scan.png", error.Source);
        Assert.StartsWith("cannot read image 'scan.png': ", error.Message);
    }

    [Fact]
    public void Decode_TextFile_ReportsTheFirstBytes()
    {
        var text = "hello, world"u8.ToArray();

        var error = Assert.Throws<ImageDecodeException>(() => Image.Decode(text, "notes.txt"));

        Assert.Equal("cannot read image 'notes.txt': not a decodable image (12 bytes starting with 68 65 6c 6c 6f 2c 20 77)"
            + ": the data is corrupt, truncated, or not PNG/JPEG/BMP/TIFF/WebP", error.Message);
    }

    [Fact]
    public void Decode_CutPng_ReportsItsFirstBytesAsTwoHexDigitsEach()
    {
        var cut = ImagingAssets.Read("gray8.png").AsSpan(0, 40).ToArray();

        var error = Assert.Throws<ImageDecodeException>(() => Image.Decode(cut, "cut.png"));

        Assert.Contains("(40 bytes starting with 89 50 4e 47 0d 0a 1a 0a)", error.Message);
    }

    [Fact]
    public void Decode_RandomBytes_ThrowsNamingTheSource()
    {
        var random = new Random(1234);
        for (var i = 0; i < 20; i++)
        {
            var data = new byte[random.Next(1, 4096)];
            random.NextBytes(data);

            var error = Assert.Throws<ImageDecodeException>(() => Image.Decode(data, $"random-{i}"));

            Assert.Equal($"random-{i}", error.Source);
        }
    }

    [Fact]
    public void Decode_TruncatedCopiesOfAValidPng_AllThrowWithoutCrashing()
    {
        var png = ImagingAssets.Read("gray8.png");
        for (var length = 1; length < png.Length - 12; length += 7)
        {
            var cut = png.AsSpan(0, length).ToArray();
            Assert.Throws<ImageDecodeException>(() => Image.Decode(cut, "cut.png"));
        }
    }

    [Fact]
    public void Load_PngHeaderClaiming30000x30000_IsRefusedQuicklyFromTheHeader()
    {
        var path = ImagingAssets.PathOf("huge_header_30000x30000.png");
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ImageDecodeException>(() => Image.Load(path));

        Assert.True(clock.Elapsed < Quickly, $"refusing took {clock.Elapsed}");
        Assert.Equal(path, error.Source);
        Assert.Contains("30000x30000", error.Message);
        Assert.Contains("limit of 100000000 pixels", error.Message);
    }

    [Fact]
    public void Decode_ImageLargerThanMaxPixels_IsRefused()
    {
        var png = ImagingAssets.Read("gray8.png");

        var error = Assert.Throws<ImageDecodeException>(
            () => Image.Decode(png, "gray8.png", new DecodeOptions { MaxPixels = 100 }));

        Assert.Contains("32x24", error.Message);
        Assert.Contains("limit of 100 pixels", error.Message);
    }

    [Fact]
    public void Decode_ImageWithinMaxPixels_Succeeds()
    {
        using var image = Image.Decode(ImagingAssets.Read("gray8.png"), "gray8.png", new DecodeOptions { MaxPixels = 32 * 24 });

        Assert.Equal(32 * 24, image.Width * image.Height);
    }

    [Fact]
    public void Decode_NegativeMaxPixels_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Image.Decode(ImagingAssets.Read("gray8.png"), "gray8.png", new DecodeOptions { MaxPixels = -1 }));
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        using var folder = new TempFolder("digitocr-imaging-");
        var path = folder.File("no-such-image.png");

        var error = Assert.Throws<FileNotFoundException>(() => Image.Load(path));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message);
    }
}
