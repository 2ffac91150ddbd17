using System.Text;
using DigitOcr.Data.Sampling;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// An annotated folder's images split by image into those trained on and those held out for validation. Which images
/// are held out depends only on the seed and the images' names: each name gets a rank from (seed, name), and the
/// <c>round(fraction x count)</c> lowest-ranked images are held out (at least one when the fraction is above zero,
/// never all). So the split is the same on every run and every machine, and adding an image to the folder moves at
/// most one other image between the two sides. <c>evaluate --data-dir DIR --held-out FRACTION --seed N</c> scores
/// the images <c>train</c> held out with the same fraction and seed.
/// </summary>
public sealed record AnnotatedSplit(IReadOnlyList<AnnotatedImage> Train, IReadOnlyList<AnnotatedImage> HeldOut)
{
    private const int RankStream = 0x686f6c64;

    /// <summary>Splits <paramref name="images"/>; both parts keep name order.</summary>
    /// <exception cref="ArgumentException">A fraction above zero with fewer than two images (nothing would be left to train on).</exception>
    public static AnnotatedSplit Of(IReadOnlyList<AnnotatedImage> images, double heldOutFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (heldOutFraction is < 0 or >= 1 || double.IsNaN(heldOutFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "the held-out fraction must be in [0, 1)");
        }

        if (heldOutFraction == 0)
        {
            return new AnnotatedSplit(images, []);
        }

        if (images.Count < 2)
        {
            throw new ArgumentException(
                $"holding out {heldOutFraction:P0} of the images for validation needs at least 2 annotated images, and the folder has {images.Count}; annotate more, or set data.validationFraction to 0",
                nameof(images));
        }

        var count = Math.Clamp((int)Math.Round(heldOutFraction * images.Count), 1, images.Count - 1);
        var heldOut = images.OrderBy(i => Rank(i.Name, seed)).ThenBy(i => i.Name, StringComparer.Ordinal).Take(count).ToHashSet();
        return new AnnotatedSplit(images.Where(i => !heldOut.Contains(i)).ToList(), images.Where(heldOut.Contains).ToList());
    }

    /// <summary>A rank from the seed and the name alone (FNV-1a of the UTF-8 name, mixed with the seed).</summary>
    private static int Rank(string name, int seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return SampleSeed.Mix(seed, RankStream, 0, (long)hash);
    }
}
