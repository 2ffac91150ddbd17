using DigitOcr.Boxes;
using DigitOcr.Postprocess;

namespace DigitOcr.Training.Metrics;

/// <summary>Average precision per digit class and their mean (over the classes that have ground truth).</summary>
public sealed record AveragePrecisionResult(IReadOnlyDictionary<int, double> PerClass, double Mean, int Images, int GroundTruths)
{
    /// <summary>Ground truths claimed by a detection of their digit at the IoU threshold, at any score.</summary>
    public int Found { get; init; }

    /// <summary>The share of ground truths found (<see cref="Found"/> / <see cref="GroundTruths"/>): recall at the detector's own score threshold.</summary>
    public double Recall => GroundTruths == 0 ? double.NaN : (double)Found / GroundTruths;
}

/// <summary>
/// PASCAL VOC average precision at an IoU threshold (0.5) with every-point interpolation (VOC 2010+): per class,
/// detections of all images in descending score order, each a true positive when it overlaps an unclaimed ground
/// truth of its class at or above the threshold; AP is the area under the precision envelope. Ignored ground truths
/// are VOC's "difficult": detections on them are neither true nor false positives, and they do not count as misses.
/// </summary>
public sealed class AveragePrecision(double iouThreshold = 0.5)
{
    private readonly List<(IReadOnlyList<Detection> Detections, IReadOnlyList<LabeledBox> Truths)> images = [];

    public double IoUThreshold { get; } = iouThreshold;

    /// <summary>Adds one image's detections and ground truth (both in the same pixel coordinates).</summary>
    public void Add(IReadOnlyList<Detection> detections, IReadOnlyList<LabeledBox> truths) => images.Add((detections, truths));

    public AveragePrecisionResult Compute()
    {
        var perClass = new SortedDictionary<int, double>();
        var found = 0;
        var digits = images.SelectMany(i => i.Truths).Where(t => !t.Ignored).Select(t => t.Digit).Distinct().Order();
        foreach (var digit in digits)
        {
            (perClass[digit], var hits) = ClassAp(digit);
            found += hits;
        }

        return new AveragePrecisionResult(
            perClass,
            perClass.Count == 0 ? 0 : perClass.Values.Average(),
            images.Count,
            images.Sum(i => i.Truths.Count(t => !t.Ignored))) { Found = found };
    }

    /// <summary>The class's AP and how many of its ground truths were found.</summary>
    private (double Ap, int Hits) ClassAp(int digit)
    {
        var positives = 0;
        var candidates = new List<(float Score, int Image, Box Box)>();
        for (var i = 0; i < images.Count; i++)
        {
            positives += images[i].Truths.Count(t => t.Digit == digit && !t.Ignored);
            candidates.AddRange(images[i].Detections.Where(d => d.Digit == digit).Select(d => (d.Score, i, d.Box)));
        }

        var claimed = images.Select(i => new bool[i.Truths.Count]).ToArray();
        var truePositive = new List<bool>();
        foreach (var (_, image, box) in candidates.OrderByDescending(c => c.Score))
        {
            var truths = images[image].Truths;
            var best = -1;
            var bestIoU = 0.0;
            for (var t = 0; t < truths.Count; t++)
            {
                if (truths[t].Digit != digit)
                {
                    continue;
                }

                var iou = box.IoU(truths[t].Box);
                if (iou > bestIoU)
                {
                    (best, bestIoU) = (t, iou);
                }
            }

            if (best >= 0 && bestIoU >= IoUThreshold)
            {
                if (truths[best].Ignored)
                {
                    continue;
                }

                truePositive.Add(!claimed[image][best]);
                claimed[image][best] = true;
            }
            else
            {
                truePositive.Add(false);
            }
        }

        return (EveryPointAp(truePositive, positives), truePositive.Count(hit => hit));
    }

    /// <summary>Area under the monotone precision envelope of the ranked hits (VOC's every-point interpolation).</summary>
    internal static double EveryPointAp(IReadOnlyList<bool> rankedHits, int positives)
    {
        if (positives == 0)
        {
            return 0;
        }

        var n = rankedHits.Count;
        var recall = new double[n + 2];
        var precision = new double[n + 2];
        var tp = 0;
        for (var i = 0; i < n; i++)
        {
            tp += rankedHits[i] ? 1 : 0;
            recall[i + 1] = (double)tp / positives;
            precision[i + 1] = (double)tp / (i + 1);
        }

        recall[n + 1] = 1;
        for (var i = n; i >= 0; i--)
        {
            precision[i] = Math.Max(precision[i], precision[i + 1]);
        }

        var ap = 0.0;
        for (var i = 1; i <= n + 1; i++)
        {
            ap += (recall[i] - recall[i - 1]) * precision[i];
        }

        return ap;
    }
}
