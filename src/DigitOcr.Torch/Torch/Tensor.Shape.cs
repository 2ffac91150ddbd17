using DigitOcr.Torch.Native;
using static DigitOcr.Torch.Native.NativeMethods;

namespace DigitOcr.Torch;

// Views, permutations, selection, indexing, in-place writes, and dtype/device moves.
public partial class Tensor
{
    public unsafe Tensor view(params long[] shape)
    {
        fixed (long* p = shape)
        {
            return Wrap(dgo_view(Handle, p, shape.Length));
        }
    }

    public unsafe Tensor reshape(params long[] shape)
    {
        fixed (long* p = shape)
        {
            return Wrap(dgo_reshape(Handle, p, shape.Length));
        }
    }

    public unsafe Tensor permute(params long[] dims)
    {
        fixed (long* p = dims)
        {
            return Wrap(dgo_permute(Handle, p, dims.Length));
        }
    }

    public unsafe Tensor expand(params long[] shape)
    {
        fixed (long* p = shape)
        {
            return Wrap(dgo_expand(Handle, p, shape.Length));
        }
    }

    public unsafe Tensor as_strided(long[] size, long[] stride, long storageOffset = 0)
    {
        if (size.Length != stride.Length)
        {
            throw new ArgumentException($"size has {size.Length} dimensions but stride has {stride.Length}");
        }

        fixed (long* s = size)
        fixed (long* st = stride)
        {
            return Wrap(dgo_as_strided(Handle, s, st, size.Length, storageOffset));
        }
    }

    public Tensor transpose(long dim0, long dim1) => Wrap(dgo_transpose(Handle, dim0, dim1));

    public Tensor contiguous() => Wrap(dgo_contiguous(Handle));

    /// <summary>A copy (or this tensor's data, if already so) laid out in <paramref name="format"/>.</summary>
    public Tensor contiguous(MemoryFormat format) => Wrap(dgo_contiguous_format(Handle, (int)format));

    public bool is_contiguous(MemoryFormat format = MemoryFormat.Contiguous)
    {
        var result = dgo_is_contiguous_format(Handle, (int)format);
        if (result < 0)
        {
            NativeError.CheckLast();
        }

        return result == 1;
    }

    public Tensor clone() => Wrap(dgo_clone(Handle));

    /// <summary>A tensor sharing this one's storage, outside autograd.</summary>
    public Tensor detach() => Wrap(dgo_detach(Handle));

    /// <summary>A second handle to the very same tensor (autograd included), owned separately.</summary>
    public Tensor alias() => Wrap(dgo_alias(Handle));

    public Tensor squeeze(long dim) => Wrap(dgo_squeeze(Handle, dim));

    public Tensor unsqueeze(long dim) => Wrap(dgo_unsqueeze(Handle, dim));

    public Tensor flatten(long startDim = 0, long endDim = -1) => Wrap(dgo_flatten(Handle, startDim, endDim));

    public Tensor narrow(long dim, long start, long length) => Wrap(dgo_narrow(Handle, dim, start, length));

    public Tensor select(long dim, long index) => Wrap(dgo_select(Handle, dim, index));

    public Tensor index_select(long dim, Tensor index) => Wrap(dgo_index_select(Handle, dim, index.Handle));

    public Tensor gather(long dim, Tensor index) => Wrap(dgo_gather(Handle, dim, index.Handle));

    public Tensor masked_select(Tensor mask) => Wrap(dgo_masked_select(Handle, mask.Handle));

    public Tensor masked_fill(Tensor mask, double value) => Wrap(dgo_masked_fill(Handle, mask.Handle, NativeScalar.From(value)));

    public Tensor masked_fill(Tensor mask, long value) => Wrap(dgo_masked_fill(Handle, mask.Handle, NativeScalar.From(value)));

    public Tensor nonzero() => Wrap(dgo_nonzero(Handle));

    public Tensor to(ScalarType type) => Wrap(dgo_to_dtype(Handle, (int)type));

    public Tensor to(Device target) => Wrap(dgo_to_device(Handle, (int)target.Type, target.Index));

    public Tensor cpu() => to(Device.CPU);

    /// <summary>Sorted values and the indices they came from, along <paramref name="dim"/>.</summary>
    public (Tensor Values, Tensor Indices) sort(long dim = -1, bool descending = false, bool stable = false)
    {
        NativeError.CheckStatus(dgo_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, out var v, out var i));
        return (Wrap(v), Wrap(i));
    }

    public (Tensor Values, Tensor Indices) topk(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        NativeError.CheckStatus(dgo_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var v, out var i));
        return (Wrap(v), Wrap(i));
    }

    public Tensor copy_(Tensor source)
    {
        NativeError.CheckStatus(dgo_copy_(Handle, source.Handle));
        return this;
    }

    public Tensor fill_(double value)
    {
        NativeError.CheckStatus(dgo_fill_(Handle, NativeScalar.From(value)));
        return this;
    }

    public Tensor zero_()
    {
        NativeError.CheckStatus(dgo_zero_(Handle));
        return this;
    }

    public Tensor uniform_(double low = 0, double high = 1)
    {
        NativeError.CheckStatus(dgo_uniform_(Handle, low, high));
        return this;
    }

    public Tensor normal_(double mean = 0, double std = 1)
    {
        NativeError.CheckStatus(dgo_normal_(Handle, mean, std));
        return this;
    }

    /// <summary><c>this[index] = values</c>, where index is a bool mask or a long index tensor.</summary>
    public Tensor index_put_(Tensor index, Tensor values)
    {
        NativeError.CheckStatus(dgo_index_put_(Handle, index.Handle, values.Handle));
        return this;
    }

    public Tensor masked_fill_(Tensor mask, double value)
    {
        NativeError.CheckStatus(dgo_masked_fill_(Handle, mask.Handle, NativeScalar.From(value)));
        return this;
    }

    public Tensor add_(Tensor other, double alpha = 1)
    {
        NativeError.CheckStatus(dgo_add_(Handle, other.Handle, NativeScalar.From(alpha)));
        return this;
    }

    public Tensor add_(double value)
    {
        NativeError.CheckStatus(dgo_add_scalar_(Handle, NativeScalar.From(value)));
        return this;
    }

    public Tensor add_(long value)
    {
        NativeError.CheckStatus(dgo_add_scalar_(Handle, NativeScalar.From(value)));
        return this;
    }

    public Tensor mul_(Tensor other)
    {
        NativeError.CheckStatus(dgo_mul_(Handle, other.Handle));
        return this;
    }

    public Tensor mul_(double value)
    {
        NativeError.CheckStatus(dgo_mul_scalar_(Handle, NativeScalar.From(value)));
        return this;
    }

    public Tensor clamp_(double min, double max)
    {
        NativeError.CheckStatus(dgo_clamp_(Handle, min, max));
        return this;
    }

    public Tensor relu_()
    {
        NativeError.CheckStatus(dgo_relu_(Handle));
        return this;
    }
}
