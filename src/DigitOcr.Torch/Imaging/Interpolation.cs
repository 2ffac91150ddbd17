namespace DigitOcr.Imaging;

/// <summary>How resampling computes a pixel between source pixels. Values are OpenCV's <c>cv::InterpolationFlags</c>.</summary>
public enum Interpolation
{
    /// <summary>The nearest source pixel (<c>INTER_NEAREST</c>).</summary>
    Nearest = 0,

    /// <summary>Bilinear, with pixel centres at half-integers (<c>INTER_LINEAR</c>).</summary>
    Linear = 1,

    /// <summary>Bicubic over 4x4 neighbours (<c>INTER_CUBIC</c>).</summary>
    Cubic = 2,

    /// <summary>Pixel-area averaging; the best choice for shrinking (<c>INTER_AREA</c>).</summary>
    Area = 3,

    /// <summary>Lanczos over 8x8 neighbours (<c>INTER_LANCZOS4</c>).</summary>
    Lanczos4 = 4,
}
