namespace DigitOcr.Boxes;

/// <summary>
/// Plain C# box math on arrays of 4-float rows — the slow, obviously-correct reference that the tensor versions
/// (<see cref="BoxOps"/>, <see cref="BoxCoder"/>) are tested against. Ported from ssd.pytorch's
/// <c>layers/box_utils.py</c> (point_form, jaccard, encode, decode).
/// </summary>
public static class BoxMath
{
    /// <summary>(cx, cy, w, h) rows to (x1, y1, x2, y2) rows.</summary>
    public static float[] PointForm(ReadOnlySpan<float> centerForm)
    {
        var result = new float[centerForm.Length];
        for (var i = 0; i < centerForm.Length; i += 4)
        {
            result[i] = centerForm[i] - (centerForm[i + 2] / 2);
            result[i + 1] = centerForm[i + 1] - (centerForm[i + 3] / 2);
            result[i + 2] = centerForm[i] + (centerForm[i + 2] / 2);
            result[i + 3] = centerForm[i + 1] + (centerForm[i + 3] / 2);
        }

        return result;
    }

    /// <summary>IoU of every box of <paramref name="a"/> with every box of <paramref name="b"/>, row-major [A, B].</summary>
    public static float[] IoU(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var na = a.Length / 4;
        var nb = b.Length / 4;
        var result = new float[na * nb];
        for (var i = 0; i < na; i++)
        {
            var boxA = new Box(a[4 * i], a[(4 * i) + 1], a[(4 * i) + 2], a[(4 * i) + 3]);
            for (var j = 0; j < nb; j++)
            {
                result[(i * nb) + j] = boxA.IoU(new Box(b[4 * j], b[(4 * j) + 1], b[(4 * j) + 2], b[(4 * j) + 3]));
            }
        }

        return result;
    }

    /// <summary>Encodes a matched box (corner form) against a prior (centre form) with the SSD variances.</summary>
    public static (float Dx, float Dy, float Dw, float Dh) Encode(Box matched, ReadOnlySpan<float> prior, double centerVariance, double sizeVariance)
    {
        var dx = (matched.CenterX - prior[0]) / (centerVariance * prior[2]);
        var dy = (matched.CenterY - prior[1]) / (centerVariance * prior[3]);
        var dw = Math.Log(matched.Width / prior[2]) / sizeVariance;
        var dh = Math.Log(matched.Height / prior[3]) / sizeVariance;
        return ((float)dx, (float)dy, (float)dw, (float)dh);
    }

    /// <summary>Inverse of <see cref="Encode"/>: predicted offsets and a prior (centre form) to a corner-form box.</summary>
    public static Box Decode(ReadOnlySpan<float> offsets, ReadOnlySpan<float> prior, double centerVariance, double sizeVariance)
    {
        var cx = prior[0] + (offsets[0] * centerVariance * prior[2]);
        var cy = prior[1] + (offsets[1] * centerVariance * prior[3]);
        var w = prior[2] * Math.Exp(offsets[2] * sizeVariance);
        var h = prior[3] * Math.Exp(offsets[3] * sizeVariance);
        return Box.FromCenter((float)cx, (float)cy, (float)w, (float)h);
    }
}
