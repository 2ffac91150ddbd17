using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DigitOcr.Torch.Modules;

/// <summary>
/// Named tensors in insertion order (PyTorch's <c>OrderedDict</c>). Owns its tensors: disposing it frees them.
/// Read and write PyTorch files with <see cref="Serialization.TorchFile"/>.
/// </summary>
public sealed class StateDict : IReadOnlyDictionary<string, Tensor>, IDisposable
{
    private readonly List<string> order = [];
    private readonly Dictionary<string, Tensor> items = new(StringComparer.Ordinal);

    public int Count => order.Count;

    public IEnumerable<string> Keys => order;

    public IEnumerable<Tensor> Values => order.Select(k => items[k]);

    public Tensor this[string key] => items.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"no tensor named '{key}' in the state dict");

    /// <summary>Adds a tensor the dictionary now owns (it leaves any dispose scope).</summary>
    public void Add(string key, Tensor tensor)
    {
        if (!items.TryAdd(key, tensor))
        {
            throw new ArgumentException($"duplicate key '{key}' in the state dict", nameof(key));
        }

        tensor.DetachFromDisposeScope();
        order.Add(key);
    }

    public bool ContainsKey(string key) => items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Tensor value) => items.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() =>
        order.Select(k => new KeyValuePair<string, Tensor>(k, items[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        foreach (var tensor in items.Values)
        {
            tensor.Dispose();
        }

        items.Clear();
        order.Clear();
    }
}
