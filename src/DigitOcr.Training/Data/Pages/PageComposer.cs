using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Lays out and draws one synthetic page as ink coverage: rows of numbers (plain runs of 1 to 14 digits, or phone
/// numbers in groups with spaces, dashes, dots and parentheses), each row rotated a little, digits jittered in
/// size, slant and baseline and spaced tightly enough to touch or overlap; scattered single digits; ruled lines,
/// underlines, form boxes and rectangles crossing the strokes; crossed-out digits; clutter that is not a digit.
/// The result is a <see cref="Scene"/> in the <see cref="SceneStage.Ink"/> stage with every readable digit's ink.
/// </summary>
/// <remarks>
/// The page is planned first (<see cref="RowPlanner"/>, <see cref="ScatteredDigitPlanner"/>,
/// <see cref="ClutterPlanner"/>, in that order, all drawing from one random source), then drawn
/// (<see cref="PageRenderer"/>); a page depends only on its options and the random source's seed.
/// </remarks>
public sealed class PageComposer
{
    /// <summary>A page's digits are at most this fraction of the crop's shorter side, so a digit fits in a crop.</summary>
    private const double MaxDigitFractionOfCrop = 0.9;

    private readonly LayoutOptions layout;
    private readonly PenOptions pen;
    private readonly SurfaceOptions surface;
    private readonly RowPlanner rows;
    private readonly ScatteredDigitPlanner scattered;
    private readonly ClutterPlanner clutter;

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
        rows = new RowPlanner(layout, surface);
        scattered = new ScatteredDigitPlanner(layout, surface);
        this.clutter = new ClutterPlanner(clutter, surface);
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
        var size = Math.Min(rng.LogUniform(layout.DigitHeight), MaxDigitFractionOfCrop * Math.Min(minWidth, minHeight));
        var style = PenStyle.Draw(pen, rng);
        var budget = new DigitBudget(layout.MaxDigitsPerPage);

        if (rng.Chance(surface.RuledProbability))
        {
            rows.PlanRuled(plan, digits, size, style, budget, rng);
            plan.Conditions.Add(PageConditions.Ruled);
        }
        else
        {
            rows.PlanFree(plan, digits, size, style, budget, rng);
        }

        scattered.Plan(plan, digits, size, style, budget, rng);
        clutter.Plan(plan, fashion, size, style, minWidth * (double)minHeight, rng);
        return plan;
    }
}
