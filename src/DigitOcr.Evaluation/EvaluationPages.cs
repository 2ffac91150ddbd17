using DigitOcr.Data;
using DigitOcr.Data.Augmentation.Photometric;
using DigitOcr.Data.Pages;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Sources;

namespace DigitOcr.Evaluation;

/// <summary>
/// The test pages of an <see cref="EvaluationPreset"/>: whole pages of the <c>pages</c> generator, with options
/// that make the preset, drawn from MNIST test digits (never trained on) with the evaluation's seed. Each page records
/// its conditions in <see cref="Sample.Applied"/> (<see cref="PageConditions"/> and the photo steps).
/// <see cref="EvaluationPreset.Reference"/> is the reference's canvas instead: page <c>i</c> is MNIST test digit
/// <c>i</c> alone on a 224x224 canvas, as the training validation's reference set draws it.
/// </summary>
public sealed class EvaluationPages
{
    private readonly ISampleSource source;

    public EvaluationPages(EvaluationPreset preset, int seed, string? dataFolder)
    {
        Preset = preset;
        var data = preset == EvaluationPreset.Reference
            ? new DataOptions { Preset = DataPreset.Reference, Seed = seed, DataFolder = dataFolder }
            : new DataOptions { Preset = DataPreset.Pages, Seed = seed, DataFolder = dataFolder, Pages = Options(preset) };
        source = SampleSources.Create(data, DataSplit.Test);
    }

    public EvaluationPreset Preset { get; }

    /// <summary>Page <paramref name="index"/> of the preset, photographed whole. The caller owns it.</summary>
    public Sample Page(int index) => source is PageSampleSource pages
        ? pages.GeneratePage(0, index)
        : source.GenerateGroup(0, index)[0];

    /// <summary>The generator's options for <paramref name="preset"/> (the <c>pages</c> defaults, changed where the preset says).</summary>
    public static PageOptions Options(EvaluationPreset preset)
    {
        var defaults = new PageOptions();
        return preset switch
        {
            EvaluationPreset.Pages => defaults,
            EvaluationPreset.Reference => throw new ArgumentException("the reference preset draws one digit per canvas, not pages", nameof(preset)),
            EvaluationPreset.SmallWriting => SmallWritingPages.Options,
            EvaluationPreset.Clean => defaults with
            {
                Layout = defaults.Layout with
                {
                    DigitHeight = new ValueRange(18, 120),
                    EmptyLineProbability = 0.75,
                    ScatteredDigits = new IntRange(0, 0),
                    PhoneNumberProbability = 0.9,
                    DigitGap = new ValueRange(0.06, 0.4),
                    MaxLineRotationDegrees = 5,
                },
                Surface = defaults.Surface with
                {
                    RuledProbability = 0, UnderlineProbability = 0, FormBoxesProbability = 0,
                    EnclosingRectangleProbability = 0, CrossedOutProbability = 0,
                },
                Clutter = defaults.Clutter with { ItemsPerCropArea = new ValueRange(0, 1), ScribbleNearDigitsProbability = 0 },
                PerspectiveProbability = 0.5,
                MaxPerspectiveShift = 0.04,
                Photo = defaults.Photo with
                {
                    LightOnDarkProbability = 0, MinContrast = 90, ShadowProbability = 0,
                    IlluminationStrength = new ValueRange(0.05, 0.2), BlurSigma = new ValueRange(0.3, 1.0),
                    NoiseSigma = new ValueRange(1, 6), JpegQuality = new IntRange(50, 90),
                },
            },
            EvaluationPreset.Hard => defaults with
            {
                Layout = defaults.Layout with
                {
                    DigitGap = new ValueRange(-0.2, 0.25),
                    MaxLineRotationDegrees = 12,
                    PhoneNumberProbability = 0.8,
                },
                Surface = defaults.Surface with
                {
                    RuledProbability = 0.5, UnderlineProbability = 0.25, FormBoxesProbability = 0.25,
                    EnclosingRectangleProbability = 0.2, CrossedOutProbability = 0.08,
                },
                Clutter = defaults.Clutter with { ItemsPerCropArea = new ValueRange(1, 5), ScribbleNearDigitsProbability = 0.4 },
                PerspectiveProbability = 0.9,
                MaxPerspectiveShift = 0.12,
                Photo = defaults.Photo with { MinContrast = 15, ShadowProbability = 0.5 },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown evaluation preset"),
        };
    }
}
