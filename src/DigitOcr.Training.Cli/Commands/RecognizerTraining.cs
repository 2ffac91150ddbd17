using DigitOcr.Training.Recognition;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>train --config configs/recognizer.json</c>: the recognizer's side of the train command (a config with
/// <c>"task": "recognizer"</c>). Prints harvest and epoch lines; Ctrl-C stops after the current batch.
/// </summary>
internal static class RecognizerTraining
{
    public static int Run(string configPath, string? output, bool resume, int? epochs, int? batchSize, double? learningRate, int? seed, int? threads, string? init, int? initMember, CancellationToken cancellation)
    {
        var loaded = RecognizerTrainingConfig.Load(configPath);
        var t = loaded.Training;
        var config = (loaded with
        {
            Training = t with
            {
                Epochs = epochs ?? t.Epochs,
                BatchSize = batchSize ?? t.BatchSize,
                LearningRate = learningRate ?? t.LearningRate,
                Seed = seed ?? t.Seed,
                Threads = threads ?? t.Threads,
                Init = init ?? t.Init,
            },
            InitMember = initMember ?? loaded.InitMember,
            Data = loaded.Data with { Seed = seed ?? loaded.Data.Seed },
        }).Validated("the config with its overrides");
        var folder = output ?? Path.Combine("runs", config.Name);
        RunFolder.EnsureNoOtherRun(folder, resume);
        var trainer = new RecognizerTrainer(config, folder);
        trainer.Progress += Console.WriteLine;
        Console.WriteLine($"training recognizer {config.Name}: {config.Data.TrainPages} pages of crops, {config.Training.Epochs} epochs, batch {config.Training.BatchSize}, {config.Training.Optimizer} lr {config.Training.LearningRate:G3}, {(config.Training.Init is { } from ? $"from {from}" : "random weights")}, output {folder}");
        var accuracy = trainer.Run(resume, cancellation);
        Console.WriteLine($"done: validation {accuracy}; best: {trainer.BestPath}, last: {trainer.LastPath}");
        return cancellation.IsCancellationRequested ? 130 : 0;
    }
}
