using DigitOcr.Imaging;

namespace DigitOcr.Tests.Imaging;

public class ImageDecodeTests
{
    [Fact]
    public void Decode_EightBitGrayPng_ReturnsTheGeneratorsPattern()
    {
        using var image = Image.Load(ImagingAssets.PathOf("gray8.png"));

        Assert.Equal((32, 24, 1), (image.Width, image.Height, image.Channels));
        var pixels = image.ToPixels();
        for (var y = 0; y < 24; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                Assert.Equal((x * 8 + y) % 256, pixels[y * 32 + x]);
            }
        }
    }

    [Fact]
    public void Decode_SixteenBitPng_ScalesToEightBitsExactly()
    {
        using var image = Image.Load(ImagingAssets.PathOf("gray16.png"));

        Assert.Equal((16, 8, 1), (image.Width, image.Height, image.Channels));
        var pixels = image.ToPixels();
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                Assert.Equal(x * 16 + y, pixels[y * 16 + x]);
            }
        }
    }

    [Fact]
    public void Decode_RgbPng_ConvertsToGrayWithOpenCvWeights()
    {
        using var image = Image.Load(ImagingAssets.PathOf("rgb.png"));

        Assert.Equal((8, 2, 1), (image.Width, image.Height, image.Channels));
        // 0.299 R + 0.587 G + 0.114 B, rounded: red, green, blue, white blocks of 2x2.
        byte[] row = [76, 76, 150, 150, 29, 29, 255, 255];
        Assert.Equal([.. row, .. row], image.ToPixels());
    }

    [Fact]
    public void Decode_RgbaPng_CompositesTransparentPixelsOverWhite()
    {
        using var image = Image.Load(ImagingAssets.PathOf("rgba.png"));

        Assert.Equal((4, 1, 1), (image.Width, image.Height, image.Channels));
        var pixels = image.ToPixels();
        Assert.Equal(255, pixels[0]); // transparent black
        Assert.Equal(0, pixels[1]); // opaque black
        Assert.InRange(pixels[2], 126, 128); // black at alpha 128 over white
        Assert.Equal(100, pixels[3]); // opaque gray
    }

    [Fact]
    public void Decode_JpegWithExifOrientation6_IsRotatedUpright()
    {
        // Stored 32x16 with a black square at the stored top-left; orientation 6 displays it rotated clockwise.
        using var image = Image.Load(ImagingAssets.PathOf("exif_orientation6.jpg"));

        Assert.Equal((16, 32, 1), (image.Width, image.Height, image.Channels));
        var pixels = image.ToPixels();
        Assert.True(MeanOf(pixels, image.Width, x0: 8, y0: 0, size: 8) < 30, "the square should be at the top-right");
        Assert.True(MeanOf(pixels, image.Width, x0: 0, y0: 0, size: 8) > 225, "the top-left should be white");
        Assert.True(MeanOf(pixels, image.Width, x0: 8, y0: 24, size: 8) > 225, "the bottom-right should be white");
    }

    [Fact]
    public void Load_FromStream_DecodesLikeTheFile()
    {
        using var stream = File.OpenRead(ImagingAssets.PathOf("gray8.png"));
        using var fromStream = Image.Load(stream, "gray8 stream");
        using var fromFile = Image.Load(ImagingAssets.PathOf("gray8.png"));

        Assert.Equal(fromFile.ToPixels(), fromStream.ToPixels());
    }

    [Fact]
    public void Load_FromMemoryStreamAtAnOffset_DecodesFromThePosition()
    {
        var png = ImagingAssets.Read("gray8.png");
        using var stream = new MemoryStream();
        stream.Write([1, 2, 3]);
        stream.Write(png);
        stream.Position = 3;

        using var image = Image.Load(stream, "memory");

        Assert.Equal((32, 24), (image.Width, image.Height));
        Assert.Equal(stream.Length, stream.Position);
    }

    private static double MeanOf(byte[] pixels, int width, int x0, int y0, int size)
    {
        var sum = 0.0;
        for (var y = y0; y < y0 + size; y++)
        {
            for (var x = x0; x < x0 + size; x++)
            {
                sum += pixels[y * width + x];
            }
        }

        return sum / (size * size);
    }
}
