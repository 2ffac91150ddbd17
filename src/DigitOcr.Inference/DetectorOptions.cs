using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Inference.Passes;
using DigitOcr.Postprocess;

namespace DigitOcr.Inference;

/// <summary>
/// How <see cref="DigitDetector"/> runs. Null thresholds use the model's config (the reference: score 0.1, NMS 0.1).
/// Size policy (<see cref="PassPlanner"/>): the anchors cover digits about 9 to 140 px tall at the network's scale, so
/// the finest pass runs at the image's own resolution (small writing keeps its pixels), and coarser passes at 1/4,
/// 1/16, ... read writing larger than the anchors, up to the largest digit the image can hold. A pass larger than
/// <see cref="TileSize"/> runs in overlapping tiles, so memory stays bounded on any image; detections are merged
/// across tiles (<see cref="TileMerge"/>) and passes (<see cref="PyramidMerge"/>). Inputs are padded with white on
/// the right and bottom to a multiple of <see cref="PadMultiple"/> (the backbone's stride), not to a square; boxes
/// are reported in the original image's pixels. Knowing the writing's size makes it faster:
/// <see cref="MinDigitHeight"/> lets the finest pass run smaller, <see cref="MaxDigitHeight"/> skips coarse passes.
/// </summary>
public sealed record DetectorOptions
{
    /// <summary>The most pyramid passes accepted (more than a 100,000 px image can use).</summary>
    public const int MaxPyramidLevels = 16;

    /// <summary>The smallest tile side accepted; the models' tile overlap may ask for more (<see cref="PassPlanner"/>).</summary>
    public const int MinTileSize = 256;

    public double? ScoreThreshold { get; init; }

    public double? NmsIoU { get; init; }

    /// <summary>
    /// The most detections kept per 224 x 224 pixels of network input (the reference's canvas; larger inputs scale it
    /// by their area, <see cref="PostprocessOptions.CapsFor"/>); null: the model's (200, so 3,134 on a 1024x768 page).
    /// An image keeps at most the sum of its finest pass's tiles' caps, after merging tiles and passes.
    /// </summary>
    public int? MaxDetections { get; init; }

    /// <summary>
    /// The most candidates of each digit kept before NMS, per 224 x 224 pixels of network input as
    /// <see cref="MaxDetections"/>; null: the model's (100).
    /// </summary>
    public int? TopKPerClass { get; init; }

    /// <summary>
    /// Height, in the image's pixels, of the smallest digits to read; null: as small as the anchors allow at the image's
    /// own resolution (about 9 px). Given, the finest pass is scaled down so that such digits are
    /// <see cref="PassPlanner.SmallDigitHeight"/> px for the network (never enlarged): 40 on a 1024x768 page runs the
    /// network on 0.16 of the pixels.
    /// </summary>
    public double? MinDigitHeight { get; init; }

    /// <summary>
    /// Height, in the image's pixels, of the largest digits to read; null: up to
    /// <see cref="PassPlanner.LargestDigitShare"/> of the image's shorter side. Coarse passes that only larger
    /// writing would need are skipped: 140 or less leaves the finest pass alone.
    /// </summary>
    public double? MaxDigitHeight { get; init; }

    /// <summary>Longest side, in pixels, of the finest pass (larger images are scaled down); null: the image's own size.</summary>
    public int? MaxSide { get; init; }

    public int PadMultiple { get; init; } = 32;

    /// <summary>
    /// The most passes of the image pyramid: the finest pass, then 1/4, 1/16, ... of it (coarser levels whose padded
    /// long side would be under <see cref="PyramidMinSide"/> px are skipped); null: as many as the image's size and
    /// <see cref="MaxDigitHeight"/> call for (2 on a 1024x768 page, reading digits up to about 560 px; 3 on a 12 MP
    /// photo). 1 = the finest pass only (the reference's behaviour). Passes merge as <see cref="PyramidMerge"/> says.
    /// </summary>
    public int? PyramidLevels { get; init; }

