using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;
using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Lays out and draws one synthetic page as ink coverage: rows of numbers (plain runs of 1 to 14 digits, or phone
/// numbers in groups with spaces, dashes, dots and parentheses), each row rotated a little, digits jittered in
/// size, slant and baseline and spaced tightly enough to touch or overlap; scattered single digits; ruled lines,
/// underlines, form boxes and rectangles crossing the strokes; crossed-out digits; clutter that is not a digit.
/// The result is a <see cref="Scene"/> in the <see cref="SceneStage.Ink"/> stage with every readable digit's ink.
/// </summary>
public sealed class PageComposer
{
    /// <summary>Letters drawn as clutter: none of them can pass for a digit (no O, o, D, Q, I, l, i, j, Z, z, S, s, B, G, b, g, q, T, y, A, L).</summary>
    private const string SafeLetters = "CEFHKMNPRUVWXacehkmnprtuvwx#*+=%&@?";

    /// <summary>Hershey Simplex capitals are about this many pixels tall at scale 1.</summary>
    private const double HersheyCapHeight = 22;

    private const int CircleSegments = 10;
    private const int RetriesForRoom = 6;

    private readonly LayoutOptions layout;
    private readonly PenOptions pen;
    private readonly SurfaceOptions surface;
    private readonly ClutterOptions clutter;

    public PageComposer(LayoutOptions layout, PenOptions pen, SurfaceOptions surface, ClutterOptions clutter)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(pen);
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(clutter);
        OptionChecks.ThrowIfAny(layout.Validate(), nameof(layout));
        OptionChecks.ThrowIfAny(pen.Validate(), nameof(pen));
        OptionChecks.ThrowIfAny(surface.Validate(), nameof(surface));
        OptionChecks.ThrowIfAny(clutter.Validate(), nameof(clutter));
        this.layout = layout;
        this.pen = pen;
        this.surface = surface;
        this.clutter = clutter;
    }

    /// <summary>
    /// Draws a page at least <paramref name="minWidth"/> x <paramref name="minHeight"/> (the crop size; the page is
    /// <see cref="LayoutOptions.PageScale"/> times that) from <paramref name="digits"/>, with clutter items from
    /// <paramref name="fashion"/> when given. The caller owns the scene.
    /// </summary>
    public Scene Compose(GlyphSet digits, GlyphSet? fashion, int minWidth, int minHeight, Random rng)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minHeight);
        var plan = Plan(digits, fashion, minWidth, minHeight, rng);
        return PageRenderer.Render(plan, pen.MaxInkLoss);
    }

    private PagePlan Plan(GlyphSet digits, GlyphSet? fashion, int minWidth, int minHeight, Random rng)
    {
        var width = Math.Max(minWidth, (int)Math.Round(minWidth * rng.Uniform(layout.PageScale)));
        var height = Math.Max(minHeight, (int)Math.Round(minHeight * rng.Uniform(layout.PageScale)));
        var plan = new PagePlan(width, height);
        var size = Math.Min(rng.LogUniform(layout.DigitHeight), 0.9 * Math.Min(minWidth, minHeight));
        var style = PenStyle.Draw(pen, rng);
        var budget = new Budget(layout.MaxDigitsPerPage);

        if (rng.Chance(surface.RuledProbability))
        {
            PlanRuledRows(plan, digits, size, style, budget, rng);
        }
        else
        {
            PlanFreeRows(plan, digits, size, style, budget, rng);
        }

        PlanScattered(plan, digits, size, style, budget, rng);
        PlanClutter(plan, fashion, size, style, minWidth * (double)minHeight, rng);
        return plan;
    }

    /// <summary>Rows at a steady pitch on printed rules, all at the page's angle; digits sit on or across the rule.</summary>
    private void PlanRuledRows(PagePlan plan, GlyphSet digits, double size, PenStyle style, Budget budget, Random rng)
    {
        var pitch = size * rng.Uniform(layout.LinePitch);
        var page = AffineMatrix.Rotation(plan.Width / 2.0, plan.Height / 2.0, rng.Symmetric(layout.MaxLineRotationDegrees));
        var coverage = PrintedCoverage(rng);
        var thickness = rng.Next(1, Math.Max(1, (int)(size / 25)) + 2);

        // The rotated page frame must still cover the picture, so rules and rows run past its edges.
        var reach = Math.Max(plan.Width, plan.Height) * 0.25;
        for (var y = -reach + (pitch * rng.NextDouble()); y < plan.Height + reach; y += pitch)
        {
            var (ax, ay) = page.Transform(-reach, y);
            var (bx, by) = page.Transform(plan.Width + reach, y);
            plan.Background.Add(new StrokeMark([ax, ay, bx, by], false, coverage, thickness));
            if (budget.Left > 0 && !rng.Chance(layout.EmptyLineProbability))
            {
                var height = size * rng.Uniform(0.8, 1.05);
                var origin = AffineMatrix.Translation(rng.Uniform(-0.15, 0.6) * plan.Width, y + (rng.Uniform(-0.15, 0.25) * height));
                PlanLine(plan, digits, page * origin, height, style, budget, rng);
            }
        }
    }

    /// <summary>Rows at a loose pitch, each with its own start and angle.</summary>
    private void PlanFreeRows(PagePlan plan, GlyphSet digits, double size, PenStyle style, Budget budget, Random rng)
    {
        var pitch = size * rng.Uniform(layout.LinePitch);
        // The first baseline leaves room for a digit above it: pages of large digits hold only a row or two.
        for (var y = size * rng.Uniform(1.05, 1.6); y < plan.Height + size && budget.Left > 0; y += pitch * rng.Uniform(0.85, 1.3))
        {
            if (rng.Chance(layout.EmptyLineProbability))
            {
                continue;
            }

            var height = size * rng.Uniform(0.85, 1.15);
            var frame = AffineMatrix.Translation(rng.Uniform(-0.15, 0.6) * plan.Width, y)
                        * AffineMatrix.Rotation(0, 0, rng.Symmetric(layout.MaxLineRotationDegrees));
            PlanLine(plan, digits, frame, height, style, budget, rng);
        }
    }

    /// <summary>
    /// Plans one line in its own frame (x along the baseline, y down, baseline at y = 0) mapped to the page by
    /// <paramref name="frame"/>; drops it when it would overlap another line.
    /// </summary>
    private void PlanLine(PagePlan plan, GlyphSet digits, AffineMatrix frame, double height, PenStyle style, Budget budget, Random rng)
    {
        var line = new LineWriter(this, digits, frame, height, style, rng);
        if (rng.Chance(surface.FormBoxesProbability))
        {
            line.WriteFormBoxes(rng.Between(layout.DigitsPerLine));
        }
        else
        {
            var groups = rng.Chance(layout.PhoneNumberProbability)
                ? rng.Pick(PhoneNumberFormats.Groups)
                : [rng.Between(layout.DigitsPerLine)];
            line.WriteGroups(groups);
            if (rng.Chance(surface.UnderlineProbability))
            {
                line.Underline();
            }
            else if (rng.Chance(surface.EnclosingRectangleProbability))
            {
                line.Enclose();
            }
        }

        line.CommitTo(plan, budget);
    }

    private void PlanScattered(PagePlan plan, GlyphSet digits, double size, PenStyle style, Budget budget, Random rng)
    {
        var count = rng.Between(layout.ScatteredDigits);
        for (var i = 0; i < count && budget.Left > 0; i++)
        {
            var height = size * rng.Uniform(0.8, 1.3);
            var frame = AffineMatrix.Translation(rng.Uniform(0, plan.Width), rng.Uniform(0, plan.Height))
                        * AffineMatrix.Rotation(0, 0, rng.Symmetric(1.5 * layout.MaxLineRotationDegrees));
            var line = new LineWriter(this, digits, frame, height, style, rng);
            line.WriteGroups([1]);
            line.CommitTo(plan, budget);
        }
    }

    private void PlanClutter(PagePlan plan, GlyphSet? fashion, double size, PenStyle style, double cropArea, Random rng)
    {
        var fashionWeight = fashion is null ? 0 : clutter.FashionWeight;
        double[] weights = [clutter.LineWeight, clutter.BoxWeight, clutter.ScribbleWeight, clutter.LettersWeight, fashionWeight];
        var total = weights.Sum();
        if (total <= 0)
        {
            return;
        }

        var count = (int)Math.Round(rng.Uniform(clutter.ItemsPerCropArea) * plan.Width * plan.Height / cropArea);
        for (var i = 0; i < count; i++)
        {
            var roll = rng.NextDouble() * total;
            var kind = 0;
            while (kind < weights.Length - 1 && roll >= weights[kind])
            {
                roll -= weights[kind];
                kind++;
            }

            for (var attempt = 0; attempt < RetriesForRoom; attempt++)
            {
                var x = rng.Uniform(0, plan.Width);
                var y = rng.Uniform(0, plan.Height);
                var placed = kind switch
                {
                    0 => TryClutterLine(plan, x, y, size, style, rng),
                    1 => TryClutterBox(plan, x, y, size, style, rng),
                    2 => TryScribble(plan, x, y, size, style, rng),
                    3 => TryLetters(plan, x, y, size, rng),
                    _ => TryFashion(plan, fashion!, x, y, size, rng),
                };
                if (placed)
                {
                    break;
                }
            }
        }
    }

    /// <summary>A straight stroke at least 2.5 digit heights long, so it never passes for a 1.</summary>
    private bool TryClutterLine(PagePlan plan, double x, double y, double size, PenStyle style, Random rng)
    {
        var length = size * rng.Uniform(2.5, 7);
        var angle = rng.Uniform(0, Math.PI);
        double[] points = [x, y, x + (length * Math.Cos(angle)), y + (length * Math.Sin(angle))];
        return TryAddStroke(plan, points, closed: false, InkCoverage(rng), ClutterThickness(size, style, rng));
    }

    /// <summary>A rectangle larger than a digit on both sides, so it never passes for a 0.</summary>
    private bool TryClutterBox(PagePlan plan, double x, double y, double size, PenStyle style, Random rng)
    {
        var w = size * rng.Uniform(1.6, 5);
        var h = size * rng.Uniform(1.6, 4);
        var turn = AffineMatrix.Rotation(x, y, rng.Symmetric(10));
        var points = MapAll(turn, [x, y, x + w, y, x + w, y + h, x, y + h]);
        return TryAddStroke(plan, points, closed: true, InkCoverage(rng), ClutterThickness(size, style, rng));
    }

    /// <summary>A looping cursive stroke (a prolate cycloid, like "eeee"), longer than a digit is wide.</summary>
    private bool TryScribble(PagePlan plan, double x, double y, double size, PenStyle style, Random rng)
    {
        var loops = rng.Next(3, 8);
        var radius = size * rng.Uniform(0.15, 0.35);
        var advance = radius * rng.Uniform(0.5, 0.9);
        var turn = AffineMatrix.Rotation(x, y, rng.Symmetric(20));
        const int perLoop = 12;
        var points = new double[2 * ((loops * perLoop) + 1)];
        for (var i = 0; i <= loops * perLoop; i++)
        {
            var t = 2 * Math.PI * i / perLoop;
            (points[2 * i], points[(2 * i) + 1]) = turn.Transform(x + (advance * t) - (radius * Math.Sin(t)), y - (radius * Math.Cos(t)));
        }

        return TryAddStroke(plan, points, closed: false, 255, style.LineThickness(size));
    }

    private bool TryLetters(PagePlan plan, double x, double y, double size, Random rng)
    {
        var count = rng.Next(1, 5);
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = SafeLetters[rng.Next(SafeLetters.Length)];
        }

        var scale = size * rng.Uniform(0.6, 1.1) / HersheyCapHeight;
        var rect = new PixelRect((int)x, (int)(y - (HersheyCapHeight * scale)), (int)(count * 20 * scale) + 2, (int)(HersheyCapHeight * scale * 1.4) + 2);
        if (!plan.IsFree(rect))
        {
            return false;
        }

        var thickness = Math.Max(1, (int)Math.Round(scale * rng.Uniform(1, 3)));
        plan.Texts.Add(new TextMark(new string(chars), (int)x, (int)y, scale, InkCoverage(rng), thickness));
        return true;
    }

    private bool TryFashion(PagePlan plan, GlyphSet fashion, double x, double y, double size, Random rng)
    {
        var index = rng.Next(fashion.Count);
        var scale = size * rng.Uniform(1.2, 3) / fashion.Rows;
        var toPage = AffineMatrix.Translation(x, y)
                     * AffineMatrix.Rotation(0, 0, rng.Symmetric(25), scale)
                     * AffineMatrix.Translation(-(fashion.Columns - 1) / 2.0, -(fashion.Rows - 1) / 2.0);
        var mark = new GlyphMark(fashion, index, toPage, 0, 1, CrossedOut: false);
        var rect = ToRect(mark.CellExtent());
        if (!plan.IsFree(rect))
        {
            return false;
        }

        plan.Clutter.Add(mark);
        return true;
    }

    private static bool TryAddStroke(PagePlan plan, double[] points, bool closed, byte coverage, int thickness)
    {
        if (!plan.IsFree(BoundsOf(points, thickness)))
        {
            return false;
        }

        plan.Background.Add(new StrokeMark(points, closed, coverage, thickness));
        return true;
    }

    private static int ClutterThickness(double size, PenStyle style, Random rng) =>
        rng.Chance(0.5) ? style.LineThickness(size) : rng.Next(1, Math.Max(1, (int)(size / 12)) + 2);

    private byte PrintedCoverage(Random rng) => (byte)Math.Clamp((int)Math.Round(rng.Uniform(surface.PrintedCoverage)), 1, 255);

    private byte InkCoverage(Random rng) => rng.Chance(0.5) ? (byte)255 : PrintedCoverage(rng);

    private static double[] MapAll(AffineMatrix m, double[] xy)
    {
        var result = new double[xy.Length];
        for (var i = 0; i < xy.Length; i += 2)
        {
            (result[i], result[i + 1]) = m.Transform(xy[i], xy[i + 1]);
        }

        return result;
    }

    private static PixelRect BoundsOf(double[] xy, double margin)
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

    private static PixelRect ToRect((double X1, double Y1, double X2, double Y2) e)
    {
        var left = (int)Math.Floor(e.X1);
        var top = (int)Math.Floor(e.Y1);
        return new PixelRect(left, top, (int)Math.Ceiling(e.X2) - left + 1, (int)Math.Ceiling(e.Y2) - top + 1);
    }

    /// <summary>How many more digits the page may take.</summary>
    private sealed class Budget(int total)
    {
        public int Left { get; set; } = total;
    }

    /// <summary>Writes one line in its own frame, collecting marks until they are committed to the plan (or dropped).</summary>
    private sealed class LineWriter(PageComposer owner, GlyphSet digits, AffineMatrix frame, double height, PenStyle style, Random rng)
    {
        private readonly List<GlyphMark> glyphs = [];
        private readonly List<StrokeMark> background = [];
        private readonly List<StrokeMark> foreground = [];
        private readonly double gap = rng.Uniform(owner.layout.DigitGap);
        private readonly double slant = rng.Symmetric(owner.layout.MaxSlant);
        private readonly int thickness = style.LineThickness(height);
        private double cursor;
        private double top = -height;

        private LayoutOptions Layout => owner.layout;

        public void WriteGroups(int[] groups)
        {
            var separator = groups.Length > 1 ? rng.Pick(PhoneNumberFormats.Separators) : Separator.None;
            var parentheses = groups.Length > 1 && rng.Chance(0.25);
            for (var g = 0; g < groups.Length; g++)
            {
                if (g == 0 && parentheses)
                {
                    Parenthesis(opening: true);
                }

                for (var d = 0; d < groups[g]; d++)
                {
                    var digitHeight = height * (1 + rng.Symmetric(Layout.SizeJitter));
                    var baseline = rng.Symmetric(Layout.BaselineJitter) * height;
                    var width = Digit(cursor, -(digitHeight / 2) + baseline, digitHeight, alignLeft: true);
                    cursor += width + ((gap + rng.Symmetric(Layout.GapJitter)) * height);
                }

                if (g == 0 && parentheses)
                {
                    Parenthesis(opening: false);
                }

                if (g < groups.Length - 1)
                {
                    Separate(parentheses && g == 0 ? Separator.Space : separator);
                }
            }
        }

        /// <summary>A row of printed boxes, one digit in each, the digit nearly filling it.</summary>
        public void WriteFormBoxes(int count)
        {
            var cellWidth = height * rng.Uniform(1.0, 1.35);
            var cellHeight = height * rng.Uniform(1.15, 1.5);
            var bottom = height * rng.Uniform(0, 0.15);
            var coverage = owner.PrintedCoverage(rng);
            var lineThickness = rng.Next(1, Math.Max(1, (int)(height / 30)) + 2);
            for (var i = 0; i < count; i++)
            {
                var left = cursor + (i * cellWidth);
                var digitHeight = cellHeight * rng.Uniform(0.62, 0.95);
                var centerY = bottom - (cellHeight / 2) + (rng.Symmetric(0.1) * cellHeight);
                Digit(left + (cellWidth / 2) + (rng.Symmetric(0.1) * cellWidth), centerY, digitHeight, alignLeft: false);
                if (i > 0)
                {
                    background.Add(new StrokeMark(Map([left, bottom - cellHeight, left, bottom]), false, coverage, lineThickness));
                }
            }

            var right = cursor + (count * cellWidth);
            background.Add(new StrokeMark(
                Map([cursor, bottom - cellHeight, right, bottom - cellHeight, right, bottom, cursor, bottom]), true, coverage, lineThickness));
            cursor = right;
            top = Math.Min(top, bottom - cellHeight);
        }

        /// <summary>A pen underline through the digits' feet.</summary>
        public void Underline()
        {
            var y = rng.Uniform(-0.12, 0.12) * height;
            const int points = 4;
            var xy = new double[2 * points];
            for (var i = 0; i < points; i++)
            {
                xy[2 * i] = -0.1 * height + (i * (cursor + (0.2 * height)) / (points - 1));
                xy[(2 * i) + 1] = y + rng.Symmetric(0.03 * height);
            }

            foreground.Add(new StrokeMark(Map(xy), false, 255, thickness));
        }

        /// <summary>A printed rectangle around the line, close enough to touch or cross strokes.</summary>
        public void Enclose()
        {
            var margin = height * rng.Uniform(-0.05, 0.3);
            var (x1, y1, x2, y2) = (-margin, top - (0.1 * height) - margin, cursor + margin, (0.1 * height) + margin);
            var lineThickness = rng.Next(1, Math.Max(1, (int)(height / 30)) + 2);
            background.Add(new StrokeMark(Map([x1, y1, x2, y1, x2, y2, x1, y2]), true, owner.PrintedCoverage(rng), lineThickness));
        }

        /// <summary>Adds the line to the plan unless it overlaps another line or misses the page; digits beyond the budget are left out.</summary>
        public void CommitTo(PagePlan plan, Budget budget)
        {
            // A little room around the line: close rows are fine (notebooks), crossing rows are not.
            var bounds = BoundsOf(Map([-0.3 * height, top - (0.1 * height), cursor + (0.3 * height), top - (0.1 * height),
                cursor + (0.3 * height), 0.2 * height, -0.3 * height, 0.2 * height]), 0);
            if (!plan.IsFree(bounds) || bounds.Intersect(plan.Bounds).IsEmpty)
            {
                return;
            }

            plan.Occupied.Add(bounds);
            plan.Background.AddRange(background);
            var number = plan.Numbers++;
            foreach (var glyph in glyphs)
            {
                if (budget.Left <= 0)
                {
                    break;
                }

                if (!ToRect(glyph.CellExtent()).Intersect(plan.Bounds).IsEmpty)
                {
                    plan.Digits.Add(glyph with { Number = number });
                    budget.Left--;
                    if (glyph.CrossedOut)
                    {
                        plan.Foreground.AddRange(StrikeThrough(glyph));
                    }
                }
            }

            plan.Foreground.AddRange(foreground);
        }

        /// <summary>Plans a digit of ink height <paramref name="digitHeight"/>; returns its ink width along the line.</summary>
        private double Digit(double x, double centerY, double digitHeight, bool alignLeft)
        {
            var index = rng.Next(digits.Count);
            var ink = digits.InkBounds(index);
            if (ink.IsEmpty)
            {
                return 0;
            }

            var scaleY = digitHeight / ink.Height;
            var scaleX = scaleY * (1 + rng.Symmetric(Layout.AspectJitter));
            var width = ink.Width * scaleX;
            var centerX = alignLeft ? x + (width / 2) : x;
            var shear = new AffineMatrix(1, -(slant + rng.Symmetric(0.05)), 0, 0, 1, 0);
            var toLine = AffineMatrix.Translation(centerX, centerY)
                         * AffineMatrix.Rotation(0, 0, rng.Symmetric(Layout.MaxDigitRotationDegrees))
                         * shear
                         * AffineMatrix.Scaling(scaleX, scaleY)
                         * AffineMatrix.Translation(-(ink.X + ((ink.Width - 1) / 2.0)), -(ink.Y + ((ink.Height - 1) / 2.0)));
            var crossed = rng.Chance(owner.surface.CrossedOutProbability);
            var sharpen = Math.Clamp(scaleY / 2, 1, 4);
            glyphs.Add(new GlyphMark(digits, index, frame * toLine, style.MorphologySteps(digitHeight), sharpen, crossed));
            top = Math.Min(top, centerY - (digitHeight / 2));
            return width;
        }

        private void Parenthesis(bool opening)
        {
            var width = height * rng.Uniform(0.25, 0.4);
            var (cx, start, end) = opening ? (cursor + width, 2 * Math.PI / 3, 4 * Math.PI / 3) : (cursor - (0.2 * width), -Math.PI / 3, Math.PI / 3);
            const int points = 9;
            var xy = new double[2 * points];
            for (var i = 0; i < points; i++)
            {
                var angle = start + ((end - start) * i / (points - 1));
                xy[2 * i] = cx + (width * Math.Cos(angle));
                xy[(2 * i) + 1] = (-0.45 * height) + (0.7 * height * Math.Sin(angle));
            }

            foreground.Add(new StrokeMark(Map(xy), false, 255, thickness));
            cursor += (opening ? width : 0.8 * width) + (Math.Max(gap, 0.1) * height);
        }

        private void Separate(Separator separator)
        {
            switch (separator)
            {
                case Separator.Space:
                    cursor += height * rng.Uniform(0.3, 0.8);
                    break;
                case Separator.Dash:
                {
                    var length = height * rng.Uniform(0.3, 0.55);
                    var start = cursor + (0.1 * height);
                    var y = -0.5 * height;
                    foreground.Add(new StrokeMark(
                        Map([start, y + rng.Symmetric(0.06 * height), start + length, y + rng.Symmetric(0.06 * height)]), false, 255, thickness));
                    cursor = start + length + (Math.Max(gap, 0.1) * height);
                    break;
                }

                case Separator.Dot:
                {
                    var radius = Math.Max(1.0, thickness * 0.7);
                    var cx = cursor + (0.1 * height) + radius;
                    var xy = new double[2 * CircleSegments];
                    for (var i = 0; i < CircleSegments; i++)
                    {
                        var angle = 2 * Math.PI * i / CircleSegments;
                        xy[2 * i] = cx + (radius * Math.Cos(angle));
                        xy[(2 * i) + 1] = -radius + (radius * Math.Sin(angle));
                    }

                    foreground.Add(new StrokeMark(Map(xy), true, 255, Image.Filled));
                    cursor = cx + radius + (Math.Max(gap, 0.1) * height);
                    break;
                }

                case Separator.None:
                default:
                    break;
            }
        }

        /// <summary>A pen stroke that cancels a digit: a line across it, two lines, a cross, or a zigzag over it.</summary>
        private IEnumerable<StrokeMark> StrikeThrough(GlyphMark glyph)
        {
            var (x1, y1, x2, y2) = glyph.InkExtent();
            var (w, h) = (x2 - x1, y2 - y1);
            var weight = Math.Max(thickness, 2);
            double[] xy;
            switch (rng.Next(3))
            {
                case 0:
                    xy = [x1 - (0.15 * w), y1 + (rng.Uniform(0.3, 0.7) * h), x2 + (0.15 * w), y1 + (rng.Uniform(0.3, 0.7) * h)];
                    break;
                case 1:
                    yield return new StrokeMark([x1, y2, x2, y1], false, 255, weight);
                    xy = [x1, y1, x2, y2];
                    break;
                default:
                {
                    var turns = rng.Next(3, 6);
                    xy = new double[2 * ((2 * turns) + 1)];
                    for (var i = 0; i <= 2 * turns; i++)
                    {
                        xy[2 * i] = x1 - (0.1 * w) + (1.2 * w * i / (2 * turns));
                        xy[(2 * i) + 1] = i % 2 == 0 ? y1 + (0.1 * h) : y2 - (0.1 * h);
                    }

                    break;
                }
            }

            yield return new StrokeMark(xy, false, 255, weight);
        }

        private double[] Map(double[] xy) => MapAll(frame, xy);
    }
}
