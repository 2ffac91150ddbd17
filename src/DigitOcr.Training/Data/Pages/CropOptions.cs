using DigitOcr.Training;

namespace DigitOcr.Data.Pages;

/// <summary>How a page is cut into fixed-size training crops, and what happens to digits the cut goes through.</summary>
public sealed record CropOptions
{
    /// <summary>Crop width in pixels (the model's input width).</summary>
    public int Width { get; init; } = 224;

    /// <summary>Crop height in pixels (the model's input height).</summary>
    public int Height { get; init; } = 224;

    /// <summary>Crops cut from each page (they share the page's layout cost; each gets its own photo effects).</summary>
    public int CropsPerPage { get; init; } = 4;

    /// <summary>Probability that a crop is centred near a digit; the others fall anywhere (background-heavy crops).</summary>
    public double ContentProbability { get; init; } = 0.85;

    /// <summary>A digit cut by the crop border keeps a plain box when at least this fraction of its ink is inside; otherwise it is ignored.</summary>
    public double KeepVisibleFraction { get; init; } = 0.7;

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.AtLeast(Width, 16, nameof(Width)),
        OptionChecks.AtLeast(Height, 16, nameof(Height)),
        OptionChecks.AtLeast(CropsPerPage, 1, nameof(CropsPerPage)),
        OptionChecks.Probability(ContentProbability, nameof(ContentProbability)),
        OptionChecks.Probability(KeepVisibleFraction, nameof(KeepVisibleFraction)));
}
