namespace DigitOcr.Imaging;

/// <summary>
/// An 8-bit colour in OpenCV's channel order (blue, green, red). On a gray image only <see cref="B"/> is used, so
/// draw on gray images with <see cref="Gray"/> colours, whose three channels are equal.
/// </summary>
/// <param name="B">Blue, 0..255.</param>
/// <param name="G">Green, 0..255.</param>
/// <param name="R">Red, 0..255.</param>
public readonly record struct Color(byte B, byte G, byte R)
{
    public static Color Black => Gray(0);

    public static Color White => Gray(255);

    public static Color Red => new(0, 0, 255);

    public static Color Green => new(0, 255, 0);

    public static Color Blue => new(255, 0, 0);

    public static Color Yellow => new(0, 255, 255);

    /// <summary>A gray level: all three channels equal to <paramref name="value"/>.</summary>
    public static Color Gray(byte value) => new(value, value, value);
}
