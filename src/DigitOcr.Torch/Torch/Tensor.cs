using System.Runtime.InteropServices;
using DigitOcr.Torch.Native;

namespace DigitOcr.Torch;

/// <summary>
/// A libtorch tensor. Owns one native handle: dispose it, or let a <see cref="DisposeScope"/> do so. Method names
/// follow PyTorch and TorchSharp (<c>view</c>, <c>permute</c>, <c>sum</c>, ...); every op returns a new tensor the
/// caller owns, except those ending in <c>_</c>, which work in place and return <c>this</c>.
/// </summary>
public partial class Tensor : IDisposable
{
    internal Tensor(IntPtr handle)
    {
        Handle = new TensorHandle(NativeError.CheckHandle(handle));
        DisposeScope.Current?.Add(this);
    }

    internal TensorHandle Handle { get; private set; }

    internal DisposeScope? OwningScope { get; set; }

    /// <summary>True once the native tensor has been freed.</summary>
    public bool IsDisposed => Handle.IsClosed;

    /// <summary>Sizes of each dimension.</summary>
    public unsafe long[] shape
    {
        get
        {
            const int Capacity = 16;
            var sizes = stackalloc long[Capacity];
            var n = NativeMethods.dgo_tensor_sizes(Handle, sizes, Capacity);
            if (n < 0)
            {
                NativeError.CheckLast();
            }

            if (n > Capacity)
            {
                var big = new long[n];
                fixed (long* p = big)
                {
                    NativeMethods.dgo_tensor_sizes(Handle, p, n);
                }

                return big;
            }

            return new ReadOnlySpan<long>(sizes, (int)n).ToArray();
        }
    }

    public long ndim => NativeMethods.dgo_tensor_dim(Handle);

    public long dim() => ndim;

    public long size(int dim)
    {
        var sizes = shape;
        var d = dim < 0 ? dim + sizes.Length : dim;
        if (d < 0 || d >= sizes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"tensor has {sizes.Length} dimensions");
        }

