namespace DigitOcr.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost open scope, and disposes them all when
/// it is disposed, except those moved out on purpose (<see cref="Tensor.MoveToOuterDisposeScope"/>) or detached
/// (<see cref="Tensor.DetachFromDisposeScope"/>). Scopes are per thread: do not <c>await</c> inside one.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? current;

    private readonly HashSet<Tensor> owned = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    /// <summary>The innermost open scope of this thread, or null.</summary>
    public static DisposeScope? Current => current;

    /// <summary>The scope that was current when this one opened.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>How many tensors this scope will dispose.</summary>
    public int Count => owned.Count;

    internal void Add(Tensor tensor)
    {
        owned.Add(tensor);
        tensor.OwningScope = this;
    }

    internal void Remove(Tensor tensor) => owned.Remove(tensor);

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!ReferenceEquals(current, this))
        {
            throw new InvalidOperationException(
                "dispose scopes must be disposed innermost first, on the thread that opened them");
        }

        current = Outer;
        foreach (var tensor in owned)
        {
            tensor.OwningScope = null;
            tensor.Dispose();
        }

        owned.Clear();
    }
}
