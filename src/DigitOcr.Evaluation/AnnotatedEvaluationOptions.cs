using DigitOcr.Inference;
using DigitOcr.Training;

namespace DigitOcr.Evaluation;

/// <summary>What <see cref="AnnotatedEvaluation"/> reads: which folder (all of it, or the images a fine-tune held out) and which detector.</summary>
public sealed record AnnotatedEvaluationOptions
{
    /// <summary>The annotated folder (annotations.csv, a COCO .json or Pascal VOC .xml files with their images).</summary>
    public string Folder { get; init; } = "";

    /// <summary>
    /// Null: every image. A fraction: only the images a <c>train --data-dir</c> run with this
    /// <c>data.validationFraction</c> and <see cref="Seed"/> held out (<see cref="Data.Annotated.AnnotatedSplit"/>).
    /// </summary>
    public double? HeldOut { get; init; }

    /// <summary>The data seed of the split (<c>data.seed</c> of the run).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The model file; null: the shipped model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>How the detector runs (pyramid passes, thresholds, recognizer).</summary>
    public DetectorOptions Detector { get; init; } = new();

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        string.IsNullOrEmpty(Folder) ? "folder must name an annotated folder" : null,
        HeldOut is null or (> 0 and < 1) ? null : OptionChecks.Invariant($"heldOut must be in (0, 1) or null (every image), got {HeldOut}"));
}
