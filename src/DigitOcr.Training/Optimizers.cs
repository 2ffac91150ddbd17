using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Optim;

namespace DigitOcr.Training;

/// <summary>The optimizer a recipe names (<see cref="TrainingOptions.Optimizer"/>), for the detector's and the recognizer's trainers alike.</summary>
public static class Optimizers
{
    public static Optimizer Create(TrainingOptions options, IEnumerable<Parameter> parameters) => options.Optimizer switch
    {
        OptimizerKind.AdamW => new AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay),
        _ => new SGD(parameters, options.LearningRate, options.Momentum, weight_decay: options.WeightDecay),
    };
}
