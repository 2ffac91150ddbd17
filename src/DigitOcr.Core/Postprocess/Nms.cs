using DigitOcr.Boxes;
using DigitOcr.Torch;

namespace DigitOcr.Postprocess;

/// <summary>
/// Greedy non-maximum suppression: boxes in descending score order; each kept box removes every later box whose IoU
/// with it exceeds the threshold. <see cref="Run(Tensor, Tensor, double)"/> copies the boxes out once and compares
/// pairs as it goes, so memory stays linear in the boxes (a dense IoU matrix of the 15,000 candidates a busy 1000x750
/// pass can offer took 2 GB and seconds); <see cref="Reference"/> is the slow plain-C# version it is tested against.
/// </summary>
public static class Nms
{
    /// <summary>Indices (into <paramref name="boxes"/> <c>[K, 4]</c>, corner form) of the kept boxes, best score first.</summary>
    public static long[] Run(Tensor boxes, Tensor scores, double iouThreshold)
    {
        var count = (int)boxes.size(0);
        if (count == 0)
        {
            return [];
        }

        using var scope = torch.NewDisposeScope();
        var (_, orderTensor) = scores.sort(0, descending: true, stable: true);
        var order = orderTensor.cpu().data<long>();
        var corners = boxes.index_select(0, orderTensor).to(ScalarType.Float32).cpu().contiguous().data<float>();
        var areas = new float[count];
        for (var i = 0; i < count; i++)
        {
            areas[i] = Math.Max(corners[(4 * i) + 2] - corners[4 * i], 0f) * Math.Max(corners[(4 * i) + 3] - corners[(4 * i) + 1], 0f);
        }

        return Greedy(order, (i, j) => IoU(corners, areas, (int)i, (int)j) > iouThreshold);
    }

    /// <summary>The plain-C# reference: indices of the kept boxes, best score first.</summary>
    public static long[] Reference(IReadOnlyList<Box> boxes, IReadOnlyList<float> scores, double iouThreshold)
    {
        var order = Enumerable.Range(0, boxes.Count).OrderByDescending(i => scores[i]).Select(i => (long)i).ToArray();
        return Greedy(order, (i, j) => boxes[(int)order[i]].IoU(boxes[(int)order[j]]) > iouThreshold);
    }

    /// <summary>IoU of boxes i and j of <paramref name="corners"/>, in float32 and in the order of <see cref="BoxOps.IoU"/>'s operations.</summary>
    private static float IoU(float[] corners, float[] areas, int i, int j)
    {
        var w = Math.Max(Math.Min(corners[(4 * i) + 2], corners[(4 * j) + 2]) - Math.Max(corners[4 * i], corners[4 * j]), 0f);
        var h = Math.Max(Math.Min(corners[(4 * i) + 3], corners[(4 * j) + 3]) - Math.Max(corners[(4 * i) + 1], corners[(4 * j) + 1]), 0f);
        var inter = w * h;
        return inter / Math.Max(areas[i] + areas[j] - inter, 1e-12f);
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
