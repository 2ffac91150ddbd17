using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sampling;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Writes one line of digits in its own frame (x along the baseline from the line's start, y down, baseline at
/// y = 0), mapped to the page by the frame matrix; collects the marks until they are committed to the plan, or
/// dropped when the line has no room. Heights and lengths in the options are multiples of the line height.
/// </summary>
internal sealed class LineWriter
{
    /// <summary>Parentheses, dashes and dots keep at least this gap after them (times the height), even on lines whose digits overlap.</summary>
    private const double MinMarkGap = 0.1;

    /// <summary>A dash or a dot starts this far after the last digit, times the height.</summary>
    private const double MarkLead = 0.1;

    /// <summary>How far each end of a dash strays up or down, times the height.</summary>
    private const double DashWobble = 0.06;

    /// <summary>A dot's radius per pixel of pen thickness (at least 1 pixel).</summary>
    private const double DotRadiusPerThickness = 0.7;

    private const int DotSegments = 10;
    private const int UnderlinePoints = 4;
    private const int ParenthesisPoints = 9;

    /// <summary>An underline starts this far before the first digit and ends this far after the last, times the height.</summary>
    private const double UnderlineOverhang = 0.1;

    /// <summary>An enclosing rectangle clears the tallest digit and the baseline by this much (before its margin), times the height.</summary>
    private const double EnclosePadding = 0.1;

    /// <summary>A parenthesis arc is centred this far above the baseline and reaches this far up and down, times the height.</summary>
    private const double ParenthesisCentre = 0.45;

    private const double ParenthesisReach = 0.7;

    /// <summary>A closing parenthesis starts this far back (it bulges right) and advances less, as fractions of its width.</summary>
    private const double ClosingBack = 0.2;

    private const double ClosingAdvance = 0.8;

    /// <summary>Room kept free around a committed line, times the height: close rows are fine (notebooks), crossing rows are not.</summary>
    private const double RoomSide = 0.3;

    private const double RoomAbove = 0.1;

    private const double RoomBelow = 0.2;

    /// <summary>Contrast gain of an enlarged glyph is its scale / 2, at most this (<see cref="GlyphMark.Sharpen"/>).</summary>
    private const double MaxSharpen = 4;

    private readonly LayoutOptions layout;
    private readonly SurfaceOptions surface;
    private readonly GlyphSet digits;
    private readonly AffineMatrix frame;
    private readonly double height;
    private readonly PenStyle style;
    private readonly Random rng;
    private readonly List<GlyphMark> glyphs = [];
    private readonly List<StrokeMark> background = [];
    private readonly List<StrokeMark> foreground = [];
    private readonly List<string> conditions = [];
    private readonly double gap;
    private readonly double slant;
    private readonly int thickness;
    private double cursor;
    private double top;

    /// <summary>Starts a line of digits <paramref name="height"/> pixels tall; draws the line's gap and slant.</summary>
    public LineWriter(LayoutOptions layout, SurfaceOptions surface, GlyphSet digits, AffineMatrix frame, double height, PenStyle style, Random rng)
    {
        this.layout = layout;
        this.surface = surface;
        this.digits = digits;
        this.frame = frame;
        this.height = height;
        this.style = style;
        this.rng = rng;
        gap = rng.Uniform(layout.DigitGap);
        slant = rng.Symmetric(layout.MaxSlant);
        thickness = style.LineThickness(height);
        top = -height;
    }

    /// <summary>Groups of digits (a plain number is one group); several groups get separators, sometimes parentheses around the first.</summary>
    public void WriteGroups(int[] groups)
    {
        var separator = groups.Length > 1 ? rng.Pick(PhoneNumberFormats.Separators) : Separator.None;
        var parentheses = groups.Length > 1 && rng.Chance(layout.ParenthesesProbability);
        for (var g = 0; g < groups.Length; g++)
        {
            if (g == 0 && parentheses)
            {
                Parenthesis(opening: true);
            }

            for (var d = 0; d < groups[g]; d++)
            {
                var digitHeight = height * (1 + rng.Symmetric(layout.SizeJitter));
                var baseline = rng.Symmetric(layout.BaselineJitter) * height;
                var width = Digit(cursor, -(digitHeight / 2) + baseline, digitHeight, alignLeft: true);
                cursor += width + ((gap + rng.Symmetric(layout.GapJitter)) * height);
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
        conditions.Add(PageConditions.FormBoxes);
        var cellWidth = height * rng.Uniform(surface.FormBoxWidth);
        var cellHeight = height * rng.Uniform(surface.FormBoxHeight);
        var bottom = height * rng.Uniform(surface.FormBoxDrop);
        var coverage = PrintedInk.Coverage(surface, rng);
        var lineThickness = PrintedInk.Thickness(height, PrintedInk.FormHeightPerPixel, rng);
        for (var i = 0; i < count; i++)
        {
            var left = cursor + (i * cellWidth);
            var digitHeight = cellHeight * rng.Uniform(surface.FormDigitHeight);
            var centerY = bottom - (cellHeight / 2) + (rng.Symmetric(surface.FormDigitJitter) * cellHeight);
            Digit(left + (cellWidth / 2) + (rng.Symmetric(surface.FormDigitJitter) * cellWidth), centerY, digitHeight, alignLeft: false);
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
        conditions.Add(PageConditions.Underline);
        var y = rng.Uniform(surface.UnderlineOffset) * height;
        var xy = new double[2 * UnderlinePoints];
        for (var i = 0; i < UnderlinePoints; i++)
        {
            xy[2 * i] = -UnderlineOverhang * height + (i * (cursor + (2 * UnderlineOverhang * height)) / (UnderlinePoints - 1));
            xy[(2 * i) + 1] = y + rng.Symmetric(surface.UnderlineWobble * height);
        }

        foreground.Add(new StrokeMark(Map(xy), false, 255, thickness));
    }

    /// <summary>A printed rectangle around the line, close enough to touch or cross strokes.</summary>
    public void Enclose()
    {
        conditions.Add(PageConditions.Enclosed);
        var margin = height * rng.Uniform(surface.EnclosingMargin);
        var (x1, y1, x2, y2) = (-margin, top - (EnclosePadding * height) - margin, cursor + margin, (EnclosePadding * height) + margin);
        var lineThickness = PrintedInk.Thickness(height, PrintedInk.FormHeightPerPixel, rng);
        background.Add(new StrokeMark(Map([x1, y1, x2, y1, x2, y2, x1, y2]), true, PrintedInk.Coverage(surface, rng), lineThickness));
    }

    /// <summary>Adds the line to the plan unless it overlaps another line or misses the page; digits beyond the budget are left out.</summary>
    public void CommitTo(PagePlan plan, DigitBudget budget)
    {
        var bounds = PlanGeometry.BoundsOf(Map([-RoomSide * height, top - (RoomAbove * height), cursor + (RoomSide * height), top - (RoomAbove * height),
            cursor + (RoomSide * height), RoomBelow * height, -RoomSide * height, RoomBelow * height]), 0);
        if (!plan.IsFree(bounds) || bounds.Intersect(plan.Bounds).IsEmpty)
        {
            return;
        }

        plan.Occupied.Add(bounds);
        plan.Background.AddRange(background);
        plan.Conditions.UnionWith(conditions);
        if (gap < 0 && glyphs.Count > 1)
        {
            plan.Conditions.Add(PageConditions.Touching);
        }

        var number = plan.Numbers++;
        foreach (var glyph in glyphs)
        {
            if (budget.Left <= 0)
            {
                break;
            }

            if (!PlanGeometry.ToRect(glyph.CellExtent()).Intersect(plan.Bounds).IsEmpty)
            {
                plan.Digits.Add(glyph with { Number = number });
                budget.Left--;
                if (glyph.CrossedOut)
                {
                    plan.Conditions.Add(PageConditions.CrossedOut);
                    plan.Foreground.AddRange(StrikeThrough.Strokes(glyph, thickness, rng));
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
        var scaleX = scaleY * (1 + rng.Symmetric(layout.AspectJitter));
        var width = ink.Width * scaleX;
        var centerX = alignLeft ? x + (width / 2) : x;
        var shear = new AffineMatrix(1, -(slant + rng.Symmetric(layout.SlantJitter)), 0, 0, 1, 0);
        var toLine = AffineMatrix.Translation(centerX, centerY)
                     * AffineMatrix.Rotation(0, 0, rng.Symmetric(layout.MaxDigitRotationDegrees))
                     * shear
                     * AffineMatrix.Scaling(scaleX, scaleY)
                     * AffineMatrix.Translation(-(ink.X + ((ink.Width - 1) / 2.0)), -(ink.Y + ((ink.Height - 1) / 2.0)));
        var crossed = rng.Chance(surface.CrossedOutProbability);
        var sharpen = Math.Clamp(scaleY / 2, 1, MaxSharpen);
        glyphs.Add(new GlyphMark(digits, index, frame * toLine, style.MorphologySteps(digitHeight), sharpen, crossed));
        top = Math.Min(top, centerY - (digitHeight / 2));
        return width;
    }

    /// <summary>A pen arc of a third of a circle, bulging away from the group it encloses.</summary>
    private void Parenthesis(bool opening)
    {
        var width = height * rng.Uniform(layout.ParenthesisWidth);
        var (cx, start, end) = opening
            ? (cursor + width, 2 * Math.PI / 3, 4 * Math.PI / 3)
            : (cursor - (ClosingBack * width), -Math.PI / 3, Math.PI / 3);
        var xy = new double[2 * ParenthesisPoints];
        for (var i = 0; i < ParenthesisPoints; i++)
        {
            var angle = start + ((end - start) * i / (ParenthesisPoints - 1));
            xy[2 * i] = cx + (width * Math.Cos(angle));
            xy[(2 * i) + 1] = (-ParenthesisCentre * height) + (ParenthesisReach * height * Math.Sin(angle));
        }

        foreground.Add(new StrokeMark(Map(xy), false, 255, thickness));
        cursor += (opening ? width : ClosingAdvance * width) + (Math.Max(gap, MinMarkGap) * height);
    }

    private void Separate(Separator separator)
    {
        switch (separator)
        {
            case Separator.Space:
                cursor += height * rng.Uniform(layout.SpaceWidth);
                break;
            case Separator.Dash:
            {
                var length = height * rng.Uniform(layout.DashLength);
                var start = cursor + (MarkLead * height);
                var y = -0.5 * height; // mid-height of the digits
                foreground.Add(new StrokeMark(
                    Map([start, y + rng.Symmetric(DashWobble * height), start + length, y + rng.Symmetric(DashWobble * height)]), false, 255, thickness));
                cursor = start + length + (Math.Max(gap, MinMarkGap) * height);
                break;
            }

            case Separator.Dot:
            {
                var radius = Math.Max(1.0, thickness * DotRadiusPerThickness);
                var cx = cursor + (MarkLead * height) + radius;
                var xy = new double[2 * DotSegments];
                for (var i = 0; i < DotSegments; i++)
                {
                    var angle = 2 * Math.PI * i / DotSegments;
                    xy[2 * i] = cx + (radius * Math.Cos(angle));
                    xy[(2 * i) + 1] = -radius + (radius * Math.Sin(angle));
                }

                foreground.Add(new StrokeMark(Map(xy), true, 255, Image.Filled));
                cursor = cx + radius + (Math.Max(gap, MinMarkGap) * height);
                break;
            }

            case Separator.None:
            default:
                break;
        }
    }

    private double[] Map(double[] xy) => PlanGeometry.MapAll(frame, xy);
}
