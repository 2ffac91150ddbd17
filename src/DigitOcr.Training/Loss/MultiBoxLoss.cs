using DigitOcr.Config;
using DigitOcr.Matching;
using DigitOcr.Torch;
using F = DigitOcr.Torch.torch.nn.functional;

namespace DigitOcr.Loss;

/// <summary>
/// SSD's multibox loss (ssd.pytorch <c>layers/modules/multibox_loss.py</c>):
/// <c>L = (SmoothL1_sum(loc over positives) + CE_sum(conf over positives + hard negatives)) / N_pos</c>.
/// Hard negatives are background priors ranked by <c>logsumexp(conf) - conf[0]</c>; the top
/// <c>ratio * positives</c> are kept, per image (default) or over the whole batch (the reference's quirk). Neutral
/// priors are never negatives, and never more negatives are taken than there are background priors. An image
/// without ground truth contributes no positives and no negatives; a batch without positives divides by 1.
/// </summary>
public sealed class MultiBoxLoss(LossOptions options)
{
    public LossOptions Options { get; } = options;

    /// <param name="loc">Predicted offsets <c>[B, P, 4]</c>.</param>
    /// <param name="conf">Class logits <c>[B, P, C]</c>.</param>
    /// <param name="targets">Matched targets of the same batch.</param>
    /// <param name="divisor">
    /// What both sums are divided by; null: this batch's positives (at least 1). Data-parallel training passes 1 and
    /// divides by the positives of all ranks' batches together, so that averaging the ranks' gradients gives the
    /// gradient of the whole global batch (as detectron2 normalises by the positives over all GPUs).
    /// </param>
    public LossBreakdown Compute(Tensor loc, Tensor conf, MatchedTargets targets, double? divisor = null)
    {
        using var scope = torch.NewDisposeScope();
        var classes = conf.size(2);
        var labels = targets.Labels;
        var positive = labels.gt(0.0);
        var excluded = labels.ne(0L);
        var negative = MineNegatives(conf, labels, positive, excluded);
        var positives = positive.sum().item<long>();
        var negatives = negative.sum().item<long>();

        var positiveIndex = positive.flatten().nonzero().squeeze(1);
        var localization = F.smooth_l1_loss(
            loc.reshape(-1, 4).index_select(0, positiveIndex),
            targets.Locations.reshape(-1, 4).index_select(0, positiveIndex),
            Reduction.Sum);

        var selectedIndex = positive.logical_or(negative).flatten().nonzero().squeeze(1);
        var classification = F.cross_entropy(
            conf.reshape(-1, classes).index_select(0, selectedIndex),
            labels.flatten().index_select(0, selectedIndex),
            reduction: Reduction.Sum);

        var by = divisor ?? Math.Max(positives, 1);
        return new LossBreakdown(
            (localization / by).MoveToOuterDisposeScope(),
            (classification / by).MoveToOuterDisposeScope(),
            positives,
            negatives);
    }

    /// <summary>The mined negatives as a bool mask <c>[B, P]</c>.</summary>
    private Tensor MineNegatives(Tensor conf, Tensor labels, Tensor positive, Tensor excluded)
    {
        using var noGrad = torch.no_grad();
        var background = conf.detach().logsumexp(2) - conf.detach().select(2, 0);
        var ranked = background.masked_fill(excluded, double.NegativeInfinity);
        var available = excluded.logical_not().sum(1);
        var wanted = positive.sum(1).mul((long)Options.NegativeRatio);

        if (Options.Mining == NegativeMining.BatchGlobal)
        {
            // The reference: one ranking over the batch, num_neg = min(ratio * N_pos_total, P - 1).
            var priors = labels.size(1);
            var total = Math.Min(Math.Min(wanted.sum().item<long>(), priors - 1), available.sum().item<long>());
            var flatRank = Rank(ranked.flatten(), 0);
            return flatRank.lt(total).view(labels.shape);
        }

        var numNegatives = wanted.minimum(available).unsqueeze(1);
        return Rank(ranked, 1).lt(numNegatives);
    }

    /// <summary>Each element's position in a descending sort along <paramref name="dim"/>.</summary>
    private static Tensor Rank(Tensor values, long dim)
    {
        var (_, order) = values.sort(dim, descending: true);
        var (_, rank) = order.sort(dim);
        return rank;
    }
}
