using DigitOcr.Config;
using DigitOcr.Training;

namespace DigitOcr.Tests.Support;

/// <summary>A tiny detector (stage widths 8-64, 64 x 64 input) and a recipe that trains it in seconds.</summary>
public static class TinyTraining
{
    public static TrainingConfig Config(int epochs, int imagesPerEpoch, int batchSize = 8, OptimizerKind optimizer = OptimizerKind.Sgd, double lr = 0.01) => new TrainingConfig
    {
        Name = "tiny",
        InputSize = 64,
        Model = new ModelOptions { Widths = [8, 16, 32, 64] },
        Training = new TrainingOptions
        {
            Epochs = epochs,
            ImagesPerEpoch = imagesPerEpoch,
            BatchSize = batchSize,
            Optimizer = optimizer,
            LearningRate = lr,
            Momentum = 0.9,
            Milestones = [1],
            Threads = 2,
            ValidationImages = 0,
            CheckpointMinutes = 1000,
        },
    }.Validated();
}
