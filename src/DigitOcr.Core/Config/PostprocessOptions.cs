namespace DigitOcr.Config;

/// <summary>
/// Detection post-processing as the reference: softmax, decode, per-prior argmax, background dropped, top
/// <see cref="TopKPerClass"/> per class, one class-agnostic NMS at <see cref="NmsIoU"/>, scores at or above
/// <see cref="ScoreThreshold"/>, at most <see cref="MaxDetections"/> per image.
/// </summary>
public sealed record PostprocessOptions
{
    public double ScoreThreshold { get; init; } = 0.1;

    public double NmsIoU { get; init; } = 0.1;

    public int TopKPerClass { get; init; } = 100;

    public int MaxDetections { get; init; } = 200;

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
