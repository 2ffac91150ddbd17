namespace DigitOcr.Torch.Optim;

/// <summary>
/// Per-parameter state tensors of an optimizer (momentum buffers, Adam moments), one slot per parameter, created on
/// first use. Owns the tensors; hands raw handles to fused native steps and adopts the ones those steps create.
/// </summary>
internal sealed class OptimizerState : IDisposable
{
    private readonly Tensor?[] slots;

    public OptimizerState(int count) => slots = new Tensor?[count];

    public IReadOnlyList<Tensor?> Slots => slots;

    /// <summary>Replaces every slot with a copy of <paramref name="values"/> (on each parameter's device).</summary>
    public void Load(IReadOnlyList<Tensor?> values, IReadOnlyList<Tensor> parameters)
    {
        if (values.Count != slots.Length)
        {
            throw new ArgumentException($"expected {slots.Length} state tensors, got {values.Count}");
        }

        for (var i = 0; i < slots.Length; i++)
        {
            var shape = parameters[i].shape;
            if (values[i] is { } value && !value.shape.SequenceEqual(shape))
            {
                throw new ArgumentException($"state tensor {i} has shape [{string.Join(", ", value.shape)}] but its parameter has [{string.Join(", ", shape)}]");
            }

            slots[i]?.Dispose();
            using var moved = values[i]?.to(parameters[i].device);
            slots[i] = moved?.clone().DetachFromDisposeScope();
        }
    }

    /// <summary>Raw handles for a native call (zero for empty slots); the caller keeps the tensors alive meanwhile.</summary>
    public IntPtr[] RawHandles() => slots.Select(s => s?.Handle.DangerousGetHandle() ?? IntPtr.Zero).ToArray();

    /// <summary>Takes ownership of handles a native step created in empty slots.</summary>
    public void Adopt(IntPtr[] raw)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] is null && raw[i] != IntPtr.Zero)
            {
                slots[i] = Tensor.Wrap(raw[i]).DetachFromDisposeScope();
            }
        }
    }

    public List<Tensor> Existing() => slots.Where(s => s is not null).Cast<Tensor>().ToList();

    public void Dispose()
    {
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i]?.Dispose();
            slots[i] = null;
        }
    }
}
