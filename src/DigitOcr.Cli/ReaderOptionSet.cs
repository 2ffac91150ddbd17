using System.CommandLine;
using DigitOcr.CommandLine;
using DigitOcr.Inference;

namespace DigitOcr.Cli;

/// <summary>
/// The options of the live reading commands (<c>watch</c>, <c>serve</c>) that say what to read with: the model, the
/// directory, the score threshold, the pyramid, the recognizer, the second reading of small writing and the network's
/// engine; validated as they are parsed, like <c>detect</c>'s.
/// </summary>
internal sealed class ReaderOptionSet
{
    public Option<string?> Model { get; } = ValidatedOptions.ExistingFile("--model", "Model file (a DigitOcr checkpoint or a PyTorch state dict); default: the shipped model.", "a model file, such as runs/lite/best.pt");

    public Option<string?> Directory { get; } = ValidatedOptions.ExistingFile("--directory", "CSV phone directory (columns name, phone) to match the numbers against.", "a CSV file with columns name, phone");

    public Option<double?> Threshold { get; } = ValidatedOptions.Fraction("--threshold", "Minimum digit score, from 0 to 1 (default: the model's, 0.1).");

    public Option<int?> Pyramid { get; }

    public Option<string?> Recognizer { get; } = ValidatedOptions.ExistingFile("--recognizer", "Digit recognizer model file; default: the shipped recognizer.", "a recognizer model file, such as runs/recognizer/best.pt");

    public Option<bool> NoRecognizer { get; } = new("--no-recognizer") { Description = "Detector only: do not read each box a second time with the recognizer." };

    public Option<bool> NoReread { get; } = new("--no-reread") { Description = $"Do not read small writing (digits under {new DetectorOptions().RereadBelowHeight} px) a second time enlarged." };

    public Option<DetectorBackend?> Backend { get; } = ValidatedOptions.OptionalChoice<DetectorBackend>("--backend", $"Engine of the detector's network (default: {new DetectorOptions().EffectiveBackend.ToString().ToLowerInvariant()} on the CPU).");

    public Option<InferencePrecision> Precision { get; } = ValidatedOptions.Choice<InferencePrecision>("--precision", "Arithmetic of the detector's network: int8 runs it in 8-bit integers on ONNX Runtime (calibrated ranges); bfloat16 runs convolutions in bfloat16 on libtorch, fast on CPUs with native bfloat16");

    private readonly int? defaultPyramid;

    /// <param name="defaultPyramid">
    /// Pyramid passes by default: one for video, where speed matters and the writing is held at a reading distance;
    /// null for as many as the image size calls for (the detector's size policy).
    /// </param>
    public ReaderOptionSet(int? defaultPyramid)
    {
        this.defaultPyramid = defaultPyramid;
        var byDefault = defaultPyramid is { } levels ? $"default: {levels}" : "default: as many as the image size calls for";
        Pyramid = ValidatedOptions.OptionalInteger("--pyramid", $"The most passes at full, 1/4, 1/16... size, for large writing (1: the finest pass only; {byDefault})", 1, DigitOcr.Inference.DetectorOptions.MaxPyramidLevels);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Directory);
        command.Options.Add(Threshold);
        command.Options.Add(Pyramid);
        command.Options.Add(Recognizer);
        command.Options.Add(NoRecognizer);
        command.Options.Add(NoReread);
        command.Options.Add(Backend);
        command.Options.Add(Precision);
    }

    /// <summary>The detector options given on the command line.</summary>
    public DetectorOptions DetectorOptions(ParseResult parse) => new()
    {
        ScoreThreshold = parse.GetValue(Threshold),
        PyramidLevels = parse.GetValue(Pyramid) ?? defaultPyramid,
        UseRecognizer = !parse.GetValue(NoRecognizer),
        RereadBelowHeight = parse.GetValue(NoReread) ? null : new DetectorOptions().RereadBelowHeight,
        RecognizerPath = parse.GetValue(Recognizer),
        Backend = parse.GetValue(Backend),
        Precision = parse.GetValue(Precision),
    };
}
