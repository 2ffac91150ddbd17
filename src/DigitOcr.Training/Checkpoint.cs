using System.Text;
using DigitOcr.ModelFiles;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Optim;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Training;

/// <summary>
/// Where a run stands: the next batch to train and what the best validation was so far, and how many processes
/// trained it (<see cref="WorldSize"/>: the data each step drew depends on it).
/// </summary>
public sealed record TrainingProgress(int Epoch, int NextBatch, long Step, double BestMetric, int EpochsWithoutImprovement = 0, int WorldSize = 1);

/// <summary>
/// Everything needed to resume a run or to use its model, in one PyTorch-format file (torch.load reads it):
/// <c>model.*</c> (the state dict, reference names), <c>optimizer.&lt;kind&gt;.&lt;index&gt;</c> (per-parameter state),
/// <c>meta.*</c> (progress, optimizer step count), <c>rng.torch</c> (libtorch's generator) and <c>meta.config</c>
/// (the config JSON as UTF-8 bytes). Files are written atomically. A model-only file (for shipping) has no optimizer
/// or RNG entries. Owns its tensors.
/// </summary>
public sealed class Checkpoint : IDisposable
{
    public const string ModelPrefix = ModelFile.ModelPrefix;

    private readonly StateDict entries;

    private Checkpoint(StateDict entries, string source)
    {
        this.entries = entries;
        if (!entries.TryGetValue(ModelFile.ConfigKey, out var config))
        {
            throw new InvalidDataException($"'{source}' is not a DigitOcr checkpoint (no meta.config); for a plain PyTorch state dict load it with TorchFile.Load");
        }

        Config = TrainingConfig.FromJson(Encoding.UTF8.GetString(config.data<byte>()), source + " (meta.config)");
        Progress = new TrainingProgress(
            (int)Long("meta.epoch"), (int)Long("meta.next_batch"), Long("meta.step"),
            entries.TryGetValue("meta.best_metric", out var best) ? best.item<double>() : double.NegativeInfinity,
            (int)Long("meta.epochs_without_improvement"),
            entries.TryGetValue("meta.world_size", out var ranks) ? (int)ranks.item<long>() : 1);
    }

    public TrainingConfig Config { get; }

    public TrainingProgress Progress { get; }

    /// <summary>True when optimizer and RNG state are present (a resumable checkpoint, not a shipped model).</summary>
    public bool IsResumable => entries.ContainsKey("rng.torch");

    /// <summary>The model's state dict (names without the <c>model.</c> prefix); owned by this checkpoint.</summary>
    public IReadOnlyDictionary<string, Tensor> ModelState =>
        entries.Where(kv => kv.Key.StartsWith(ModelPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[ModelPrefix.Length..], kv => kv.Value);

    public static Checkpoint Load(string path) => new(TorchFile.Load(path), path);

    /// <summary>Reads a checkpoint from a stream (for example an embedded model); <paramref name="sourceName"/> names it in errors.</summary>
    public static Checkpoint Load(Stream stream, string sourceName) => new(TorchFile.Load(stream, sourceName), sourceName);

    /// <summary>
    /// Writes a model-only file for shipping: the weights (optionally as float16, halving the size; they load back
    /// as float32) and the config, no optimizer or RNG state.
    /// </summary>
    public static void SaveModel(string path, Module model, TrainingConfig config, TrainingProgress progress, bool halfPrecision, IEnumerable<KeyValuePair<string, Tensor>>? extra = null)
    {
        using var scope = torch.NewDisposeScope();
        using var state = model.state_dict();
        var items = state.Select(kv => new KeyValuePair<string, Tensor>(
            ModelPrefix + kv.Key,
            halfPrecision && kv.Value.dtype == ScalarType.Float32 ? kv.Value.to(ScalarType.Float16) : kv.Value)).ToList();
        items.Add(new(ModelFile.ConfigKey, torch.tensor(Encoding.UTF8.GetBytes(config.ToJson()))));
        items.Add(new("meta.epoch", torch.scalar_tensor((long)progress.Epoch)));
        items.Add(new("meta.step", torch.scalar_tensor(progress.Step)));
        items.Add(new("meta.best_metric", torch.scalar_tensor(progress.BestMetric)));
        items.AddRange(extra ?? []);
        TorchFile.Save(items, path);
    }

    /// <summary>Writes a resumable checkpoint atomically (a crash mid-write leaves the previous file intact).</summary>
    public static void Save(string path, Module model, Optimizer? optimizer, TrainingProgress progress, TrainingConfig config)
    {
        using var scope = torch.NewDisposeScope();
        using var state = model.state_dict();
        var items = state.Select(kv => new KeyValuePair<string, Tensor>(ModelPrefix + kv.Key, kv.Value)).ToList();
        items.Add(new(ModelFile.ConfigKey, torch.tensor(Encoding.UTF8.GetBytes(config.ToJson()))));
        items.Add(new("meta.epoch", torch.scalar_tensor((long)progress.Epoch)));
        items.Add(new("meta.next_batch", torch.scalar_tensor((long)progress.NextBatch)));
        items.Add(new("meta.step", torch.scalar_tensor(progress.Step)));
        items.Add(new("meta.best_metric", torch.scalar_tensor(progress.BestMetric)));
        items.Add(new("meta.epochs_without_improvement", torch.scalar_tensor((long)progress.EpochsWithoutImprovement)));
        items.Add(new("meta.world_size", torch.scalar_tensor((long)progress.WorldSize)));
        if (optimizer is not null)
        {
            items.Add(new("rng.torch", torch.get_rng_state()));
            items.AddRange(OptimizerEntries.Of(optimizer));
        }

        TorchFile.Save(items, path);
    }

    /// <summary>Copies the weights into <paramref name="model"/> (strict: every name must match).</summary>
    public void RestoreModel(Module model) => model.load_state_dict(ModelState);

    /// <summary>Restores optimizer state and libtorch's generator, for resuming.</summary>
    public void RestoreTraining(Optimizer optimizer)
    {
        if (!IsResumable)
        {
            throw new InvalidOperationException("this checkpoint holds a model only; it cannot resume training");
        }

        OptimizerEntries.Restore(entries, optimizer);
        torch.set_rng_state(entries["rng.torch"]);
    }

    public void Dispose() => entries.Dispose();

    private long Long(string key) => entries.TryGetValue(key, out var t) ? t.item<long>() : 0;
}
