namespace DigitOcr.Config;

/// <summary>
/// Detection post-processing as the reference: softmax, decode, per-prior argmax, background dropped, top
/// <see cref="TopKPerClass"/> per class, one class-agnostic NMS at <see cref="NmsIoU"/>, scores at or above
/// <see cref="ScoreThreshold"/>, at most <see cref="MaxDetections"/> per image. Both caps hold per
/// <see cref="CapArea"/> pixels of network input, the reference's canvas, and grow with larger inputs: a page of
/// phone numbers holds far more than 200 digits (a 1024x768 input gets 15.7 times the caps).
/// </summary>
public sealed record PostprocessOptions
{
    /// <summary>The input area, in pixels, that the caps hold for (the reference's 224 x 224 canvas).</summary>
    public const int CapArea = 224 * 224;

    public double ScoreThreshold { get; init; } = 0.1;

    public double NmsIoU { get; init; } = 0.1;

    public int TopKPerClass { get; init; } = 100;

    public int MaxDetections { get; init; } = 200;

    /// <summary>The caps for one network input of <paramref name="height"/> x <paramref name="width"/> pixels: never below the configured ones.</summary>
    public (int TopKPerClass, int MaxDetections) CapsFor(int height, int width)
    {
        var scale = Math.Max(1.0, (double)height * width / CapArea);
        return ((int)Math.Min(int.MaxValue, Math.Ceiling(TopKPerClass * scale)), (int)Math.Min(int.MaxValue, Math.Ceiling(MaxDetections * scale)));
    }

    public IEnumerable<string> Validate()
    {
        if (ScoreThreshold is < 0 or > 1)
        {
            yield return $"postprocess.scoreThreshold must be in [0, 1], got {ScoreThreshold}";
        }

        if (NmsIoU is <= 0 or > 1)
        {
            yield return $"postprocess.nmsIoU must be in (0, 1], got {NmsIoU}";
        }

        if (TopKPerClass < 1 || MaxDetections < 1)
        {
            yield return $"postprocess.topKPerClass and maxDetections must be >= 1, got {TopKPerClass} and {MaxDetections}";
        }
    }
}