        return sizes[d];
    }

    public long numel() => NativeMethods.dgo_tensor_numel(Handle);

    public ScalarType dtype => (ScalarType)NativeMethods.dgo_tensor_dtype(Handle);

    public Device device => new(
        (DeviceType)NativeMethods.dgo_tensor_device_type(Handle),
        NativeMethods.dgo_tensor_device_index(Handle));

    /// <summary>Frees the native tensor now (idempotent).</summary>
    public void Dispose()
    {
        OwningScope?.Remove(this);
        OwningScope = null;
        Handle.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Hands this tensor to the scope outside the one that owns it (or to nobody). Returns this.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var scope = OwningScope;
        if (scope is not null)
        {
            scope.Remove(this);
            OwningScope = null;
            scope.Outer?.Add(this);
        }

        return this;
    }

    /// <summary>Takes this tensor out of every scope: the caller now disposes it. Returns this.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope?.Remove(this);
        OwningScope = null;
        return this;
    }

    /// <summary>Points this object at another native tensor (used by <c>Module.to</c>), freeing the old one.</summary>
    internal void ReplaceHandle(IntPtr handle)
    {
        var old = Handle;
        Handle = new TensorHandle(NativeError.CheckHandle(handle));
        old.Dispose();
    }

    /// <summary>Copies the elements out, in C order. <typeparamref name="T"/> must match <see cref="dtype"/>.</summary>
    public unsafe T[] data<T>()
        where T : unmanaged
    {
        var expected = ScalarTypeExtensions.Of<T>();
        if (expected != dtype)
        {
            throw new InvalidOperationException($"tensor holds {dtype}, not {expected}: convert it with to({expected}) first");
        }

        var result = new T[numel()];
        fixed (T* p = result)
        {
            NativeError.CheckStatus(NativeMethods.dgo_tensor_copy_to(Handle, p, (long)result.Length * sizeof(T)));
        }

        return result;
    }

    /// <summary>
    /// The address of the first element, as PyTorch's <c>data_ptr()</c>: for an engine that reads or writes the
    /// elements in place, with no managed copy (a fresh multi-megabyte managed array costs milliseconds of page
    /// faults on every call). The tensor must be on the CPU and contiguous. The address is valid only while this
    /// tensor lives: keep it alive (and unresized) for as long as the address is used.
    /// </summary>
    public unsafe IntPtr data_ptr()
    {
        void* address;
        NativeError.CheckStatus(NativeMethods.dgo_tensor_data_ptr(Handle, &address));
        return (IntPtr)address;
    }

    /// <summary>
    /// The elements in place, read-only, with no copy (unlike <see cref="data{T}"/>): for a pass over a large output
    /// in C#. The tensor must be on the CPU, contiguous and of type <typeparamref name="T"/>; the span is valid only
    /// while this tensor lives and is not written to.
    /// </summary>
    public unsafe ReadOnlySpan<T> AsReadOnlySpan<T>()
        where T : unmanaged
    {
        var expected = ScalarTypeExtensions.Of<T>();
        if (expected != dtype)
        {
            throw new InvalidOperationException($"tensor holds {dtype}, not {expected}: convert it with to({expected}) first");
        }

        return new ReadOnlySpan<T>((void*)data_ptr(), checked((int)numel()));
    }

    /// <summary>Overwrites the elements in place from managed memory of the same type and count.</summary>
    public unsafe Tensor copy_from<T>(ReadOnlySpan<T> source)
        where T : unmanaged
    {
        var expected = ScalarTypeExtensions.Of<T>();
        if (expected != dtype)
        {
            throw new InvalidOperationException($"tensor holds {dtype}, not {expected}");
        }

        fixed (T* p = source)
        {
            NativeError.CheckStatus(NativeMethods.dgo_tensor_copy_from(Handle, p, (long)source.Length * sizeof(T)));
        }

        return this;
    }

    /// <summary>The single element as a managed number.</summary>
    public T item<T>()
        where T : unmanaged
    {
        object value;
        if (typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Half))
        {
            var d = NativeMethods.dgo_tensor_item_double(Handle);
            NativeError.CheckLast();
            value = typeof(T) == typeof(float) ? (float)d : typeof(T) == typeof(Half) ? (Half)d : d;
        }
        else
        {
            var l = NativeMethods.dgo_tensor_item_long(Handle);
            NativeError.CheckLast();
            value = default(T) switch
            {
                long => l,
                int => (int)l,
                short => (short)l,
                byte => (byte)l,
                sbyte => (sbyte)l,
                bool => l != 0,
                _ => throw new NotSupportedException($"item<{typeof(T).Name}> is not supported"),
            };
        }

        return (T)value;
    }

    public override string ToString()
    {
        if (IsDisposed)
        {
            return "Tensor(disposed)";
        }

        var text = NativeMethods.dgo_tensor_to_string(Handle);
        if (text == IntPtr.Zero)
        {
            NativeError.CheckLast();
            return "Tensor(?)";
        }

        try
        {
            return Marshal.PtrToStringUTF8(text) ?? string.Empty;
        }
        finally
        {
            NativeMethods.dgo_string_free(text);
        }
    }

    internal static Tensor Wrap(IntPtr handle) => new(handle);

    /// <summary>Runs a native call over raw handles of several tensors, keeping each alive for its duration.</summary>
    internal static unsafe TResult WithHandles<TResult>(IReadOnlyList<Tensor> tensors, Func<IntPtr[], TResult> call)
    {
        var raw = new IntPtr[tensors.Count];
        var added = 0;
        try
        {
            for (; added < tensors.Count; added++)
            {
                var success = false;
                tensors[added].Handle.DangerousAddRef(ref success);
                raw[added] = tensors[added].Handle.DangerousGetHandle();
            }

            return call(raw);
        }
        finally
        {
            for (var i = 0; i < added; i++)
            {
                tensors[i].Handle.DangerousRelease();
            }
        }
    }
}
