using System.Text;
using DigitOcr.Config;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.ModelFiles;

/// <summary>
/// The one reader of model files, for the detector and for the trainer's <c>--init</c>. A file is either a DigitOcr
/// model or checkpoint — PyTorch format, weights under <c>model.*</c> with reference names and the config JSON in
/// <c>meta.config</c> (written by the trainer) — or a plain <c>torch.save(model.state_dict())</c> of the reference
/// architecture. Owns the loaded tensors: dispose it. Weights that are NaN or infinite (saved from a run whose training
/// diverged) are refused on load, naming the tensors, rather than producing empty or wrong detections.
/// </summary>
public sealed class ModelFile : IDisposable
{
    /// <summary>The prefix of the weights' names in a DigitOcr file.</summary>
    public const string ModelPrefix = "model.";

    /// <summary>The entry holding the config JSON (UTF-8 bytes) in a DigitOcr file.</summary>
    public const string ConfigKey = "meta.config";

    /// <summary>The entry holding the detector's calibrated activation ranges for int8 inference (<see cref="Onnx.ActivationRanges"/>).</summary>
    public const string ActivationRangesKey = "meta.int8_ranges";

    private readonly StateDict entries;

    private ModelFile(StateDict entries, string source)
    {
        this.entries = entries;
        Source = source;
        if (entries.TryGetValue(ConfigKey, out var json))
        {
            var text = Encoding.UTF8.GetString(json.data<byte>());
            if (RecognizerConfig.IsRecognizerJson(text))
            {
                Recognizer = RecognizerConfig.FromJson(text, $"'{source}' ({ConfigKey})");
            }
            else
            {
                Config = ModelConfig.FromJson(text, $"'{source}' ({ConfigKey})");
            }

            if (entries.TryGetValue(ActivationRangesKey, out var ranges))
            {
                ActivationRanges = Onnx.ActivationRanges.FromJson(Encoding.UTF8.GetString(ranges.data<byte>()), $"'{source}' ({ActivationRangesKey})");
            }

            Weights = entries.Where(kv => kv.Key.StartsWith(ModelPrefix, StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key[ModelPrefix.Length..], kv => kv.Value);
        }
        else
        {
            Weights = entries;
        }

        RefuseNonFiniteWeights();
    }

    /// <summary>Where the file came from (a path, or a name given to a stream).</summary>
    public string Source { get; }

    /// <summary>The detector config the file carries; null for a plain PyTorch state dict or a recognizer.</summary>
    public ModelConfig? Config { get; }

    /// <summary>The recognizer config, when the file holds a digit recognizer (<c>"task": "recognizer"</c>); else null.</summary>
    public RecognizerConfig? Recognizer { get; }

    /// <summary>The detector's calibrated activation ranges, which int8 inference needs; null when the file has none.</summary>
    public IReadOnlyDictionary<string, Onnx.ActivationRange>? ActivationRanges { get; }

    /// <summary>The model's state dict (reference names, no prefix); owned by this file.</summary>
    public IReadOnlyDictionary<string, Tensor> Weights { get; }

    /// <summary>Every entry of the file, as stored (for readers of training state); owned by this file.</summary>
    public StateDict Entries => entries;

    public static ModelFile Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"model file '{path}' is a folder; pass a model file inside it (for example '{Path.Combine(path, "best.pt")}')", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"model file '{path}' does not exist; pass a model written by the trainer (best.pt) or a PyTorch state dict", path);
        }

        return FromEntries(TorchFile.Load(path), path);
    }

    /// <summary>Reads a model file from a stream (for example an embedded model); <paramref name="sourceName"/> names it in errors.</summary>
    public static ModelFile Load(Stream stream, string sourceName) => FromEntries(TorchFile.Load(stream, sourceName), sourceName);

    /// <summary>Takes over entries already loaded; the model file owns them (and disposes them if it refuses them).</summary>
    /// <exception cref="InvalidDataException">The config is invalid, or a weight is NaN or infinite.</exception>
    public static ModelFile FromEntries(StateDict entries, string sourceName)
    {
        try
        {
            return new ModelFile(entries, sourceName);
        }
        catch
        {
            entries.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies the weights into <paramref name="model"/> (every name must match); a mismatch names the file, the
    /// architecture and the fix.
    /// </summary>
    public void LoadInto(Module model, ModelConfig architecture)
    {
        try
        {
            model.load_state_dict(Weights);
        }
        catch (StateDictMismatchException e)
        {
            throw new InvalidDataException(
                $"the weights in '{Source}' do not fit the '{architecture.Name}' architecture (widths {string.Join("/", architecture.Model.Widths)}). " +
                "For a plain state dict, name the config it was trained with (DetectorOptions.ConfigForStateDict). " + e.Message, e);
        }
    }

    /// <summary>
    /// Writes a model-only file: the weights under <c>model.*</c> (optionally as float16, halving the size; they load
    /// back as float32), <paramref name="configJson"/> in <c>meta.config</c>, and any <paramref name="extra"/> entries.
    /// </summary>
    public static void Save(string path, Module model, string configJson, bool halfPrecision, IEnumerable<KeyValuePair<string, Tensor>>? extra = null)
    {
        using var state = model.state_dict();
        Save(path, state, configJson, halfPrecision, extra);
    }

    /// <summary>
    /// Writes a model-only file from named weights (for example several networks' under their own prefixes): as
    /// <see cref="Save(string, Module, string, bool, IEnumerable{KeyValuePair{string, Tensor}}?)"/>.
    /// </summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> weights, string configJson, bool halfPrecision, IEnumerable<KeyValuePair<string, Tensor>>? extra = null)
    {
        using var scope = torch.NewDisposeScope();
        var items = weights.Select(kv => new KeyValuePair<string, Tensor>(
            ModelPrefix + kv.Key,
            halfPrecision && kv.Value.dtype == ScalarType.Float32 ? kv.Value.to(ScalarType.Float16) : kv.Value)).ToList();
        items.Add(new(ConfigKey, torch.tensor(Encoding.UTF8.GetBytes(configJson))));
        items.AddRange(extra ?? []);
        TorchFile.Save(items, path);
    }

    public void Dispose() => entries.Dispose();

    private void RefuseNonFiniteWeights()
    {
        const int Named = 5;
        var bad = new List<string>();
        foreach (var (name, tensor) in Weights)
        {
            if (tensor.dtype is not (ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16))
            {
                continue;
            }

            using var values = tensor.to(ScalarType.Float32);
            var data = values.data<float>();
            var nan = 0;
            var infinite = 0;
            foreach (var v in data)
            {
                nan += float.IsNaN(v) ? 1 : 0;
                infinite += float.IsInfinity(v) ? 1 : 0;
            }

            if (nan + infinite > 0)
            {
                bad.Add($"'{name}' ({nan} NaN, {infinite} infinite of {data.Length})");
            }
        }

        if (bad.Count > 0)
        {
            throw new InvalidDataException(
                $"model file '{Source}' holds weights that are not finite numbers: {string.Join(", ", bad.Take(Named))}" +
                (bad.Count > Named ? $" and {bad.Count - Named} more tensor(s)" : string.Empty) +
                ". It was saved from a run whose training diverged; use an earlier checkpoint, or retrain with a lower learning rate.");
        }
    }
}
