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

    /// <summary>Builds the model of <paramref name="config"/> and measures it at a square input (one forward pass on a blank image).</summary>
    public static ModelSummary Measure(ModelConfig config, int inputSize)
    {
        using var model = new SsdDetector(config.Model);
        model.eval();
        IReadOnlyList<(int Height, int Width)> sizes;
        long multiplyAdds;
        using (var scope = torch.NewDisposeScope())
        using (torch.inference_mode())
        using (var counter = new MultiplyAddCounter())
        {
            using var output = model.forward(torch.zeros([1, config.Model.InputChannels, inputSize, inputSize]));
            sizes = output.FeatureSizes;
            multiplyAdds = counter.MultiplyAdds;
        }

        return new ModelSummary(
            config.Name,
            inputSize,
            model.backbone.parameter_count(),
            model.decoder.parameter_count(),
            model.loc.parameter_count() + model.conf.parameter_count(),
            new PriorBoxGenerator(config.Priors).Count(sizes),
            sizes,
            multiplyAdds);
    }
}
