namespace DigitOcr.Onnx;

/// <summary>
/// The values one activation tensor took on calibration images, and the uint8 quantization that covers them:
/// <c>real = scale * (q - zeroPoint)</c>, q in 0..255. The range always includes 0 (padding and ReLU produce it, and
/// 0 must be exact), so a tensor that is never negative gets zero point 0 and all 256 steps for its positive range.
/// </summary>
public readonly record struct ActivationRange(float Min, float Max)
{
    /// <summary>The step between neighbouring uint8 values.</summary>
    public float Scale => Math.Max(Math.Max(Max, 0) - Math.Min(Min, 0), 1e-6f) / 255f;

    /// <summary>The uint8 value that stands for 0.</summary>
    public byte ZeroPoint => (byte)Math.Clamp(Math.Round(-Math.Min(Min, 0) / Scale), 0, 255);

    /// <summary>A range covering this one and <paramref name="other"/>.</summary>
    public ActivationRange Union(ActivationRange other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max));
}
