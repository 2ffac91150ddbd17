using DigitOcr.Imaging;

namespace DigitOcr.Data.Pages;

/// <summary>Point lists and page rectangles for planning: interleaved x, y page coordinates, pixel-centre convention.</summary>
internal static class PlanGeometry
{
    /// <summary>Every point of <paramref name="xy"/> mapped by <paramref name="m"/>.</summary>
    public static double[] MapAll(AffineMatrix m, double[] xy)
    {
        var result = new double[xy.Length];
        for (var i = 0; i < xy.Length; i += 2)
        {
            (result[i], result[i + 1]) = m.Transform(xy[i], xy[i + 1]);
        }

        return result;
    }

    /// <summary>The pixels covered by the points' bounding box grown by <paramref name="margin"/>.</summary>
    public static PixelRect BoundsOf(double[] xy, double margin)
    {
        double x1 = double.MaxValue, y1 = double.MaxValue, x2 = double.MinValue, y2 = double.MinValue;
        for (var i = 0; i < xy.Length; i += 2)
        {
            x1 = Math.Min(x1, xy[i]);
            x2 = Math.Max(x2, xy[i]);
            y1 = Math.Min(y1, xy[i + 1]);
            y2 = Math.Max(y2, xy[i + 1]);
        }

        return ToRect((x1 - margin, y1 - margin, x2 + margin, y2 + margin));
    }

    /// <summary>The pixels an extent (x1, y1, x2, y2) touches.</summary>
    public static PixelRect ToRect((double X1, double Y1, double X2, double Y2) e)
    {
        var left = (int)Math.Floor(e.X1);
        var top = (int)Math.Floor(e.Y1);
        return new PixelRect(left, top, (int)Math.Ceiling(e.X2) - left + 1, (int)Math.Ceiling(e.Y2) - top + 1);
    }
}
