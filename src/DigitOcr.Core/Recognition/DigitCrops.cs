using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Recognition;

/// <summary>
/// What the recognizer reads of a box, the same in training and at inference: a square of side
/// <c>context * max(box width, box height)</c> centred on the box, scaled to <c>cropSize</c> pixels with bilinear
/// sampling, border pixels replicated (ink may be dark on light or light on dark, so no fill colour is right for
/// both), normalised like the detector's input.
/// </summary>
public static class DigitCrops
{
    /// <summary>The source-to-crop transform of <paramref name="box"/> (pixels, corner form).</summary>
    public static AffineMatrix Transform(Box box, RecognizerConfig config)
    {
        var side = Math.Max(1.0, config.Context * Math.Max(box.X2 - box.X1, box.Y2 - box.Y1));
        var scale = config.CropSize / side;
        var (cx, cy) = ((box.X1 + box.X2) / 2.0, (box.Y1 + box.Y2) / 2.0);
        return AffineMatrix.Translation(config.CropSize / 2.0, config.CropSize / 2.0)
            * AffineMatrix.Scaling(scale, scale)
            * AffineMatrix.Translation(-cx, -cy);
    }

    /// <summary>The 8-bit crop of one box (one channel); the caller owns it.</summary>
    public static Image Crop(Image gray, Box box, RecognizerConfig config) =>
        gray.WarpAffine(Transform(box, config), config.CropSize, config.CropSize, Interpolation.Linear, BorderMode.Replicate);

    /// <summary>Every box's crop as one <c>[N, 1, S, S]</c> float32 tensor, normalised (uint8 pixels cross into the tensor once).</summary>
    public static Tensor Extract(Image gray, IReadOnlyList<Box> boxes, RecognizerConfig config)
    {
        if (gray.Channels != 1)
        {
            throw new ArgumentException($"crops are read from one gray channel, got {gray.Channels}", nameof(gray));
        }

        var size = config.CropSize;
        var pixels = new byte[boxes.Count * size * size];
        for (var i = 0; i < boxes.Count; i++)
        {
            using var crop = Crop(gray, boxes[i], config);
            crop.ToPixels().CopyTo(pixels, i * size * size);
        }

        return ToTensor(pixels, boxes.Count, size);
    }

    /// <summary><paramref name="count"/> 8-bit crops of <paramref name="cropSize"/> squared pixels each, back to back, as the normalised <c>[N, 1, S, S]</c> input.</summary>
    public static Tensor ToTensor(ReadOnlySpan<byte> pixels, int count, int cropSize)
    {
        using var bytes = torch.tensor(pixels, [count, 1, cropSize, cropSize]);
        return ImageNormalization.Normalize(bytes);
    }
}
