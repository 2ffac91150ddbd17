using System.CommandLine;
using DigitOcr.Data.Mnist;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>evaluate-recognizer --model FILE</c>: the digit recognizer as a classifier on MNIST's 10,000 test digits
/// (<see cref="MnistClassification"/>).
/// </summary>
internal static class EvaluateRecognizerCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "Recognizer model file (best.pt of a recognizer run, or models/digitocr-recognizer.pt).", Required = true };
        var command = new Command("evaluate-recognizer", "The digit recognizer's accuracy on MNIST's test digits.") { model };
        command.SetAction(parse =>
        {
            using var file = ModelFile.Load(parse.GetValue(model)!.FullName);
            var config = file.Recognizer ?? throw new InvalidDataException($"'{file.Source}' is not a recognizer model");
            using var recognizer = new DigitRecognizer(config);
            recognizer.load_state_dict(file.Weights);
            var test = MnistData.LoadMnist(Path.Combine(DataFolder.Resolve(), DataFolder.MnistFolderName), MnistSplit.Test);
            var result = MnistClassification.Run(recognizer, test);
            Console.WriteLine($"MNIST test ({result.Digits} digits): accuracy {result.Accuracy:P2} (all 11 classes), {result.DigitOnlyAccuracy:P2} (best digit), called not-a-digit {result.Rejected:P2}");
            return 0;
        });
        return command;
    }
}
