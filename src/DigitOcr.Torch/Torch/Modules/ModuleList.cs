using System.Collections;

namespace DigitOcr.Torch.Modules;

/// <summary>An indexed list of submodules, as <c>torch.nn.ModuleList</c>; children are named "0", "1", ...</summary>
public sealed class ModuleList<T> : Module, IReadOnlyList<T>
    where T : Module
{
    private readonly List<T> items = [];

    public ModuleList(params T[] modules)
    {
        foreach (var module in modules)
        {
            append(module);
        }
    }

    public int Count => items.Count;

    public T this[int index] => items[index];

    public ModuleList<T> append(T module)
    {
        register_module(items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        items.Add(module);
        return this;
    }

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
