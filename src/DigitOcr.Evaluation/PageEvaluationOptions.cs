using DigitOcr.Inference;
using DigitOcr.Training;

namespace DigitOcr.Evaluation;

/// <summary>What <see cref="PageEvaluation"/> reads and how: which test pages, how crowded the directory, which detector.</summary>
public sealed record PageEvaluationOptions
{
    /// <summary>Which test pages: the <c>pages</c> mix, clean pages or hard ones (<see cref="EvaluationPages"/>).</summary>
    public EvaluationPreset Preset { get; init; } = EvaluationPreset.Pages;

    /// <summary>Whole test pages to read (pages 0 .. Pages - 1 of the preset, from MNIST test digits).</summary>
    public int Pages { get; init; } = 40;

    /// <summary>Random numbers (7 to 12 digits) put in the directory beside the written ones, so a wrong read can find a wrong entry.</summary>
    public int Distractors { get; init; } = 100_000;

    /// <summary>Seed of the test pages and of the distractors.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Each page is enlarged by this factor (bicubic) before it is read, and its boxes with it: large writing, as a
    /// camera close to the paper sees it (the clean preset's 18-120 px digits become 72-480 px at 4). 1: as drawn.
    /// </summary>
    public double Enlarge { get; init; } = 1;

    /// <summary>The model file; null: the shipped model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>How the detector runs (pyramid passes, thresholds, device).</summary>
    public DetectorOptions Detector { get; init; } = new();

    /// <summary>The data folder holding <c>mnist/</c>; null: <c>DIGITOCR_DATA</c>, then a search upward.</summary>
    public string? DataFolder { get; init; }

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.Defined(Preset, nameof(Preset)),
        OptionChecks.AtLeast(Pages, 1, nameof(Pages)),
        Preset == EvaluationPreset.Reference ? OptionChecks.InRange(Pages, 1, ReferenceCanvases, nameof(Pages)) : null,
        OptionChecks.AtLeast(Distractors, 0, nameof(Distractors)),
        OptionChecks.InRange(Enlarge, 1, MaxEnlarge, nameof(Enlarge)));

    /// <summary>The <see cref="EvaluationPreset.Reference"/> preset's pages: one per MNIST test digit.</summary>
    public const int ReferenceCanvases = 10_000;

    /// <summary>The largest <see cref="Enlarge"/>: a 1000x750 page becomes 8000x6000 (48 MP).</summary>
    public const double MaxEnlarge = 8;
}
