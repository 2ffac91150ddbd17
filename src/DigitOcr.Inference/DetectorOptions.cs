using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Postprocess;

namespace DigitOcr.Inference;

/// <summary>
/// How <see cref="DigitDetector"/> runs. Null thresholds use the model's config (the reference: score 0.1, NMS 0.1).
/// Input-size policy: an image whose long side exceeds <see cref="MaxSide"/> is scaled down to it (area
/// interpolation; never up), then padded with white on the right and bottom to a multiple of
/// <see cref="PadMultiple"/> (the backbone's stride), not to a square; boxes are reported in the original image's pixels.
/// Anchors are 9..153 px at the network's scale, so digits between about 12 and 200 px (after scaling) are found.
/// </summary>
public sealed record DetectorOptions
{
    public double? ScoreThreshold { get; init; }

    public double? NmsIoU { get; init; }

    public int? MaxDetections { get; init; }

    /// <summary>Longest side, in pixels, that the network sees (larger images are scaled down).</summary>
    public int MaxSide { get; init; } = 1280;

    public int PadMultiple { get; init; } = 32;

    /// <summary>
    /// Passes of an image pyramid: the image at the size policy's scale, then at 1/2, 1/4, ... of it (coarser levels
    /// whose padded long side would be under <see cref="PyramidMinSide"/> px are skipped). The anchors cover digits up
    /// to about 150 px, so larger writing is found by a coarser pass; the passes merge as <see cref="PyramidMerge"/>
    /// says. 1 = a single pass (the reference's behaviour); 3 (default) reads digits up to about 600 px tall, at
    /// about 1.8x the time of one pass on a 1024x768 page.
    /// </summary>
    public int PyramidLevels { get; init; } = 3;

    /// <summary>Coarser passes contribute only digits at least this tall (px at their own scale).</summary>
    public double PyramidMinHeight { get; init; } = 40;

    /// <summary>The smallest padded long side a coarser pyramid pass runs at.</summary>
    public const int PyramidMinSide = 96;

    /// <summary>Run the network on channels-last (NHWC) tensors, which oneDNN's CPU convolutions handle faster.</summary>
    public bool ChannelsLast { get; init; } = true;

    /// <summary>"cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Limits for decoding input images (a 30000 x 30000 header is refused before any allocation).</summary>
    public DecodeOptions Decode { get; init; } = new();

    /// <summary>
    /// Read every detected box a second time with the digit recognizer and fuse the readings (drops boxes that are not
    /// digits, corrects misread digits, fills <c>Detection.Alternatives</c>). On by default when a recognizer is
    /// available (<see cref="RecognizerPath"/>, or the embedded default).
    /// </summary>
    public bool UseRecognizer { get; init; } = true;

    /// <summary>The recognizer's model file (trained with <c>configs/recognizer.json</c>); null: the embedded default, if any.</summary>
    public string? RecognizerPath { get; init; }

    /// <summary>How the recognizer's reading is fused with the detector's.</summary>
    public DigitOcr.Recognition.FusionOptions Fusion { get; init; } = new();

    /// <summary>The architecture of a plain PyTorch state dict (a DigitOcr checkpoint carries its own); default: the reference's.</summary>
    public ModelConfig? ConfigForStateDict { get; init; }

    internal void Validate()
    {
        if (PyramidLevels < 1 || PyramidMinHeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PyramidLevels), $"PyramidLevels must be >= 1 and PyramidMinHeight >= 0, got {PyramidLevels} and {PyramidMinHeight}");
        }

        if (MaxSide < 32 || PadMultiple < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSide), $"MaxSide must be >= 32 and PadMultiple >= 1, got {MaxSide} and {PadMultiple}");
        }

        if (ScoreThreshold is < 0 or > 1 || NmsIoU is <= 0 or > 1 || MaxDetections is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ScoreThreshold), "ScoreThreshold must be in [0, 1], NmsIoU in (0, 1] and MaxDetections >= 1");
        }

        if (Fusion.Validate().FirstOrDefault() is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(Fusion), problem);
        }
    }
}
