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

    private readonly IReadOnlyList<IRecognizerNetwork> networks;
    private readonly RecognizerEnsemble? ensemble;
    private readonly RecognizerConfig config;
    private readonly FusionOptions fusion;

    private RecognizerStage(IReadOnlyList<IRecognizerNetwork> networks, RecognizerEnsemble? ensemble, RecognizerConfig config, FusionOptions fusion, string source)
    {
        this.networks = networks;
        this.ensemble = ensemble;
        this.config = config;
        this.fusion = fusion;
        Source = source;
    }

    /// <summary>Where the recognizer's weights came from.</summary>
    public string Source { get; }

    /// <summary>
    /// The recognizer in <paramref name="file"/> (one network, or an ensemble whose probabilities are averaged:
    /// <see cref="RecognizerEnsemble"/>), on the detector's engine: ONNX Runtime beside an ONNX Runtime detector (a
    /// page's recognizer share fell from 17-26 to 10-22 ms: README.md, Speed), else libtorch on <paramref name="device"/>.
    /// With <paramref name="precision"/> int8 it runs in int8 too when the file carries calibrated ranges (the shipped
    /// one does); a file without them runs in float32, which is slower but reads the same.
    /// </summary>
    public static RecognizerStage Load(ModelFile file, FusionOptions fusion, Device device, DetectorBackend backend, InferencePrecision precision = InferencePrecision.Float32)
    {
        var ensemble = RecognizerEnsemble.Load(file);
        var networks = new List<IRecognizerNetwork>();
        try
        {
            var config = ensemble.Config;
            foreach (var member in ensemble.Members)
            {
                BatchNormFolding.Fold(member);
            }

            if (backend != DetectorBackend.OnnxRuntime)
            {
                foreach (var member in ensemble.Members)
                {
                    member.to(device);
                    networks.Add(new LibtorchRecognizer(member, device));
                }

                return new RecognizerStage(networks, ensemble, config, fusion, file.Source);
            }

            // ONNX Runtime sessions copy the weights: the ensemble is not needed once they exist.
            for (var i = 0; i < config.Members; i++)
            {
                var ranges = file.ActivationRanges is { } all ? RecognizerEnsemble.MemberEntries(all, i, config.Members) : null;
                networks.Add(precision == InferencePrecision.Int8 && ranges is { Count: > 0 }
                    ? OnnxRuntimeRecognizer.CreateInt8(ensemble.Members[i], ranges, torch.get_num_threads())
                    : OnnxRuntimeRecognizer.Create(ensemble.Members[i], torch.get_num_threads()));
            }

            ensemble.Dispose();
            return new RecognizerStage(networks, null, config, fusion, file.Source);
        }
        catch
        {
            networks.ForEach(n => n.Dispose());
            ensemble.Dispose();
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
                probabilities = Probabilities(crops).contiguous().data<float>();
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

    public void Dispose()
    {
        foreach (var network in networks)
        {
            network.Dispose();
        }

        ensemble?.Dispose();
    }

    /// <summary>The reading of every crop (<see cref="RecognizerEnsemble.Read"/>), inside the caller's dispose scope.</summary>
    private Tensor Probabilities(Tensor crops) =>
        RecognizerEnsemble.Read(crops, networks.Select(n => (Func<Tensor, Tensor>)n.Forward).ToList(), fusion.SecondOpinionBelow);
}
