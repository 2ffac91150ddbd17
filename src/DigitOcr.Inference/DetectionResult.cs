using DigitOcr.Imaging;
using DigitOcr.Postprocess;

namespace DigitOcr.Inference;

/// <summary>
/// The digits found in one image: each <see cref="Detection"/> has its digit, score and box in pixels of the
/// original image (corner form), best score first. <see cref="Scale"/> is how much the image was shrunk for the network.
/// </summary>
public sealed record DetectionResult(int Width, int Height, IReadOnlyList<Detection> Digits, double Scale)
{
    /// <summary>
    /// What was wrong with an encoded image that still decoded (cut short, or the decoder reported corrupt data):
    /// digits in the damaged part may be missing or wrong (<see cref="ImageDamage.ReadingWarning"/>). Null when the
    /// file looked whole, or when the image was given decoded.
    /// </summary>
    public ImageDamage? Damage { get; init; }
}
