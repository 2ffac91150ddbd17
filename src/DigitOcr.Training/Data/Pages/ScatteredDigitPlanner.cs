using DigitOcr.Data.Mnist;
using DigitOcr.Data.Sampling;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Pages;

/// <summary>Single digits anywhere on the page, away from the rows (<see cref="LayoutOptions.ScatteredDigits"/>).</summary>
internal sealed class ScatteredDigitPlanner(LayoutOptions layout, SurfaceOptions surface)
{
    /// <summary>A loose digit leans up to this many times a row's largest rotation: nothing lines it up.</summary>
    private const double RotationFactor = 1.5;

    public void Plan(PagePlan plan, GlyphSet digits, double size, PenStyle style, DigitBudget budget, Random rng)
    {
        var count = rng.Between(layout.ScatteredDigits);
        for (var i = 0; i < count && budget.Left > 0; i++)
        {
            var height = size * rng.Uniform(layout.ScatteredDigitHeight);
            var frame = AffineMatrix.Translation(rng.Uniform(0, plan.Width), rng.Uniform(0, plan.Height))
                        * AffineMatrix.Rotation(0, 0, rng.Symmetric(RotationFactor * layout.MaxLineRotationDegrees));
            var line = new LineWriter(layout, surface, digits, frame, height, style, rng);
            line.WriteGroups([1]);
            line.CommitTo(plan, budget);
        }
    }
}
