using DigitOcr.Boxes;
using DigitOcr.Torch;

namespace DigitOcr.Postprocess;

/// <summary>
/// Greedy non-maximum suppression: boxes in descending score order; each kept box removes every later box whose IoU
/// with it exceeds the threshold. <see cref="Run(Tensor, Tensor, double)"/> works on tensors; <see cref="Reference"/>
/// is the slow plain-C# version it is tested against.
/// </summary>
public static class Nms
{
    /// <summary>Indices (into <paramref name="boxes"/> <c>[K, 4]</c>) of the kept boxes, best score first.</summary>
    public static long[] Run(Tensor boxes, Tensor scores, double iouThreshold)
    {
        var count = boxes.size(0);
        if (count == 0)
        {
            return [];
        }

        using var scope = torch.NewDisposeScope();
        var (_, orderTensor) = scores.sort(0, descending: true, stable: true);
        var order = orderTensor.cpu().data<long>();
        var sorted = boxes.index_select(0, orderTensor);
        var overlaps = BoxOps.IoU(sorted, sorted).gt(iouThreshold).cpu().data<bool>();
        return Greedy(order, (i, j) => overlaps[(i * count) + j]);
    }

    /// <summary>The plain-C# reference: indices of the kept boxes, best score first.</summary>
    public static long[] Reference(IReadOnlyList<Box> boxes, IReadOnlyList<float> scores, double iouThreshold)
    {
        var order = Enumerable.Range(0, boxes.Count).OrderByDescending(i => scores[i]).Select(i => (long)i).ToArray();
        return Greedy(order, (i, j) => boxes[(int)order[i]].IoU(boxes[(int)order[j]]) > iouThreshold);
    }

    /// <summary>Greedy pass over positions in score order; <paramref name="overlaps"/>(i, j) compares positions i and j.</summary>
    private static long[] Greedy(long[] order, Func<long, long, bool> overlaps)
    {
        var suppressed = new bool[order.Length];
        var kept = new List<long>();
        for (var i = 0; i < order.Length; i++)
        {
            if (suppressed[i])
            {
                continue;
            }

            kept.Add(order[i]);
            for (var j = i + 1; j < order.Length; j++)
            {
                if (!suppressed[j] && overlaps(i, j))
                {
                    suppressed[j] = true;
                }
            }
        }

        return kept.ToArray();
    }
}