    /// <summary>
    /// Small writing is read a second time enlarged: where the first reading found digits shorter than this (px in the
    /// image), the region around them (<see cref="RereadRegions"/>) runs through the network again at
    /// <see cref="RereadScale"/> times its size, and what that finds replaces what the first reading found there. The
    /// anchors reach down to about 9 px, but digits 8-20 px tall are found more often with more pixels
    /// (docs/size-policy.md, "Small writing read again"). Null: never; skipped too when <see cref="MinDigitHeight"/> says
    /// no digit is that small. It costs time only on images that hold small writing.
    /// </summary>
    public double? RereadBelowHeight { get; init; } = 20;

    /// <summary>How much larger the network sees small writing the second time (<see cref="RereadBelowHeight"/>).</summary>
    public double RereadScale { get; init; } = 1.5;

    /// <summary>The largest <see cref="RereadScale"/> accepted.</summary>
    public const double MaxRereadScale = 4;

    /// <summary>Coarser passes contribute only digits at least this tall (px at their own scale).</summary>
    public double PyramidMinHeight { get; init; } = 40;

    /// <summary>The smallest padded long side a coarser pyramid pass runs at.</summary>
    public const int PyramidMinSide = 96;

    /// <summary>
    /// The longest side of one network input, in pixels (a multiple of <see cref="PadMultiple"/>): a larger pass runs
    /// in tiles of at most this size that overlap by the largest anchor (160 px), which bounds memory. The default
    /// keeps pages up to 1280 px in one piece; with it, reading a 12 MP photo peaked at 540 MB and a 24 MP one at
    /// 610 MB (the whole <c>digitocr detect</c> process; docs/size-policy.md).
    /// </summary>
    public int TileSize { get; init; } = 1280;

    /// <summary>Run the network on channels-last (NHWC) tensors, which oneDNN's CPU convolutions handle faster.</summary>
    public bool ChannelsLast { get; init; } = true;

    /// <summary>"cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// The engine that runs the detector's network (<see cref="DetectorBackend"/>); null (the default): ONNX Runtime on
    /// the CPU and libtorch on CUDA. With batch norm folded at load, both run the lite network on the CPU in about the
    /// same processor time (README, "Speed"); ONNX Runtime costs more at load (the export, its library and session: about
    /// 0.7 s of processor time). <see cref="DetectorBackend.OnnxRuntime"/> runs on the CPU only.
    /// </summary>
    public DetectorBackend? Backend { get; init; }

    /// <summary>
    /// The backend that runs: <see cref="Backend"/>, or the default for <see cref="Device"/> and <see cref="Precision"/>
    /// (ONNX Runtime for float32 and int8 on the CPU, libtorch otherwise).
    /// </summary>
    public DetectorBackend EffectiveBackend =>
        Backend ?? (string.Equals(Device, "cpu", StringComparison.OrdinalIgnoreCase) && Precision != InferencePrecision.BFloat16 ? DetectorBackend.OnnxRuntime : DetectorBackend.Libtorch);

    /// <summary>
    /// The network's arithmetic (<see cref="InferencePrecision"/>); bfloat16 runs on <see cref="DetectorBackend.Libtorch"/>,
    /// int8 on <see cref="DetectorBackend.OnnxRuntime"/> (the default backend for each).
    /// Float32 by default: bfloat16's and int8's accuracy and speed are in the README ("Speed").
    /// </summary>
    public InferencePrecision Precision { get; init; } = InferencePrecision.Float32;

    /// <summary>Limits for decoding input images (a 30000 x 30000 header is refused before any allocation).</summary>
    public DecodeOptions Decode { get; init; } = new();

    /// <summary>
    /// Read every detected box a second time with the digit recognizer and fuse the readings (drops boxes that are not
    /// digits, corrects misread digits, fills <c>Detection.Alternatives</c>). On by default when a recognizer is
    /// available (<see cref="RecognizerPath"/>, or the embedded default). With it the detector also offers the digits
    /// it is unsure of (<see cref="CandidateRule.Presence"/>), since the recognizer checks each one.
    /// </summary>
    public bool UseRecognizer { get; init; } = true;

    /// <summary>The recognizer's model file (trained with <c>configs/recognizer.json</c>); null: the embedded default, if any.</summary>
    public string? RecognizerPath { get; init; }

    /// <summary>How the recognizer's reading is fused with the detector's.</summary>
    public DigitOcr.Recognition.FusionOptions Fusion { get; init; } = new();

    /// <summary>The architecture of a plain PyTorch state dict (a DigitOcr checkpoint carries its own); default: the reference's.</summary>
    public ModelConfig? ConfigForStateDict { get; init; }

