namespace DigitOcr.Imaging;

/// <summary>An encoded image file format, as written by <see cref="Image.Encode"/> and <see cref="Image.Save"/>.</summary>
public enum ImageFormat
{
    /// <summary>PNG: lossless; the format for exact round trips.</summary>
    Png,

    /// <summary>JPEG: lossy, with a quality from 0 to 100.</summary>
    Jpeg,

    /// <summary>Windows bitmap: uncompressed.</summary>
    Bmp,

    /// <summary>TIFF: lossless.</summary>
    Tiff,
}
