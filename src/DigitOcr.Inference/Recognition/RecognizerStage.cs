using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Inference.Backends;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Postprocess;
using DigitOcr.Recognition;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Inference.Recognition;

/// <summary>
/// The second stage of <see cref="DigitDetector"/>: reads every detected box with the digit recognizer and fuses the
/// two readings (<see cref="RecognitionFusion"/>): junk boxes are dropped, misread digits corrected, alternatives
/// kept. Owns its model; thread-safe like the detector.
/// </summary>
internal sealed class RecognizerStage : IDisposable
{
    /// <summary>Crops per forward pass: bounds memory on pages with very many boxes.</summary>
    private const int MaxBatch = 256;

    private readonly IRecognizerNetwork network;
    private readonly RecognizerConfig config;
    private readonly FusionOptions fusion;

    private RecognizerStage(IRecognizerNetwork network, RecognizerConfig config, FusionOptions fusion, string source)
    {
        this.network = network;
        this.config = config;
        this.fusion = fusion;
        Source = source;
    }

    /// <summary>Where the recognizer's weights came from.</summary>
    public string Source { get; }

    /// <summary>
    /// The recognizer in <paramref name="file"/>, on the detector's engine: ONNX Runtime beside an ONNX Runtime detector
    /// (a page's recognizer share fell from 17-26 to 10-22 ms: README.md, Speed), else libtorch on <paramref name="device"/>.
    /// With <paramref name="precision"/> int8 it runs in int8 too when the file carries calibrated ranges (the shipped
    /// one does); a file without them runs in float32, which is slower but reads the same.
    /// </summary>
    public static RecognizerStage Load(ModelFile file, FusionOptions fusion, Device device, DetectorBackend backend, InferencePrecision precision = InferencePrecision.Float32)
    {
        var config = file.Recognizer
            ?? throw new InvalidDataException($"'{file.Source}' holds no digit recognizer (its meta.config has no \"task\": \"recognizer\"); pass a model trained with configs/recognizer.json");
        var model = new DigitRecognizer(config);
        try
        {
            model.load_state_dict(file.Weights);
        }
        catch (StateDictMismatchException e)
        {
            model.Dispose();
            throw new InvalidDataException($"the weights in '{file.Source}' do not fit the recognizer its config describes (widths {string.Join("/", config.Widths)}). {e.Message}", e);
        }

        try
        {
            BatchNormFolding.Fold(model);
            model.eval();
            if (backend == DetectorBackend.OnnxRuntime)
            {
                using (model)
                {
                    var network = precision == InferencePrecision.Int8 && file.ActivationRanges is { } ranges
                        ? OnnxRuntimeRecognizer.CreateInt8(model, ranges, torch.get_num_threads())
                        : OnnxRuntimeRecognizer.Create(model, torch.get_num_threads());
                    return new RecognizerStage(network, config, fusion, file.Source);
                }
            }

            model.to(device);
            return new RecognizerStage(new LibtorchRecognizer(model, device), config, fusion, file.Source);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The fused detections of one gray image, best score first (dropped boxes removed).</summary>
    public IReadOnlyList<Detection> Apply(Image gray, IReadOnlyList<Detection> detections)
    {
        if (detections.Count == 0)
        {
            return detections;
        }

        var fused = new List<Detection>(detections.Count);
        for (var start = 0; start < detections.Count; start += MaxBatch)
        {
            var chunk = detections.Skip(start).Take(MaxBatch).ToList();
            float[] probabilities;
            using (var scope = torch.NewDisposeScope())
            using (torch.inference_mode())
            {
                var crops = DigitCrops.Extract(gray, chunk.Select(d => d.Box).ToList(), config);
                probabilities = torch.nn.functional.softmax(network.Forward(crops), 1).contiguous().data<float>();
            }

            for (var i = 0; i < chunk.Count; i++)
            {
                if (RecognitionFusion.Fuse(chunk[i], probabilities.AsSpan(i * RecognizerConfig.Classes, RecognizerConfig.Classes), fusion) is { } kept)
                {
                    fused.Add(kept);
                }
            }
        }

        return fused.OrderByDescending(d => d.Score).ToList();
    }

    public void Dispose() => network.Dispose();
}
