using DigitOcr.Imaging;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Imaging;

public class ImagePixelsTests
{
    [Fact]
    public void Create_FillsEveryChannel()
    {
        using var image = Image.Create(3, 2, channels: 3, fill: 7);

        Assert.Equal((3, 2, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(Enumerable.Repeat((byte)7, 18), image.ToPixels());
    }

    [Fact]
    public void Create_DefaultsToWhiteGray()
    {
        using var image = Image.Create(2, 2);

        Assert.Equal(1, image.Channels);
        Assert.All(image.ToPixels(), p => Assert.Equal(255, p));
    }

    [Fact]
    public void FromPixels_ThenToPixels_ReturnsTheSameBytes()
    {
        byte[] pixels = [1, 2, 3, 4, 5, 6];

        using var image = Image.FromPixels(pixels, width: 3, height: 2);

        Assert.Equal(pixels, image.ToPixels());
    }

    [Fact]
    public void ToTensor_HoldsThePixelsAsUint8HeightWidthChannels()
    {
        byte[] pixels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        using var image = Image.FromPixels(pixels, width: 2, height: 2, channels: 3);

        using var tensor = image.ToTensor();

        Assert.Equal(ScalarType.Byte, tensor.dtype);
        Assert.Equal([2L, 2L, 3L], tensor.shape);
        Assert.Equal(pixels, tensor.data<byte>());
    }

    [Fact]
    public void FromPixels_WithStride_SkipsRowPadding()
    {
        byte[] padded = [1, 2, 3, 99, 4, 5, 6];

        using var image = Image.FromPixels(padded, width: 3, height: 2, stride: 4);

        Assert.Equal([1, 2, 3, 4, 5, 6], image.ToPixels());
    }

    [Fact]
    public void FromPixels_TooFewBytes_ThrowsSayingHowManyAreNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => Image.FromPixels(new byte[5], width: 3, height: 2));

        Assert.Contains("need 6 bytes", error.Message);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, -1, 1)]
    [InlineData(1, 1, 2)]
    [InlineData(1, 1, 4)]
    public void Create_InvalidSizeOrChannels_ThrowsArgumentOutOfRange(int width, int height, int channels)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Image.Create(width, height, channels));
    }

    [Fact]
    public void Crop_InsideTheImage_ReturnsThosePixels()
    {
        using var image = Image.FromPixels([.. Enumerable.Range(0, 20).Select(i => (byte)i)], width: 5, height: 4);

        using var crop = image.Crop(x: 1, y: 2, width: 3, height: 2);

        Assert.Equal((3, 2), (crop.Width, crop.Height));
        Assert.Equal([11, 12, 13, 16, 17, 18], crop.ToPixels());
    }

    [Theory]
    [InlineData(-1, 0, 2, 2)]
    [InlineData(0, -1, 2, 2)]
    [InlineData(4, 0, 2, 2)]
    [InlineData(0, 3, 2, 2)]
    [InlineData(0, 0, 0, 2)]
    [InlineData(0, 0, 6, 1)]
    [InlineData(int.MaxValue, 0, int.MaxValue, 1)]
    public void Crop_OutOfBounds_ThrowsNamingTheRectangleAndTheImage(int x, int y, int width, int height)
    {
        using var image = Image.Create(5, 4);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => image.Crop(x, y, width, height));

        Assert.Contains($"{width}x{height} pixels at ({x}, {y})", error.Message);
        Assert.Contains("5x4 image", error.Message);
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        using var original = Image.Create(4, 4, fill: 255);
        using var clone = original.Clone();

        original.DrawRectangle(0, 0, 3, 3, Color.Black, Image.Filled);

        Assert.All(clone.ToPixels(), p => Assert.Equal(255, p));
    }

    [Fact]
    public void ToColor_CopiesGrayIntoEveryChannel()
    {
        using var gray = Image.FromPixels([10, 200], width: 2, height: 1);

        using var color = gray.ToColor();

        Assert.Equal(3, color.Channels);
        Assert.Equal([10, 10, 10, 200, 200, 200], color.ToPixels());
    }

    [Fact]
    public void ToGray_UsesBgrWeights()
    {
        // Blue, green, red pixels in B, G, R order.
        using var color = Image.FromPixels([255, 0, 0, 0, 255, 0, 0, 0, 255], width: 3, height: 1, channels: 3);

        using var gray = color.ToGray();

        Assert.Equal(1, gray.Channels);
        Assert.Equal([29, 150, 76], gray.ToPixels());
    }

    [Fact]
    public void Dispose_ThenUse_ThrowsObjectDisposed()
    {
        var image = Image.Create(2, 2);

        image.Dispose();
        image.Dispose();

        Assert.True(image.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => image.ToPixels());
        Assert.Throws<ObjectDisposedException>(() => image.Clone());
    }
}
