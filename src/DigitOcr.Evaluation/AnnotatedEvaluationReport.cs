using DigitOcr.Data.Annotated;
using DigitOcr.Training.Metrics;

namespace DigitOcr.Evaluation;

/// <summary>The figures of one <see cref="AnnotatedEvaluation"/> run.</summary>
/// <param name="Model">Where the detector's weights came from.</param>
/// <param name="Folder">The annotated folder.</param>
/// <param name="Format">Its annotation format.</param>
/// <param name="Scope">Which of its images were read: all, or the held-out ones of a split (fraction and seed).</param>
/// <param name="Images">Images read.</param>
/// <param name="Pixels">Pixels of all images together.</param>
/// <param name="Digits">Digit mAP at IoU 0.5, per class and mean, with recall at any score.</param>
/// <param name="Total">Digits and numbers at the reader's operating point (recall, precision, exact numbers).</param>
/// <param name="Numbers">Written numbers (as the reader groups the annotated digits) read exactly at their place.</param>
/// <param name="Errors">How the numbers not read exactly went wrong.</param>
/// <param name="DetectAndRead">Time spent detecting and reading (decoding excluded).</param>
public sealed record AnnotatedEvaluationReport(
    string Model,
    string Folder,
    AnnotationFormat Format,
    string Scope,
    int Images,
    long Pixels,
    AveragePrecisionResult Digits,
    PageCounts Total,
    NumberMatchResult Numbers,
    NumberErrors Errors,
    TimeSpan DetectAndRead)
{
    public double MillisecondsPerImage => DetectAndRead.TotalMilliseconds / Math.Max(1, Images);
}
