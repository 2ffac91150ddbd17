using DigitOcr.Imaging;

namespace DigitOcr.Tests.Imaging;

/// <summary>Small images with known pixels, built in memory.</summary>
internal static class TestImages
{
    /// <summary>A smooth <paramref name="width"/> x <paramref name="height"/> gray gradient (JPEG-friendly).</summary>
    public static Image Gradient(int width, int height)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[y * width + x] = (byte)((x * 255 / (width - 1) + y * 255 / (height - 1)) / 2);
            }
        }

        return Image.FromPixels(pixels, width, height);
    }

    /// <summary>A black <paramref name="size"/> x <paramref name="size"/> gray image with one white pixel at (x, y).</summary>
    public static Image SinglePixel(int size, int x, int y, byte background = 0, byte value = 255)
    {
        var pixels = Enumerable.Repeat(background, size * size).ToArray();
        pixels[y * size + x] = value;
        return Image.FromPixels(pixels, size, size);
    }

    /// <summary>The gray level at (x, y) of packed 1-channel pixels.</summary>
    public static byte At(this byte[] pixels, int width, int x, int y) => pixels[y * width + x];
}
