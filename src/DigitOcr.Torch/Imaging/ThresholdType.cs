namespace DigitOcr.Imaging;

/// <summary>
/// How <see cref="Image.Threshold"/> maps each pixel <c>v</c> given a threshold <c>t</c> and a maximum <c>m</c>.
/// Values are OpenCV's <c>cv::ThresholdTypes</c>; the comparison is strict (<c>v &gt; t</c>).
/// </summary>
public enum ThresholdType
{
    /// <summary><c>v &gt; t ? m : 0</c>.</summary>
    Binary = 0,

    /// <summary><c>v &gt; t ? 0 : m</c>.</summary>
    BinaryInverted = 1,

    /// <summary><c>v &gt; t ? t : v</c>.</summary>
    Truncate = 2,

    /// <summary><c>v &gt; t ? v : 0</c>.</summary>
    ToZero = 3,

    /// <summary><c>v &gt; t ? 0 : v</c>.</summary>
    ToZeroInverted = 4,

    /// <summary>As <see cref="Binary"/>, with <c>t</c> chosen by Otsu's method (the given threshold is ignored; gray images only).</summary>
    BinaryOtsu = 8,

    /// <summary>As <see cref="BinaryInverted"/>, with <c>t</c> chosen by Otsu's method (the given threshold is ignored; gray images only).</summary>
    BinaryInvertedOtsu = 9,
}
