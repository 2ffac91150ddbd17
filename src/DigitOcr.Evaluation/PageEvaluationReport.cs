using DigitOcr.Training.Metrics;

namespace DigitOcr.Evaluation;

/// <summary>The figures of one <see cref="PageEvaluation"/> run.</summary>
/// <param name="Model">Where the detector's weights came from.</param>
/// <param name="Pages">Pages read.</param>
/// <param name="Pixels">Pixels of all pages together.</param>
/// <param name="Digits">Digit mAP at IoU 0.5, per class and mean; its ground-truth count is every readable digit of the pages.</param>
/// <param name="Numbers">Written numbers of 2+ digits, all fully visible, read exactly at their place.</param>
/// <param name="Directory">Written phone numbers found in the directory.</param>
/// <param name="DetectAndRead">Time spent detecting and reading (page making excluded).</param>
public sealed record PageEvaluationReport(
    string Model,
    int Pages,
    long Pixels,
    AveragePrecisionResult Digits,
    NumberMatchResult Numbers,
    DirectoryAccuracy Directory,
    TimeSpan DetectAndRead)
{
    public EvaluationPreset Preset { get; init; } = EvaluationPreset.Pages;

    /// <summary>Digits and numbers of all pages at the reader's operating point (recall, precision, exact numbers).</summary>
    public PageCounts Total { get; init; }

    /// <summary>Per condition: the pages that show it against those that do not.</summary>
    public IReadOnlyList<ConditionBreakdown> Conditions { get; init; } = [];

    /// <summary>How the numbers not read exactly went wrong.</summary>
    public NumberErrors? Errors { get; init; }

    /// <summary>How often numbers cut by the picture's edge, and numbers not read exactly, were flagged as at the edge.</summary>
    public EdgeFlagCounts EdgeFlags { get; init; } = EdgeFlagCounts.None;

    public double MillisecondsPerPage => DetectAndRead.TotalMilliseconds / Pages;
}
