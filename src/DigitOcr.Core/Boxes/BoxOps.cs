using DigitOcr.Torch;

namespace DigitOcr.Boxes;

/// <summary>Box operations on tensors of rows <c>[..., 4]</c> (torchvision's <c>ops/boxes.py</c> and ssd.pytorch's box_utils).</summary>
public static class BoxOps
{
    /// <summary>(cx, cy, w, h) -> (x1, y1, x2, y2), for <c>[N, 4]</c>.</summary>
    public static Tensor PointForm(Tensor centerForm)
    {
        using var scope = torch.NewDisposeScope();
        var center = centerForm.narrow(-1, 0, 2);
        var half = centerForm.narrow(-1, 2, 2) / 2.0;
        return torch.cat([center - half, center + half], -1).MoveToOuterDisposeScope();
    }

    /// <summary>(x1, y1, x2, y2) -> (cx, cy, w, h), for <c>[N, 4]</c>.</summary>
    public static Tensor CenterForm(Tensor pointForm)
    {
        using var scope = torch.NewDisposeScope();
        var lo = pointForm.narrow(-1, 0, 2);
        var hi = pointForm.narrow(-1, 2, 2);
        return torch.cat([(lo + hi) / 2.0, hi - lo], -1).MoveToOuterDisposeScope();
    }

    /// <summary>Pairwise IoU of corner-form boxes <c>a [N, 4]</c> and <c>b [M, 4]</c>: <c>[N, M]</c>.</summary>
    public static Tensor IoU(Tensor a, Tensor b)
    {
        using var scope = torch.NewDisposeScope();
        var a3 = a.unsqueeze(1);
        var b3 = b.unsqueeze(0);
        var lo = a3.narrow(2, 0, 2).maximum(b3.narrow(2, 0, 2));
        var hi = a3.narrow(2, 2, 2).minimum(b3.narrow(2, 2, 2));
        var wh = (hi - lo).clamp(min: 0);
        var inter = wh.select(2, 0) * wh.select(2, 1);
        var areaA = Area(a).unsqueeze(1);
        var areaB = Area(b).unsqueeze(0);
        var union = areaA + areaB - inter;
        return (inter / union.clamp(min: 1e-12)).MoveToOuterDisposeScope();
    }

    /// <summary>Areas of corner-form boxes <c>[N, 4]</c> (zero for inverted ones).</summary>
    public static Tensor Area(Tensor boxes)
    {
        using var scope = torch.NewDisposeScope();
        var wh = (boxes.narrow(-1, 2, 2) - boxes.narrow(-1, 0, 2)).clamp(min: 0);
        return (wh.select(-1, 0) * wh.select(-1, 1)).MoveToOuterDisposeScope();
    }
}
