using DigitOcr.Torch.Native;

namespace DigitOcr.Imaging;

public sealed partial class Image
{
    private const int MorphErode = 0;
    private const int MorphDilate = 1;
    private const int ColorGrayToBgr = 8;
    private const int ColorBgrToGray = 6;
    private const int HomographySize = 9;

    /// <summary>A new image of the rectangle at (<paramref name="x"/>, <paramref name="y"/>) of <paramref name="width"/> x <paramref name="height"/> pixels. The caller owns it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle is empty or reaches outside this image.</exception>
    public Image Crop(int x, int y, int width, int height)
    {
        if (width <= 0 || height <= 0 || x < 0 || y < 0 || (long)x + width > Width || (long)y + height > Height)
        {
            throw new ArgumentOutOfRangeException(null,
                $"Cannot crop {width}x{height} pixels at ({x}, {y}) from a {Width}x{Height} image: the rectangle must be non-empty and lie inside the image.");
        }

        return new Image(NativeMethods.dgo_image_crop(Handle, x, y, width, height));
    }

    /// <summary>A new image resampled to <paramref name="width"/> x <paramref name="height"/> (<c>cv::resize</c>). The caller owns it.</summary>
    /// <param name="width">Target width in pixels.</param>
    /// <param name="height">Target height in pixels.</param>
    /// <param name="interpolation"><see cref="Interpolation.Area"/> to shrink, <see cref="Interpolation.Linear"/> or <see cref="Interpolation.Cubic"/> to enlarge.</param>
    public Image Resize(int width, int height, Interpolation interpolation)
    {
        CheckSize(width, height);
        return new Image(NativeMethods.dgo_image_resize(Handle, width, height, (int)interpolation));
    }

    /// <summary>
    /// A new <paramref name="width"/> x <paramref name="height"/> image in which each pixel takes the source pixel
    /// that <paramref name="matrix"/> maps onto it (<c>cv::warpAffine</c>; the matrix maps source to destination).
    /// The caller owns it.
    /// </summary>
    /// <param name="matrix">Source-to-destination transform.</param>
    /// <param name="width">Destination width in pixels.</param>
    /// <param name="height">Destination height in pixels.</param>
    /// <param name="interpolation">How a pixel between source pixels is sampled.</param>
    /// <param name="borderMode">How pixels mapping outside the source are filled.</param>
    /// <param name="borderValue">The fill for <see cref="BorderMode.Constant"/>, 0..255 (all channels).</param>
    public unsafe Image WarpAffine(AffineMatrix matrix, int width, int height, Interpolation interpolation = Interpolation.Linear,
        BorderMode borderMode = BorderMode.Constant, double borderValue = 0)
    {
        CheckSize(width, height);
        var m = stackalloc double[] { matrix.M00, matrix.M01, matrix.M02, matrix.M10, matrix.M11, matrix.M12 };
        return new Image(NativeMethods.dgo_image_warp_affine(Handle, m, width, height, (int)interpolation, (int)borderMode, borderValue));
    }

    /// <summary>
    /// A new <paramref name="width"/> x <paramref name="height"/> image through a perspective transform
    /// (<c>cv::warpPerspective</c>). The caller owns it.
    /// </summary>
    /// <param name="homography">3x3 source-to-destination homography, row-major (9 values).</param>
    /// <param name="width">Destination width in pixels.</param>
    /// <param name="height">Destination height in pixels.</param>
    /// <param name="interpolation">How a pixel between source pixels is sampled.</param>
    /// <param name="borderMode">How pixels mapping outside the source are filled.</param>
    /// <param name="borderValue">The fill for <see cref="BorderMode.Constant"/>, 0..255 (all channels).</param>
    public unsafe Image WarpPerspective(ReadOnlySpan<double> homography, int width, int height,
        Interpolation interpolation = Interpolation.Linear, BorderMode borderMode = BorderMode.Constant, double borderValue = 0)
    {
        if (homography.Length != HomographySize)
        {
            throw new ArgumentException(
                $"A homography is a 3x3 matrix given as {HomographySize} values, row-major; got {homography.Length}.",
                nameof(homography));
        }

        CheckSize(width, height);
        fixed (double* m = homography)
        {
            return new Image(NativeMethods.dgo_image_warp_perspective(Handle, m, width, height, (int)interpolation, (int)borderMode, borderValue));
        }
    }

    /// <summary>A new image with every pixel mapped by <paramref name="type"/> (<c>cv::threshold</c>). The caller owns it.</summary>
    /// <param name="threshold">The level compared against (strictly greater counts as above).</param>
    /// <param name="maxValue">The value given to pixels selected by the binary types.</param>
    /// <param name="type">The mapping.</param>
    public Image Threshold(double threshold, double maxValue, ThresholdType type) =>
        new(NativeMethods.dgo_image_threshold(Handle, threshold, maxValue, (int)type));

    /// <summary>A new image eroded (minimum over a square <paramref name="kernelSize"/> window) <paramref name="iterations"/> times: bright regions shrink. The caller owns it.</summary>
    public Image Erode(int kernelSize, int iterations = 1) => Morphology(MorphErode, kernelSize, iterations);

    /// <summary>A new image dilated (maximum over a square <paramref name="kernelSize"/> window) <paramref name="iterations"/> times: bright regions grow. The caller owns it.</summary>
    public Image Dilate(int kernelSize, int iterations = 1) => Morphology(MorphDilate, kernelSize, iterations);

    /// <summary>A new image smoothed by a Gaussian (<c>cv::GaussianBlur</c>). The caller owns it.</summary>
    /// <param name="kernelSize">Odd window side, or 0 to derive it from <paramref name="sigma"/>.</param>
    /// <param name="sigma">Standard deviation in pixels, or 0 to derive it from <paramref name="kernelSize"/>.</param>
    public Image GaussianBlur(int kernelSize, double sigma)
    {
        if (kernelSize < 0 || (kernelSize > 0 && kernelSize % 2 == 0) || (kernelSize == 0 && !(sigma > 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize,
                $"The Gaussian kernel size must be odd and positive, or 0 with a positive sigma (sigma = {sigma}).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        return new Image(NativeMethods.dgo_image_gaussian_blur(Handle, kernelSize, sigma));
    }

    /// <summary>A new 3-channel (B, G, R) image; gray levels become equal channels. A copy when already colour. The caller owns it.</summary>
    public Image ToColor() =>
        Channels == 3 ? Clone() : new Image(NativeMethods.dgo_image_convert_color(Handle, ColorGrayToBgr));

    /// <summary>A new 1-channel image (gray = 0.299 R + 0.587 G + 0.114 B). A copy when already gray. The caller owns it.</summary>
    public Image ToGray() =>
        Channels == 1 ? Clone() : new Image(NativeMethods.dgo_image_convert_color(Handle, ColorBgrToGray));

    private Image Morphology(int op, int kernelSize, int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        return new Image(NativeMethods.dgo_image_morphology(Handle, op, kernelSize, iterations));
    }
}
