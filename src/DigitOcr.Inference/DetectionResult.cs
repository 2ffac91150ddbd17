using DigitOcr.Postprocess;

namespace DigitOcr.Inference;

/// <summary>
/// The digits found in one image: each <see cref="Detection"/> has its digit, score and box in pixels of the
/// original image (corner form), best score first. <see cref="Scale"/> is how much the image was shrunk for the network.
/// </summary>
public sealed record DetectionResult(int Width, int Height, IReadOnlyList<Detection> Digits, double Scale);
