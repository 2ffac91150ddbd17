using DigitOcr.Torch;

namespace DigitOcr.Matching;

/// <summary>
/// Training targets for a batch: <see cref="Locations"/> <c>[B, P, 4]</c> encoded offsets of each prior's matched
/// box, and <see cref="Labels"/> <c>[B, P]</c> int64 — a class &gt; 0 for positives, 0 for background, and
/// <see cref="SsdMatcher.NeutralLabel"/> for neutral priors, which are neither positives nor negatives. Owns both.
/// </summary>
public sealed record MatchedTargets(Tensor Locations, Tensor Labels) : IDisposable
{
    public void Dispose()
    {
        Locations.Dispose();
        Labels.Dispose();
    }
}
