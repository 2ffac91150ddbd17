using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Chooses where a page is cut into fixed-size crops: most crops centred near a random digit (shifted by up to a
/// third of the crop, so digits are often cut by the border), the rest anywhere (background-heavy crops).
/// </summary>
public sealed class CropCutter
{
    private const double CentreJitter = 0.35;
    private readonly CropOptions options;

    public CropCutter(CropOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        this.options = options;
    }

    /// <summary>
    /// Cuts <paramref name="page"/> into the crops <see cref="Choose"/> picks and sends each through
    /// <paramref name="photo"/>. The caller owns the crops (on failure, those made so far are freed).
    /// </summary>
    public List<Scene> Cut(Scene page, Pipeline photo, Random rng)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var crops = new List<Scene>(options.CropsPerPage);
        try
        {
            foreach (var rect in Choose(page, rng))
            {
                var crop = page.Crop(rect);
                crops.Add(crop);
                photo.Apply(crop, rng);
            }

            return crops;
        }
        catch
        {
            crops.ForEach(c => c.Dispose());
            throw;
        }
    }

    /// <summary>The crop rectangles for <paramref name="page"/>, each <see cref="CropOptions.Width"/> x <see cref="CropOptions.Height"/> inside it.</summary>
    /// <exception cref="ArgumentException">The page is smaller than a crop.</exception>
    public IReadOnlyList<PixelRect> Choose(Scene page, Random rng)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Width < options.Width || page.Height < options.Height)
        {
            throw new ArgumentException(
                $"A {page.Width}x{page.Height} page cannot hold a {options.Width}x{options.Height} crop.", nameof(page));
        }

        var crops = new PixelRect[options.CropsPerPage];
        for (var i = 0; i < crops.Length; i++)
        {
            double cx, cy;
            if (page.Digits.Count > 0 && rng.Chance(options.ContentProbability))
            {
                var ink = rng.Pick(page.Digits).Ink.InkBounds;
                cx = ink.X + (ink.Width / 2.0) + (rng.Symmetric(CentreJitter) * options.Width);
                cy = ink.Y + (ink.Height / 2.0) + (rng.Symmetric(CentreJitter) * options.Height);
            }
            else
            {
                cx = rng.Uniform(0, page.Width);
                cy = rng.Uniform(0, page.Height);
            }

            var x = Math.Clamp((int)Math.Round(cx - (options.Width / 2.0)), 0, page.Width - options.Width);
            var y = Math.Clamp((int)Math.Round(cy - (options.Height / 2.0)), 0, page.Height - options.Height);
            crops[i] = new PixelRect(x, y, options.Width, options.Height);
        }

        return crops;
    }
}
