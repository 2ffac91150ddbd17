using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sampling;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Plans a page's rows of numbers: either on printed rules (a steady pitch, all at the page's angle) or free (a loose
/// pitch, each row with its own start and angle). Each row is a plain number, a phone number in groups, or a row of
/// form boxes, sometimes underlined or enclosed; a row that would cross another is dropped.
/// </summary>
internal sealed class RowPlanner(LayoutOptions layout, SurfaceOptions surface)
{
    /// <summary>
    /// Rules and rows run this far (a fraction of the longer page side) past every edge, so the rotated page frame
    /// still covers the picture at the largest angle.
    /// </summary>
    private const double RuleReach = 0.25;

    /// <summary>Rows at a steady pitch on printed rules, all at the page's angle; digits sit on or across the rule.</summary>
    public void PlanRuled(PagePlan plan, GlyphSet digits, double size, PenStyle style, DigitBudget budget, Random rng)
    {
        var pitch = size * rng.Uniform(layout.LinePitch);
        var page = AffineMatrix.Rotation(plan.Width / 2.0, plan.Height / 2.0, rng.Symmetric(layout.MaxLineRotationDegrees));
        var coverage = PrintedInk.Coverage(surface, rng);
        var thickness = PrintedInk.Thickness(size, PrintedInk.RuleHeightPerPixel, rng);
        var reach = Math.Max(plan.Width, plan.Height) * RuleReach;
        for (var y = -reach + (pitch * rng.NextDouble()); y < plan.Height + reach; y += pitch)
        {
            var (ax, ay) = page.Transform(-reach, y);
            var (bx, by) = page.Transform(plan.Width + reach, y);
            plan.Background.Add(new StrokeMark([ax, ay, bx, by], false, coverage, thickness));
            if (budget.Left > 0 && !rng.Chance(layout.EmptyLineProbability))
            {
                var height = size * rng.Uniform(layout.RuledLineHeight);
                var origin = AffineMatrix.Translation(rng.Uniform(layout.LineStart) * plan.Width, y + (rng.Uniform(layout.RuledBaselineOffset) * height));
                PlanRow(plan, digits, page * origin, height, style, budget, rng);
            }
        }
    }

    /// <summary>Rows at a loose pitch, each with its own start and angle.</summary>
    public void PlanFree(PagePlan plan, GlyphSet digits, double size, PenStyle style, DigitBudget budget, Random rng)
    {
        var pitch = size * rng.Uniform(layout.LinePitch);
        for (var y = size * rng.Uniform(layout.FirstBaseline); y < plan.Height + size && budget.Left > 0; y += pitch * rng.Uniform(layout.PitchJitter))
        {
            if (rng.Chance(layout.EmptyLineProbability))
            {
                continue;
            }

            var height = size * rng.Uniform(layout.LineHeight);
            var frame = AffineMatrix.Translation(rng.Uniform(layout.LineStart) * plan.Width, y)
                        * AffineMatrix.Rotation(0, 0, rng.Symmetric(layout.MaxLineRotationDegrees));
            PlanRow(plan, digits, frame, height, style, budget, rng);
        }
    }

    /// <summary>
    /// Plans one row in its own frame (x along the baseline, y down, baseline at y = 0) mapped to the page by
    /// <paramref name="frame"/>; drops it when it would overlap another row.
    /// </summary>
    private void PlanRow(PagePlan plan, GlyphSet digits, AffineMatrix frame, double height, PenStyle style, DigitBudget budget, Random rng)
    {
        var line = new LineWriter(layout, surface, digits, frame, height, style, rng);
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
}
