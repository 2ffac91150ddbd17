using System.CommandLine;
using DigitOcr.CommandLine;
using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Onnx;
using DigitOcr.Torch;
using DigitOcr.Training;
using System.Text;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>export --checkpoint best.pt --output models/digitocr-lite.pt [--half] [--force]</c>: writes a model-only file
/// (weights and config, no optimizer or RNG state) for shipping, replacing an existing file only with <c>--force</c>;
/// <c>--half</c> stores float32 weights as float16 (half the size; they load back as float32).
/// <c>export --onnx --checkpoint best.pt --output model.onnx</c> writes the detector as an ONNX model instead
/// (<see cref="DetectorOnnxExporter"/>), from a checkpoint, a model file or a plain state dict of the reference
/// architecture; with <c>--int8</c>, in QDQ form over the ranges a model file carries.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var checkpoint = ValidatedOptions.ExistingFiles("--checkpoint", "A checkpoint written by train (best.pt or last.pt); with --onnx also a model file or a PyTorch state dict. Several recognizers (--checkpoint a.pt --checkpoint b.pt) are written as one ensemble file.", "a detector checkpoint such as runs/lite/best.pt");
        checkpoint.Required = true;
        var output = ValidatedOptions.OutputFile("--output", "The model file to write (its folder is created). An existing file is kept unless --force is given.", "a file name such as models/digitocr-lite.pt");
        output.Required = true;
        var half = new Option<bool>("--half") { Description = "Store the weights as float16." };
        var onnx = new Option<bool>("--onnx") { Description = "Write the detector as an ONNX model (opset 17; input 'image' [batch, 1, height, width], outputs 'loc', 'conf', 'feature_sizes')." };
        var force = new Option<bool>("--force") { Description = "Replace --output when it exists (a shipped model is replaced only when asked)." };
        var int8 = new Option<bool>("--int8") { Description = "With --onnx: write it in QDQ form, int8 weights and uint8 activations over the ranges the model file carries (batch norm folded)." };
        var command = new Command("export", "Write a model-only file for shipping, or an ONNX model, from a training checkpoint.") { checkpoint, output, half, onnx, int8, force };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var sources = parse.GetValue(checkpoint)!;
            if (File.Exists(path) && !parse.GetValue(force))
            {
                throw new CommandLineException(TrainerExitCodes.Files, $"--output: '{path}' exists and export does not replace it unless asked: add --force to replace it, or choose another --output");
            }

            if (sources.Length > 1)
            {
                return parse.GetValue(onnx) || parse.GetValue(int8) || parse.GetValue(half)
                    ? throw new CommandLineException(TrainerExitCodes.Usage, "several --checkpoint files make a recognizer ensemble, written as a .pt file in float32 (drop --onnx, --int8 and --half)")
                    : ExportEnsemble(sources, path);
            }

            if (parse.GetValue(onnx))
            {
                if (parse.GetValue(half))
                {
                    throw new CommandLineException(TrainerExitCodes.Usage, "--half applies to .pt model files; an ONNX model is written in float32 (drop --half or --onnx)");
                }

                return ExportOnnx(sources[0], path, parse.GetValue(int8));
            }

            if (parse.GetValue(int8))
            {
                throw new CommandLineException(TrainerExitCodes.Usage, "--int8 chooses the ONNX model's form; a .pt model file carries its int8 ranges anyway (add --onnx, or drop --int8)");
            }

            if (RecognizerIn(sources[0]) is { } recognizer)
            {
                using (recognizer)
                {
                    return ExportRecognizer(recognizer, path);
                }
            }

            using var source = LoadCheckpoint(sources[0]);
            using var model = new SsdDetector(source.Config.Model);
            source.RestoreModel(model);
            model.eval();
            // Every shipped model can run in int8: the activation ranges travel with the weights. Calibrating needs
            // MNIST; without it the model is still written (float32 and bfloat16 need no ranges), and that is said.
            IReadOnlyDictionary<string, ActivationRange>? ranges = null;
            try
            {
                ranges = Int8Calibration.Measure(model, source.Config);
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"trainer: warning: no int8 ranges written, so the model cannot run with --precision int8: {e.Message}");
            }

            using var rangesEntry = ranges is null ? null : torch.tensor(Encoding.UTF8.GetBytes(ActivationRanges.ToJson(ranges)));
            Write(path, () => Checkpoint.SaveModel(path, model, source.Config, source.Progress, parse.GetValue(half), rangesEntry is null ? null : [new(ModelFile.ActivationRangesKey, rangesEntry)]));
            Console.WriteLine($"{path}: {source.Config.Name}, epoch {source.Progress.Epoch}, step {source.Progress.Step}, best mAP {source.Progress.BestMetric:F4}, {new FileInfo(path).Length / 1e6:F1} MB; " +
                (ranges is null ? "no int8 ranges" : $"int8 ranges of {ranges.Count} activations from {Int8Calibration.Crops} training crops"));
            return 0;
        });
        return command;
    }

    /// <summary>The file at <paramref name="path"/> when it holds a digit recognizer; else null (the caller reads it as a detector checkpoint).</summary>
    private static ModelFile? RecognizerIn(string path)
    {
        ModelFile file;
        try
        {
            file = ModelFile.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (file.Recognizer is null)
        {
            file.Dispose();
            return null;
        }

        return file;
    }

    /// <summary>A recognizer file written again with its int8 ranges (weights and config as they were, float32).</summary>
    private static int ExportRecognizer(ModelFile file, string path) => ExportEnsemble([file], path);

    /// <summary>
    /// The recognizers in <paramref name="sources"/>, one architecture, as one ensemble file (their probabilities are
    /// averaged when it reads), each member with its own int8 ranges. A member may itself be an ensemble file.
    /// </summary>
    private static int ExportEnsemble(IReadOnlyList<string> sources, string path)
    {
        var files = new List<ModelFile>();
        try
        {
            foreach (var source in sources)
            {
                files.Add(RecognizerIn(source)
                    ?? throw new CommandLineException(TrainerExitCodes.Files, $"--checkpoint: '{source}' is not a digit recognizer; an ensemble is made of recognizers (best.pt of runs of configs/recognizer.json)"));
            }

            return ExportEnsemble(files, path);
        }
        finally
        {
            files.ForEach(f => f.Dispose());
        }
    }

    private static int ExportEnsemble(IReadOnlyList<ModelFile> files, string path)
    {
        var ensembles = new List<RecognizerEnsemble>();
        try
        {
            foreach (var file in files)
            {
                try
                {
                    ensembles.Add(RecognizerEnsemble.Load(file));
                }
                catch (InvalidDataException e)
                {
                    throw new CommandLineException(TrainerExitCodes.Files, $"--checkpoint: {e.Message}", e);
                }
            }

            var members = ensembles.SelectMany(e => e.Members).ToList();
            if (members.Count > RecognizerConfig.MaxMembers)
            {
                throw new CommandLineException(TrainerExitCodes.Usage, $"--checkpoint: {members.Count} recognizers; an ensemble holds at most {RecognizerConfig.MaxMembers}");
            }

            var ranges = new List<IReadOnlyDictionary<string, ActivationRange>>();
            var crops = 0;
            foreach (var member in members)
            {
                ranges.Add(Int8Calibration.Measure(member, member.Config, out crops));
            }

            var configJson = Encoding.UTF8.GetString(files[0].Entries[ModelFile.ConfigKey].data<byte>());
            try
            {
                Write(path, () => RecognizerEnsemble.Save(path, members, configJson, ranges));
            }
            catch (ArgumentException e)
            {
                throw new CommandLineException(TrainerExitCodes.Usage, $"--checkpoint: {e.Message}", e);
            }

            var what = members.Count == 1 ? "digit recognizer" : $"digit recognizer ensemble of {members.Count}";
            Console.WriteLine($"{path}: {what}, {new FileInfo(path).Length / 1e6:F1} MB; int8 ranges of {ranges.Sum(r => r.Count)} activations from {crops} crops");
            return 0;
        }
        finally
        {
            ensembles.ForEach(e => e.Dispose());
        }
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

    private static int ExportOnnx(string source, string path, bool int8)
    {
        ModelFile file;
        try
        {
            file = ModelFile.Load(source);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException(TrainerExitCodes.Files, $"--checkpoint: {e.Message}", e);
        }

        using (file)
        {
            if (file.Recognizer is not null)
            {
                throw new CommandLineException(TrainerExitCodes.Files, $"--checkpoint: '{source}' holds a digit recognizer; --onnx exports a detector (pass a detector's best.pt)");
            }

            // A plain state dict carries no config: it is the reference architecture, as DigitDetector.Load reads it.
            var config = file.Config ?? new ModelConfig();
            using var model = new SsdDetector(config.Model);
            try
            {
                file.LoadInto(model, config);
            }
            catch (InvalidDataException e)
            {
                throw new CommandLineException(TrainerExitCodes.Files, $"--checkpoint: {e.Message}", e);
            }

            model.eval();
            if (!int8)
            {
                Write(path, () => DetectorOnnxExporter.Save(model, config, path));
                Console.WriteLine($"{path}: {config.Name} as ONNX (opset {DetectorOnnxExporter.Opset}, float32), {new FileInfo(path).Length / 1e6:F1} MB");
                return 0;
            }

            var ranges = file.ActivationRanges
                ?? throw new CommandLineException(TrainerExitCodes.Files, $"--int8: '{source}' carries no activation ranges; export it as a .pt model first (export --checkpoint {source} --output model.pt), which calibrates them, then --onnx --int8 from that file");
            BatchNormFolding.Fold(model);
            Write(path, () => File.WriteAllBytes(path, DetectorOnnxExporter.ExportInt8(model, config, ranges)));
            Console.WriteLine($"{path}: {config.Name} as ONNX (opset {DetectorOnnxExporter.Opset}, int8 QDQ over {ranges.Count} calibrated activations), {new FileInfo(path).Length / 1e6:F1} MB");
            return 0;
        }
    }

    /// <summary>Writes <paramref name="path"/> (its folder created); a failure is an error naming --output.</summary>
    private static void Write(string path, Action write)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException(TrainerExitCodes.Files, $"--output: cannot write '{path}': {e.Message}", e);
        }
    }
}
