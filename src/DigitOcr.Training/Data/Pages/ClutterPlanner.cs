using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sampling;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Plans marks that are not digits (<see cref="ClutterKind"/>), each where no row is: about
/// <see cref="ClutterOptions.ItemsPerCropArea"/> per crop-sized area, each kind drawn by its weight. Sizes are
/// multiples of the page's digit height. Scribbles beside lines of digits
/// (<see cref="ClutterOptions.ScribbleNearDigitsProbability"/>) are the one exception to keeping out of rows.
/// </summary>
internal sealed class ClutterPlanner(ClutterOptions clutter, SurfaceOptions surface)
{
    /// <summary>Letters drawn as clutter: none of them can pass for a digit (no O, o, D, Q, I, l, i, j, Z, z, S, s, B, G, b, g, q, T, y, A, L).</summary>
    private const string SafeLetters = "CEFHKMNPRUVWXacehkmnprtuvwx#*+=%&@?";

    /// <summary>Hershey Simplex capitals are about this many pixels tall at scale 1.</summary>
    private const double HersheyCapHeight = 22;

    /// <summary>Hershey Simplex letters advance about this many pixels each at scale 1.</summary>
    private const double HersheyAdvance = 20;

    /// <summary>The room letters need below their cap height (descenders), as a multiple of it.</summary>
    private const double HersheyLineHeight = 1.4;

    private const int ScribblePointsPerLoop = 12;

    /// <summary>Places tried for an item before it is given up (the page may be full of rows).</summary>
    private const int RetriesForRoom = 6;

    /// <param name="cropArea">The crop's area in pixels: the item count scales with the page's area over it.</param>
    public void Plan(PagePlan plan, GlyphSet? fashion, double size, PenStyle style, double cropArea, Random rng)
    {
        var fashionWeight = fashion is null ? 0 : clutter.FashionWeight;
        double[] weights = [clutter.LineWeight, clutter.BoxWeight, clutter.ScribbleWeight, clutter.LettersWeight, fashionWeight];
        var total = weights.Sum();
        if (total <= 0)
        {
            return;
        }

        PlanScribblesNearDigits(plan, size, style, rng);
        var count = (int)Math.Round(rng.Uniform(clutter.ItemsPerCropArea) * plan.Width * plan.Height / cropArea);
        for (var i = 0; i < count; i++)
        {
            var kind = Pick(weights, total, rng);
            for (var attempt = 0; attempt < RetriesForRoom; attempt++)
            {
                var x = rng.Uniform(0, plan.Width);
                var y = rng.Uniform(0, plan.Height);
                var placed = kind switch
                {
                    ClutterKind.Line => TryLine(plan, x, y, size, style, rng),
                    ClutterKind.Box => TryBox(plan, x, y, size, style, rng),
                    ClutterKind.Scribble => TryScribble(plan, x, y, size, style, rng),
                    ClutterKind.Letters => TryLetters(plan, x, y, size, rng),
                    _ => TryFashion(plan, fashion!, x, y, size, rng),
                };
                if (placed)
                {
                    break;
                }
            }
        }
    }

    /// <summary>A kind drawn in proportion to <paramref name="weights"/> (one per <see cref="ClutterKind"/>, in its order).</summary>
    private static ClutterKind Pick(double[] weights, double total, Random rng)
    {
        var roll = rng.NextDouble() * total;
        var kind = 0;
        while (kind < weights.Length - 1 && roll >= weights[kind])
        {
            roll -= weights[kind];
            kind++;
        }

        return (ClutterKind)kind;
    }

    /// <summary>A straight stroke, long enough never to pass for a 1.</summary>
    private bool TryLine(PagePlan plan, double x, double y, double size, PenStyle style, Random rng)
    {
        var length = size * rng.Uniform(clutter.LineLength);
        var angle = rng.Uniform(0, Math.PI);
        double[] points = [x, y, x + (length * Math.Cos(angle)), y + (length * Math.Sin(angle))];
        return TryAddStroke(plan, points, closed: false, Coverage(rng), Thickness(size, style, rng));
    }

    /// <summary>A rectangle larger than a digit on both sides, so it never passes for a 0.</summary>
    private bool TryBox(PagePlan plan, double x, double y, double size, PenStyle style, Random rng)
    {
        var w = size * rng.Uniform(clutter.BoxWidth);
        var h = size * rng.Uniform(clutter.BoxHeight);
        var turn = AffineMatrix.Rotation(x, y, rng.Symmetric(clutter.MaxBoxRotationDegrees));
        var points = PlanGeometry.MapAll(turn, [x, y, x + w, y, x + w, y + h, x, y + h]);
        return TryAddStroke(plan, points, closed: true, Coverage(rng), Thickness(size, style, rng));
    }

    /// <summary>A looping cursive stroke (a prolate cycloid, like "eeee"), longer than a digit is wide.</summary>
    private bool TryScribble(PagePlan plan, double x, double y, double size, PenStyle style, Random rng)
    {
        var points = ScribblePoints(x, y, size, rng);
        return TryAddStroke(plan, points, closed: false, 255, style.LineThickness(size));
    }

