using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Torch;

namespace DigitOcr.Matching;

/// <summary>
/// Assigns priors to ground truth as ssd.pytorch's <c>match</c>, plus the reference's neutral band: each prior takes
/// the ground truth it overlaps most; each (non-ignored) ground truth's best prior is forced to it (later ground
/// truths win a shared prior); IoU &gt;= positive threshold is a positive (label = class), IoU in
/// (neutral, positive) is neutral, the rest background. Priors matched to an ignored ground truth above the neutral
/// threshold are neutral, never positives.
/// </summary>
public sealed class SsdMatcher(MatcherOptions options, BoxCoder coder)
{
    /// <summary>The label of neutral priors: excluded from both positives and negatives.</summary>
    public const long NeutralLabel = -1;

    public MatcherOptions Options { get; } = options;

    /// <summary>
    /// Matches every image of a batch. Ground-truth boxes are pixels of the <paramref name="imageWidth"/> x
    /// <paramref name="imageHeight"/> input; priors are <c>[P, 4]</c> centre form, fractions of the image.
    /// </summary>
    public MatchedTargets Match(IReadOnlyList<IReadOnlyList<LabeledBox>> batch, Tensor priors, int imageHeight, int imageWidth)
    {
        using var scope = torch.NewDisposeScope();
        var pointPriors = BoxOps.PointForm(priors);
        var locations = new List<Tensor>(batch.Count);
        var labels = new List<Tensor>(batch.Count);
        foreach (var truths in batch)
        {
            var (loc, label) = MatchImage(truths, priors, pointPriors, imageHeight, imageWidth);
            locations.Add(loc);
            labels.Add(label);
        }

        return new MatchedTargets(
            torch.stack(locations).MoveToOuterDisposeScope(),
            torch.stack(labels).MoveToOuterDisposeScope());
    }

    private (Tensor Locations, Tensor Labels) MatchImage(
        IReadOnlyList<LabeledBox> truths, Tensor priors, Tensor pointPriors, int imageHeight, int imageWidth)
    {
        var count = priors.size(0);
        if (truths.Count == 0)
        {
            return (torch.zeros([count, 4], device: priors.device), torch.zeros([count], ScalarType.Int64, priors.device));
        }

        var coordinates = new float[truths.Count * 4];
        var classes = new long[truths.Count];
        var ignored = new bool[truths.Count];
        for (var j = 0; j < truths.Count; j++)
        {
            var box = truths[j].Box;
            if (box.IsEmpty)
            {
                throw new ArgumentException($"ground-truth box {j} {box} has no area; boxes must have x2 > x1 and y2 > y1");
            }

            coordinates[4 * j] = box.X1 / imageWidth;
            coordinates[(4 * j) + 1] = box.Y1 / imageHeight;
            coordinates[(4 * j) + 2] = box.X2 / imageWidth;
            coordinates[(4 * j) + 3] = box.Y2 / imageHeight;
            classes[j] = truths[j].ClassIndex;
            ignored[j] = truths[j].Ignored;
        }

        var device = priors.device;
        var truthBoxes = torch.tensor(coordinates, [truths.Count, 4], device);
        var overlaps = BoxOps.IoU(truthBoxes, pointPriors);
        var (bestTruthOverlap, bestTruthIndex) = overlaps.max(0);
        var bestPriorIndex = overlaps.argmax(1).cpu().data<long>();

        // Force each ground truth's best prior to it; when two share one, the later wins (ssd.pytorch's loop order).
        var forced = new Dictionary<long, long>();
        for (var j = 0; j < truths.Count; j++)
        {
            if (!ignored[j])
            {
                forced[bestPriorIndex[j]] = j;
            }
        }

        if (forced.Count > 0)
        {
            var forcedPriors = torch.tensor(forced.Keys.ToArray(), device: device);
            bestTruthOverlap.index_put_(forcedPriors, torch.full([forced.Count], 2.0, device: device));
            bestTruthIndex.index_put_(forcedPriors, torch.tensor(forced.Values.ToArray(), device: device));
        }

        var label = torch.tensor(classes, device: device).index_select(0, bestTruthIndex);
        var isIgnored = torch.tensor(ignored, device: device).index_select(0, bestTruthIndex);
        var positive = bestTruthOverlap.ge(Options.PositiveIoU).logical_and(isIgnored.logical_not());
        var neutral = bestTruthOverlap.gt(Options.NeutralIoU).logical_and(positive.logical_not());
        var labels = torch.where(positive, label, torch.zeros_like(label)).masked_fill(neutral, NeutralLabel);
        var locations = coder.Encode(truthBoxes.index_select(0, bestTruthIndex), priors);
        return (locations, labels);
    }
}
