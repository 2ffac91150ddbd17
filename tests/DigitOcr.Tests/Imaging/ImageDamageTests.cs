using DigitOcr.Imaging;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Imaging;

/// <summary>
/// Damage is reported, not printed: what libpng and libjpeg write to stderr while decoding comes back as
/// <see cref="ImageDamage"/> (or in the decode error), together with a missing end marker.
/// </summary>
public class ImageDamageTests
{
    [Theory]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.Jpeg)]
    public void Decode_AWholeFile_ReportsNoDamage(ImageFormat format)
    {
        using var image = TestImages.Gradient(64, 48);

        using var decoded = Image.Decode(image.Encode(format), "whole", out var damage);

        Assert.Null(damage);
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Decode_AJpegWithCorruptData_DecodesAndReportsTheDecodersMessage()
    {
        using var image = TestImages.Gradient(256, 192);
        var corrupt = DamagedImages.CorruptJpeg(image.Encode(ImageFormat.Jpeg));

        using var decoded = Image.Decode(corrupt, "corrupt.jpg", out var damage);

        Assert.Equal((256, 192), (decoded.Width, decoded.Height));
        Assert.NotNull(damage);
        Assert.Null(damage.Truncation);
        Assert.Equal(["Corrupt JPEG data: premature end of data segment"], damage.DecoderMessages);
        Assert.Equal("the decoder reported: Corrupt JPEG data: premature end of data segment", damage.ToString());
    }

    [Fact]
    public void Decode_AJpegCutInHalf_ReportsTheMissingEndMarker()
    {
        using var image = TestImages.Gradient(256, 192);
        var cut = DamagedImages.Cut(image.Encode(ImageFormat.Jpeg), 0.5);

        using var decoded = Image.Decode(cut, "cut.jpg", out var damage);

        Assert.NotNull(damage);
        Assert.Contains("FF D9", damage.Truncation);
        Assert.Contains("FF D9", damage.ToString());
    }

    [Fact]
    public void Decode_APngCutShort_FailsWithTheDecodersMessageAndTheMissingEndInTheReason()
    {
        using var image = TestImages.Gradient(256, 192);
        var cut = DamagedImages.Cut(image.Encode(ImageFormat.Png), 0.5);

        ImageDamage? damage = null;
        var error = Assert.Throws<ImageDecodeException>(() => Image.Decode(cut, "cut.png", out damage).Dispose());

        Assert.Null(damage);
        Assert.StartsWith("cannot read image 'cut.png': not a decodable image", error.Message);
        Assert.Contains("the PNG has no IEND chunk", error.Reason);
        Assert.Contains("the decoder reported: libpng error: ", error.Reason);
        Assert.DoesNotContain('\n', error.Reason);
    }

    [Fact]
    public void Decode_FromSeveralThreadsAtOnce_EachFileGetsOnlyItsOwnMessages()
    {
        using var image = TestImages.Gradient(128, 96);
        var whole = image.Encode(ImageFormat.Jpeg);
        var corrupt = DamagedImages.CorruptJpeg(whole);

        var reports = new System.Collections.Concurrent.ConcurrentBag<(bool Corrupt, ImageDamage? Damage)>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var isCorrupt = i % 2 == 0;
            using var decoded = Image.Decode(isCorrupt ? corrupt : whole, $"file-{i}", out var damage);
            reports.Add((isCorrupt, damage));
        });

        Assert.Equal(64, reports.Count);
        Assert.All(reports.Where(r => !r.Corrupt), r => Assert.Null(r.Damage));
        Assert.All(reports.Where(r => r.Corrupt), r => Assert.Equal(["Corrupt JPEG data: premature end of data segment"], r.Damage!.DecoderMessages));
    }
}
