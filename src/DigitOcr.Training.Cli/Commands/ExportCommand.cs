using System.CommandLine;
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
        var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "A checkpoint written by train (best.pt or last.pt).", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "The model file to write.", Required = true };
        var half = new Option<bool>("--half") { Description = "Store the weights as float16." };
        var command = new Command("export", "Write a model-only file for shipping from a training checkpoint.") { checkpoint, output, half };
        command.SetAction(parse =>
        {
            using var source = Checkpoint.Load(parse.GetValue(checkpoint)!.FullName);
            using var model = new SsdDetector(source.Config.Model);
            source.RestoreModel(model);
            var path = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Checkpoint.SaveModel(path, model, source.Config, source.Progress, parse.GetValue(half));
            Console.WriteLine($"{path}: {source.Config.Name}, epoch {source.Progress.Epoch}, step {source.Progress.Step}, best mAP {source.Progress.BestMetric:F4}, {new FileInfo(path).Length / 1e6:F1} MB");
            return 0;
        });
        return command;
    }
}
