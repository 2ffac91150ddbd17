using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Data;
using DigitOcr.Data.Sources;
using DigitOcr.Inference.Backends;
using DigitOcr.Model;
using DigitOcr.Onnx;
using DigitOcr.Recognition;
using DigitOcr.Torch;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// The activation ranges <c>export</c> stores in a model file for int8 inference: the float model (batch norm folded,
/// as <c>DigitDetector</c> runs it) on <see cref="Crops"/> training crops of the <c>pages</c> preset, drawn from MNIST
/// training digits with a fixed seed, so a model exported twice gets the same ranges. A recognizer is calibrated on
/// the recognizer's crops of those crops' digits, and of the same boxes moved one box width aside (half digits,
/// neighbours, background: what its "not a digit" class sees).
/// </summary>
internal static class Int8Calibration
{
    public const int Crops = 64;
    private const int Batch = 16;
    private const int Seed = 20_261_202;

    /// <summary>The recognizer's ranges (<paramref name="weights"/> not changed: a copy is folded); <paramref name="count"/>: crops read.</summary>
    public static IReadOnlyDictionary<string, ActivationRange> Measure(DigitRecognizer weights, RecognizerConfig config, out int count)
    {
        using var model = new DigitRecognizer(config);
        using (var state = weights.state_dict())
        {
            model.load_state_dict(state);
        }

        BatchNormFolding.Fold(model);
        var source = SampleSources.Create(new DataOptions { Preset = DataPreset.Pages, Seed = Seed }, DataSplit.Train);
        var batches = new List<Tensor>();
        try
        {
            count = 0;
            var read = 0;
            for (long group = 0; read < Crops; group++)
            {
                foreach (var sample in source.GenerateGroup(0, group))
                {
                    read++;
                    using (sample)
                    {
                        var digits = sample.Boxes.Where(b => !b.Ignored).Select(b => b.Box).ToList();
                        var aside = digits.Select(b => new Box(b.X1 + (b.X2 - b.X1), b.Y1, b.X2 + (b.X2 - b.X1), b.Y2));
                        List<Box> boxes = [.. digits, .. aside];
                        if (boxes.Count > 0)
                        {
                            batches.Add(DigitCrops.Extract(sample.Image, boxes, config));
                            count += boxes.Count;
                        }
                    }
                }
            }

            return OnnxCalibration.Measure(model, batches, torch.get_num_threads());
        }
        finally
        {
            batches.ForEach(b => b.Dispose());
        }
    }

    /// <summary>The ranges of <paramref name="weights"/> (not changed: a copy is folded).</summary>
    public static IReadOnlyDictionary<string, ActivationRange> Measure(SsdDetector weights, TrainingConfig config)
    {
        using var model = new SsdDetector(config.Model);
        using (var state = weights.state_dict())
        {
            model.load_state_dict(state);
        }

        BatchNormFolding.Fold(model);
        var source = SampleSources.Create(config.Data with { Preset = DataPreset.Pages, Seed = Seed }, DataSplit.Train);
        return OnnxCalibration.Measure(model, config.ModelConfig, Batches(source), torch.get_num_threads());
    }

    /// <summary><see cref="Crops"/> crops in batches of <see cref="Batch"/>, normalised as the detector's input; each batch is disposed when the next is asked for.</summary>
    private static IEnumerable<Tensor> Batches(ISampleSource source)
    {
        var crops = new List<Sample>();
        for (long group = 0; crops.Count < Crops; group++)
        {
            crops.AddRange(source.GenerateGroup(0, group));
        }

        try
        {
            var (width, height) = (crops[0].Width, crops[0].Height);
            for (var start = 0; start + Batch <= Crops; start += Batch)
            {
                var pixels = new byte[Batch * width * height];
                for (var i = 0; i < Batch; i++)
                {
                    crops[start + i].Image.ToPixels().CopyTo(pixels, i * width * height);
                }

                using var bytes = torch.tensor(pixels, [Batch, 1, height, width]);
                using var normalized = ImageNormalization.Normalize(bytes);
                yield return normalized;
            }
        }
        finally
        {
            crops.ForEach(c => c.Dispose());
        }
    }
}