    private void AddScribble(PagePlan plan, double x, double y, double size, PenStyle style, Random rng) =>
        plan.Background.Add(new StrokeMark(ScribblePoints(x, y, size, rng), Closed: false, 255, style.LineThickness(size)));

    private double[] ScribblePoints(double x, double y, double size, Random rng)
    {
        var loops = rng.Between(clutter.ScribbleLoops);
        var radius = size * rng.Uniform(clutter.ScribbleRadius);
        var advance = radius * rng.Uniform(clutter.ScribbleAdvance);
        var turn = AffineMatrix.Rotation(x, y, rng.Symmetric(clutter.MaxScribbleRotationDegrees));
        var points = new double[2 * ((loops * ScribblePointsPerLoop) + 1)];
        for (var i = 0; i <= loops * ScribblePointsPerLoop; i++)
        {
            var t = 2 * Math.PI * i / ScribblePointsPerLoop;
            (points[2 * i], points[(2 * i) + 1]) = turn.Transform(x + (advance * t) - (radius * Math.Sin(t)), y - (radius * Math.Cos(t)));
        }

        return points;
    }

    /// <summary>
    /// Scribbles beside lines of digits (each line's area is in <see cref="PagePlan.Occupied"/>): just after the last
    /// digit or before the first, overlapping its edge by up to a third of a digit, or along the line's top or
    /// bottom edge. Drawn under the digits, so the digits stay readable.
    /// </summary>
    private void PlanScribblesNearDigits(PagePlan plan, double size, PenStyle style, Random rng)
    {
        foreach (var line in plan.Occupied.ToArray())
        {
            if (!rng.Chance(clutter.ScribbleNearDigitsProbability))
            {
                continue;
            }

            var middle = line.Y + (line.Height / 2.0);
            var (x, y) = rng.Next(4) switch
            {
                0 => (line.X + line.Width + rng.Uniform(-size / 3, size / 2), middle),
                1 => (line.X - rng.Uniform(size, 2.5 * size), middle),
                2 => (line.X + rng.Uniform(0, line.Width), (double)line.Y),
                _ => (line.X + rng.Uniform(0, line.Width), (double)(line.Y + line.Height)),
            };
            AddScribble(plan, x, y, size, style, rng);
            plan.Conditions.Add(PageConditions.ScribbleNearDigits);
        }
    }

    /// <summary>A few letters unlike any digit, printed or handwritten in weight.</summary>
    private bool TryLetters(PagePlan plan, double x, double y, double size, Random rng)
    {
        var count = rng.Between(clutter.LetterCount);
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = SafeLetters[rng.Next(SafeLetters.Length)];
        }

        var scale = size * rng.Uniform(clutter.LetterHeight) / HersheyCapHeight;
        var rect = new PixelRect((int)x, (int)(y - (HersheyCapHeight * scale)), (int)(count * HersheyAdvance * scale) + 2, (int)(HersheyCapHeight * scale * HersheyLineHeight) + 2);
        if (!plan.IsFree(rect))
        {
            return false;
        }

        var thickness = Math.Max(1, (int)Math.Round(scale * rng.Uniform(clutter.LetterStrokeWidth)));
        plan.Texts.Add(new TextMark(new string(chars), (int)x, (int)y, scale, Coverage(rng), thickness));
        return true;
    }

    /// <summary>A Fashion-MNIST item (clothing, shoes, bags), larger than a digit.</summary>
    private bool TryFashion(PagePlan plan, GlyphSet fashion, double x, double y, double size, Random rng)
    {
        var index = rng.Next(fashion.Count);
        var scale = size * rng.Uniform(clutter.FashionSize) / fashion.Rows;
        var toPage = AffineMatrix.Translation(x, y)
                     * AffineMatrix.Rotation(0, 0, rng.Symmetric(clutter.MaxFashionRotationDegrees), scale)
                     * AffineMatrix.Translation(-(fashion.Columns - 1) / 2.0, -(fashion.Rows - 1) / 2.0);
        var mark = new GlyphMark(fashion, index, toPage, 0, 1, CrossedOut: false);
        var rect = PlanGeometry.ToRect(mark.CellExtent());
        if (!plan.IsFree(rect))
        {
            return false;
        }

        plan.Clutter.Add(mark);
        return true;
    }

    private static bool TryAddStroke(PagePlan plan, double[] points, bool closed, byte coverage, int thickness)
    {
        if (!plan.IsFree(PlanGeometry.BoundsOf(points, thickness)))
        {
            return false;
        }

        plan.Background.Add(new StrokeMark(points, closed, coverage, thickness));
        return true;
    }

    /// <summary>Pen ink (full coverage) or print.</summary>
    private byte Coverage(Random rng) => rng.Chance(clutter.PenInkProbability) ? (byte)255 : PrintedInk.Coverage(surface, rng);

    /// <summary>The page's pen width or a printed line's.</summary>
    private int Thickness(double size, PenStyle style, Random rng) =>
        rng.Chance(clutter.PenWidthProbability) ? style.LineThickness(size) : PrintedInk.Thickness(size, PrintedInk.ClutterHeightPerPixel, rng);
}
