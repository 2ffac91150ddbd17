using DigitOcr.Data.Mnist;
using DigitOcr.Training;

namespace DigitOcr.Data.Sources;

/// <summary>Builds the sample source that <see cref="DataOptions"/> name, for a split.</summary>
public static class SampleSources
{
    /// <summary>
    /// The source of <paramref name="options"/>'s preset for <paramref name="split"/>: MNIST train digits for
    /// <see cref="DataSplit.Train"/>, MNIST test digits for validation and test (and the matching Fashion-MNIST half
    /// for clutter). Loads the data on first use (shared through <see cref="GlyphSetCache"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">MNIST or Fashion-MNIST is missing; the message says how to get it.</exception>
    public static ISampleSource Create(DataOptions options, DataSplit split)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        var mnistSplit = MnistSplitOf(split);
        var digits = GlyphSetCache.Mnist(mnistSplit, options.DataFolder);
        return options.Preset switch
        {
            DataPreset.Reference => new ReferenceSampleSource(digits, options.Reference, split, options.Seed),
            DataPreset.Pages => new PageSampleSource(
                digits,
                options.Pages.Clutter.FashionWeight > 0 ? GlyphSetCache.FashionMnist(mnistSplit, options.FashionMnistFolder) : null,
                options.Pages,
                split,
                options.Seed,
                options.EvaluationSamples),
            _ => throw new ArgumentException($"Unknown data preset '{options.Preset}'.", nameof(options)),
        };
    }

    /// <summary>The MNIST half a split may use: training digits for training only.</summary>
    public static MnistSplit MnistSplitOf(DataSplit split) => split == DataSplit.Train ? MnistSplit.Train : MnistSplit.Test;
}
