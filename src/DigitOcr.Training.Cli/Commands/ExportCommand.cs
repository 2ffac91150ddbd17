using System.CommandLine;
using DigitOcr.CommandLine;
using DigitOcr.Model;
using DigitOcr.Training;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>export --checkpoint best.pt --output models/digitocr-lite.pt [--half]</c>: writes a model-only file (weights and
/// config, no optimizer or RNG state) for shipping; <c>--half</c> stores float32 weights as float16 (half the size;
/// they load back as float32).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var checkpoint = ValidatedOptions.ExistingFile("--checkpoint", "A checkpoint written by train (best.pt or last.pt).", "a detector checkpoint such as runs/lite/best.pt");
        checkpoint.Required = true;
        var output = ValidatedOptions.OutputFile("--output", "The model file to write (replaced if it exists; its folder is created).", "a file name such as models/digitocr-lite.pt");
        output.Required = true;
        var half = new Option<bool>("--half") { Description = "Store the weights as float16." };
        var command = new Command("export", "Write a model-only file for shipping from a training checkpoint.") { checkpoint, output, half };
        command.SetAction(parse =>
        {
            using var source = LoadCheckpoint(parse.GetValue(checkpoint)!);
            using var model = new SsdDetector(source.Config.Model);
            source.RestoreModel(model);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                Checkpoint.SaveModel(path, model, source.Config, source.Progress, parse.GetValue(half));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException(TrainerExitCodes.Files, $"--output: cannot write '{path}': {e.Message}", e);
            }

            Console.WriteLine($"{path}: {source.Config.Name}, epoch {source.Progress.Epoch}, step {source.Progress.Step}, best mAP {source.Progress.BestMetric:F4}, {new FileInfo(path).Length / 1e6:F1} MB");
            return 0;
        });
        return command;
    }

    /// <summary>The checkpoint in <paramref name="path"/>; a file that is not one is an error naming --checkpoint.</summary>
    private static Checkpoint LoadCheckpoint(string path)
    {
        try
        {
            return Checkpoint.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException(TrainerExitCodes.Files, $"--checkpoint: {e.Message}", e);
        }
    }
}
