using System.CommandLine;
using DigitOcr.CommandLine;
using DigitOcr.Data.Mnist;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>evaluate-recognizer --model FILE [--digits N]</c>: the digit recognizer as a classifier on MNIST's 10,000 test digits (or the first N)
/// (<see cref="MnistClassification"/>).
/// </summary>
internal static class EvaluateRecognizerCommand
{
    private const int AllTestDigits = 10_000;

    public static Command Create()
    {
        var model = ValidatedOptions.ExistingFile("--model", "Recognizer model file (best.pt of a recognizer run, or models/digitocr-recognizer.pt).", "a recognizer model file, such as models/digitocr-recognizer.pt");
        model.Required = true;
        var digits = ValidatedOptions.Integer("--digits", "Read the first N of MNIST's test digits", AllTestDigits, 1, AllTestDigits);
        var command = new Command("evaluate-recognizer", "The digit recognizer's accuracy on MNIST's test digits.") { model, digits };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(model)!;
            using var recognizer = LoadRecognizer(path);
            var test = MnistData.LoadMnist(Path.Combine(DataFolder.Resolve(), DataFolder.MnistFolderName), MnistSplit.Test).First(parse.GetValue(digits));
            var result = MnistClassification.Run(recognizer, test, new DigitOcr.Recognition.FusionOptions().SecondOpinionBelow);
            var members = recognizer.Members.Count == 1 ? string.Empty : $", ensemble of {recognizer.Members.Count}";
            Console.WriteLine($"MNIST test ({result.Digits} digits{members}): accuracy {result.Accuracy:P2} (all 11 classes), {result.DigitOnlyAccuracy:P2} (best digit), called not-a-digit {result.Rejected:P2}");
            return 0;
        });
        return command;
    }

    /// <summary>The recognizer in <paramref name="path"/> (one network or an ensemble); a file that is not one is an error naming --model.</summary>
    private static RecognizerEnsemble LoadRecognizer(string path)
    {
        try
        {
            using var file = ModelFile.Load(path);
            if (file.Recognizer is null)
            {
                throw new InvalidDataException($"'{path}' is a detector model, not a recognizer; give a recognizer model such as models/digitocr-recognizer.pt");
            }

            return RecognizerEnsemble.Load(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException(TrainerExitCodes.Files, $"--model: {e.Message}", e);
        }
    }
}
