using DigitOcr.Config;
using DigitOcr.Priors;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>Size and cost of a detector configuration: parameters per part, priors and multiply-adds at the input size.</summary>
public sealed record ModelSummary(
    string Name,
    int InputSize,
    long BackboneParameters,
    long NeckParameters,
    long HeadParameters,
    int Priors,
    IReadOnlyList<(int Height, int Width)> FeatureSizes,
    long MultiplyAdds)
{
    public long TotalParameters => BackboneParameters + NeckParameters + HeadParameters;

    /// <summary>Builds the model of <paramref name="config"/> and measures it (one forward pass on a blank image).</summary>
    public static ModelSummary Measure(DetectorConfig config)
    {
        using var model = new SsdDetector(config.Model);
        model.eval();
        var sizes = FeatureGeometry.FeatureSizes(config.InputSize, config.InputSize);
        long multiplyAdds;
        using (var scope = torch.NewDisposeScope())
        using (torch.inference_mode())
        using (var counter = new MultiplyAddCounter())
        {
            using var output = model.forward(torch.zeros([1, config.Model.InputChannels, config.InputSize, config.InputSize]));
            if (!output.FeatureSizes.SequenceEqual(sizes))
            {
                throw new InvalidOperationException("feature sizes from the model differ from FeatureGeometry's");
            }

            multiplyAdds = counter.MultiplyAdds;
        }

        return new ModelSummary(
            config.Name,
            config.InputSize,
            model.backbone.parameter_count(),
            model.decoder.parameter_count(),
            model.loc.parameter_count() + model.conf.parameter_count(),
            new PriorBoxGenerator(config.Priors).Count(sizes),
            sizes,
            multiplyAdds);
    }
}