    /// <summary>Every value out of range, each naming its option, what it got and the allowed range.</summary>
    public IEnumerable<string> Validate()
    {
        if (ScoreThreshold is { } score && !(score is >= 0 and <= 1))
        {
            yield return $"ScoreThreshold must be from 0 to 1, got {score}";
        }

        if (NmsIoU is { } iou && !(iou is > 0 and <= 1))
        {
            yield return $"NmsIoU must be above 0 and at most 1, got {iou}";
        }

        if (MaxDetections is < 1)
        {
            yield return $"MaxDetections must be at least 1, got {MaxDetections}";
        }

        if (TopKPerClass is < 1)
        {
            yield return $"TopKPerClass must be at least 1, got {TopKPerClass}";
        }

        if (Backend is { } backend && !Enum.IsDefined(backend))
        {
            yield return $"Backend must be one of {string.Join(", ", Enum.GetNames<DetectorBackend>())} or null (the default for the device), got {(int)backend}";
        }

        if (!Enum.IsDefined(Precision))
        {
            yield return $"Precision must be float32, bfloat16 or int8, got {(int)Precision}";
        }
        else if (Precision == InferencePrecision.BFloat16 && EffectiveBackend != DetectorBackend.Libtorch)
        {
            yield return "Precision bfloat16 runs on the libtorch backend only: set Backend to Libtorch (--backend libtorch), or keep float32";
        }
        else if (Precision == InferencePrecision.Int8 && EffectiveBackend != DetectorBackend.OnnxRuntime)
        {
            yield return "Precision int8 runs on the ONNX Runtime backend only: set Backend to OnnxRuntime (--backend onnxruntime), or keep float32";
        }

        if (EffectiveBackend == DetectorBackend.OnnxRuntime && !string.Equals(Device, "cpu", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Backend OnnxRuntime runs on the CPU only, got Device '{Device}'; use Device \"cpu\" or Backend Libtorch";
        }

        if (MinDigitHeight is { } min && !(min > 0 && double.IsFinite(min)))
        {
            yield return $"MinDigitHeight must be a number of pixels above 0, got {min}";
        }

        if (MaxDigitHeight is { } max && !(max > 0 && double.IsFinite(max)))
        {
            yield return $"MaxDigitHeight must be a number of pixels above 0, got {max}";
        }

        if (MinDigitHeight is { } low && MaxDigitHeight is { } high && low > high)
        {
            yield return $"MinDigitHeight ({low}) must not exceed MaxDigitHeight ({high})";
        }

        if (MaxSide is < 32)
        {
            yield return $"MaxSide must be at least 32 px, got {MaxSide}";
        }

        if (PadMultiple < 1)
        {
            yield return $"PadMultiple must be at least 1, got {PadMultiple}";
        }

        if (PyramidLevels is < 1 or > MaxPyramidLevels)
        {
            yield return $"PyramidLevels must be from 1 to {MaxPyramidLevels} (or null: as the image needs), got {PyramidLevels}";
        }

        if (!(PyramidMinHeight >= 0 && double.IsFinite(PyramidMinHeight)))
        {
            yield return $"PyramidMinHeight must be a number of pixels, 0 or more, got {PyramidMinHeight}";
        }

        if (RereadBelowHeight is { } below && !(below > 0 && double.IsFinite(below)))
        {
            yield return $"RereadBelowHeight must be a number of pixels above 0 (or null: never read small writing again), got {below}";
        }

        if (!(RereadScale is > 1 and <= MaxRereadScale))
        {
            yield return $"RereadScale must be above 1 and at most {MaxRereadScale}, got {RereadScale}";
        }

        if (TileSize < MinTileSize || (PadMultiple >= 1 && TileSize % PadMultiple != 0))
        {
            yield return $"TileSize must be a multiple of PadMultiple ({PadMultiple}) of at least {MinTileSize}, got {TileSize}";
        }

        foreach (var problem in Fusion.Validate())
        {
            yield return problem;
        }
    }

    /// <summary>Throws listing every problem of <see cref="Validate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Some option is out of range.</exception>
    internal void ThrowIfInvalid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DetectorOptions), $"detector options have {problems.Count} problem(s): {string.Join("; ", problems)}");
        }
    }
}
