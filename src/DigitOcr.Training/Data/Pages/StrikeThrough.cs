using DigitOcr.Data.Sampling;

namespace DigitOcr.Data.Pages;

/// <summary>The pen strokes that cancel a digit: it is still ink on the page, but no longer a digit to read.</summary>
internal static class StrikeThrough
{
    /// <summary>A line across reaches this far past the ink on each side, as a fraction of the ink width.</summary>
    private const double LineOverhang = 0.15;

    /// <summary>A line across starts and ends within this band of the ink's height (never just grazing it).</summary>
    private static readonly ValueRange LineHeight = new(0.3, 0.7);

    /// <summary>A zigzag's strokes down and up (each turn is one down and one up).</summary>
    private static readonly IntRange ZigzagTurns = new(3, 5);

    /// <summary>A zigzag reaches this far past the ink sideways and stops this far inside it vertically, as fractions of the ink box.</summary>
    private const double ZigzagMargin = 0.1;

    /// <summary>Strike-throughs are at least this thick, so even a thin pen visibly cancels the digit.</summary>
    private const int MinThickness = 2;

    /// <summary>The strokes over <paramref name="glyph"/> in a pen of <paramref name="thickness"/> pixels; drawn lazily, as the caller enumerates.</summary>
    public static IEnumerable<StrokeMark> Strokes(GlyphMark glyph, int thickness, Random rng)
    {
        var (x1, y1, x2, y2) = glyph.InkExtent();
        var (w, h) = (x2 - x1, y2 - y1);
        var weight = Math.Max(thickness, MinThickness);
        double[] xy;
        switch ((StrikeThroughKind)rng.Next(Enum.GetValues<StrikeThroughKind>().Length))
        {
            case StrikeThroughKind.Line:
                xy = [x1 - (LineOverhang * w), y1 + (rng.Uniform(LineHeight) * h), x2 + (LineOverhang * w), y1 + (rng.Uniform(LineHeight) * h)];
                break;
            case StrikeThroughKind.Cross:
                yield return new StrokeMark([x1, y2, x2, y1], false, 255, weight);
                xy = [x1, y1, x2, y2];
                break;
            case StrikeThroughKind.Zigzag:
            default:
            {
                var turns = rng.Between(ZigzagTurns);
                xy = new double[2 * ((2 * turns) + 1)];
                for (var i = 0; i <= 2 * turns; i++)
                {
                    xy[2 * i] = x1 - (ZigzagMargin * w) + ((1 + (2 * ZigzagMargin)) * w * i / (2 * turns));
                    xy[(2 * i) + 1] = i % 2 == 0 ? y1 + (ZigzagMargin * h) : y2 - (ZigzagMargin * h);
                }

                break;
            }
        }

        yield return new StrokeMark(xy, false, 255, weight);
    }
}
