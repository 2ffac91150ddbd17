using DigitOcr.Imaging;

namespace DigitOcr.Tests.Imaging;

public class ImageDrawingTests
{
    [Fact]
    public void DrawRectangle_Filled_BlackensTheInclusiveRectangleWithALightAntialiasedRim()
    {
        using var image = Image.Create(10, 10, fill: 255);

        image.DrawRectangle(2, 3, 6, 5, Color.Black, Image.Filled);

        var pixels = image.ToPixels();
        for (var y = 0; y < 10; y++)
        {
            for (var x = 0; x < 10; x++)
            {
                var value = pixels.At(10, x, y);
                var inside = x is >= 2 and <= 6 && y is >= 3 and <= 5;
                var rim = !inside && x is >= 1 and <= 7 && y is >= 2 and <= 6;
                var expected = inside ? value == 0 : rim ? value > 128 : value == 255;
                Assert.True(expected, $"pixel ({x}, {y}) is {value}");
            }
        }
    }

    [Fact]
    public void DrawRectangle_Outline_DarkensTheEdgesOnly()
    {
        using var image = Image.Create(12, 12, fill: 255);

        image.DrawRectangle(2, 2, 9, 9, Color.Black, thickness: 1);

        var pixels = image.ToPixels();
        Assert.True(pixels.At(12, 2, 2) < 64);
        Assert.True(pixels.At(12, 9, 5) < 64);
        Assert.True(pixels.At(12, 5, 9) < 64);
        Assert.True(pixels.At(12, 2, 6) < 64);
        Assert.Equal(255, pixels.At(12, 5, 5));
        Assert.Equal(255, pixels.At(12, 0, 0));
        Assert.Equal(255, pixels.At(12, 11, 11));
    }

    [Fact]
    public void DrawRectangle_OnColorImage_UsesBgrOrder()
    {
        using var image = Image.Create(4, 4, channels: 3, fill: 0);

        image.DrawRectangle(0, 0, 3, 3, Color.Red, Image.Filled);

        Assert.Equal([0, 0, 255], image.ToPixels()[..3]);
    }

    [Fact]
    public void DrawRectangle_ZeroThickness_ThrowsArgumentOutOfRange()
    {
        using var image = Image.Create(4, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => image.DrawRectangle(0, 0, 3, 3, Color.Black, thickness: 0));
    }

    [Fact]
    public void DrawLine_Horizontal_DarkensThatRow()
    {
        using var image = Image.Create(10, 5, fill: 255);

        image.DrawLine(1, 2, 8, 2, Color.Black, thickness: 1);

        var pixels = image.ToPixels();
        Assert.True(pixels.At(10, 5, 2) < 64, $"line pixel is {pixels.At(10, 5, 2)}");
        Assert.Equal(255, pixels.At(10, 5, 0));
        Assert.Equal(255, pixels.At(10, 5, 4));
    }

    [Fact]
    public void DrawText_DarkensPixelsNearTheBaselineOnly()
    {
        using var image = Image.Create(80, 40, fill: 255);

        image.DrawText("42", 5, 30, 1.0, Color.Black, thickness: 2);

        var pixels = image.ToPixels();
        Assert.Contains(pixels, p => p < 128);
        for (var x = 0; x < 80; x++)
        {
            Assert.Equal(255, pixels.At(80, x, 39)); // below the baseline: digits have no descenders
        }
    }

    [Fact]
    public void DrawText_NullText_ThrowsArgumentNull()
    {
        using var image = Image.Create(4, 4);

        Assert.Throws<ArgumentNullException>(() => image.DrawText(null!, 0, 0, 1.0, Color.Black, 1));
    }

    [Fact]
    public void DrawRectangle_OutsideTheImage_IsClipped()
    {
        using var image = Image.Create(4, 4, fill: 255);

        image.DrawRectangle(-10, -10, 100, 100, Color.Gray(9), Image.Filled);

        Assert.All(image.ToPixels(), p => Assert.Equal(9, p));
    }
}
