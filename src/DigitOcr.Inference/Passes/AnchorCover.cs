using DigitOcr.Config;

namespace DigitOcr.Inference.Passes;

/// <summary>
/// The heights of upright digits a model's anchors cover at the network's scale, from its <see cref="PriorOptions"/>:
/// from the smallest square anchor (<c>min_size</c> of the finest level) to the tallest anchor of any level (the
/// larger square <c>sqrt(min_size * max_size)</c>, or the upright box <c>min_size * sqrt(r)</c> of the largest aspect
/// ratio). With the reference's priors (sizes 9..99, max sizes 21..153, ratio 2): 9 to 140 px.
/// </summary>
public sealed record AnchorCover(double Smallest, double Largest)
{
    public static AnchorCover Of(PriorOptions priors)
    {
        ArgumentNullException.ThrowIfNull(priors);
        var tallest = Enumerable.Range(0, priors.MinSizes.Count).Max(k =>
        {
            var square = Math.Sqrt(priors.MinSizes[k] * priors.MaxSizes[k]);
            var upright = priors.AspectRatios[k].Select(r => priors.MinSizes[k] * Math.Sqrt(Math.Max(r, 1 / r))).DefaultIfEmpty(0).Max();
            return Math.Max(square, upright);
        });
        return new AnchorCover(priors.MinSizes.Min(), tallest);
    }
}
