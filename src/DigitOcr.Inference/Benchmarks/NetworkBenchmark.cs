using System.Diagnostics;
using DigitOcr.Config;
using DigitOcr.Inference.Backends;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Torch;

namespace DigitOcr.Inference.Benchmarks;

/// <summary>
/// Times the detector's network alone — no decoding, scaling, post-processing or recognizer — on each backend, with
/// the weights of one model file and one preprocessed input, so that engines can be compared on the same work (and
/// with PyTorch, which <c>digitocr bench --pytorch</c> feeds the same weights and input). Owns the loaded file.
/// </summary>
public sealed class NetworkBenchmark : IDisposable
{
    private readonly ModelFile file;

    private NetworkBenchmark(ModelFile file, ModelConfig config)
    {
        this.file = file;
        Config = config;
    }

    /// <summary>The architecture the weights are loaded into.</summary>
    public ModelConfig Config { get; }

    /// <summary>The weights as stored (reference names, float32 or float16); owned by this object.</summary>
    public IReadOnlyDictionary<string, Tensor> Weights => file.Weights;

    /// <summary>
    /// Loads a detector file as <see cref="DigitDetector.Load"/> does: <paramref name="modelPath"/>, or the shipped
    /// model when null; a plain state dict has <see cref="DetectorOptions.ConfigForStateDict"/>'s architecture.
    /// </summary>
    public static NetworkBenchmark Load(string? modelPath, DetectorOptions? options = null)
    {
        options ??= new DetectorOptions();
        ModelFile file;
        if (modelPath is null)
        {
            using var stream = DefaultModel.Open();
            file = ModelFile.Load(stream, DefaultModel.Name);
        }
        else
        {
            file = ModelFile.Load(modelPath);
        }

        if (file.Recognizer is not null)
        {
            file.Dispose();
            throw new InvalidDataException($"'{file.Source}' holds a digit recognizer, not a detector");
        }

        return new NetworkBenchmark(file, file.Config ?? options.ConfigForStateDict ?? new ModelConfig());
    }

    /// <summary>
    /// The network's time on <paramref name="input"/> (<c>[B, C, H, W]</c>, as <see cref="DigitDetector"/> feeds
    /// it) with <paramref name="backend"/>, after <paramref name="warmup"/> untimed runs. The network is built
    /// as <see cref="DigitDetector"/> builds it for <paramref name="options"/> (batch norm folded; device, memory
    /// format; ONNX Runtime with libtorch's thread count).
    /// </summary>
    public NetworkTiming Time(Tensor input, DetectorBackend backend, int warmup, int runs, DetectorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        options = (options ?? new DetectorOptions()) with { Backend = backend };
        options.ThrowIfInvalid();
        var model = new SsdDetector(Config.Model);
        try
        {
            file.LoadInto(model, Config);
        }
        catch
        {
            model.Dispose();
            throw;
        }

        using var network = DetectorNetworks.Create(model, Config, options, file.ActivationRanges, file.Source);
        using var inference = torch.inference_mode();
        var wall = new List<double>(runs);
        var cpu = new List<double>(runs);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < warmup + runs; i++)
        {
            using var scope = torch.NewDisposeScope();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using (network.Forward(input))
            {
                var elapsed = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                if (i >= warmup)
                {
                    wall.Add(elapsed);
                    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
            }
        }

        return new NetworkTiming(new LatencySummary(wall), new LatencySummary(cpu));
    }

    public void Dispose() => file.Dispose();
}
