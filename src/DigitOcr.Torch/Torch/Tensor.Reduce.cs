using DigitOcr.Torch.Native;
using static DigitOcr.Torch.Native.NativeMethods;

namespace DigitOcr.Torch;

// Reductions over all elements or given dimensions.
public partial class Tensor
{
    public Tensor sum() => Wrap(dgo_sum_all(Handle));

    public unsafe Tensor sum(long[] dims, bool keepdim = false)
    {
        fixed (long* p = dims)
        {
            return Wrap(dgo_sum(Handle, p, dims.Length, keepdim ? 1 : 0));
        }
    }

    public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);

    public Tensor mean() => Wrap(dgo_mean_all(Handle));

    public unsafe Tensor mean(long[] dims, bool keepdim = false)
    {
        fixed (long* p = dims)
        {
            return Wrap(dgo_mean(Handle, p, dims.Length, keepdim ? 1 : 0));
        }
    }

    public unsafe Tensor logsumexp(long dim, bool keepdim = false)
    {
        return Wrap(dgo_logsumexp(Handle, &dim, 1, keepdim ? 1 : 0));
    }

    public Tensor max() => Wrap(dgo_max_all(Handle));

    public Tensor min() => Wrap(dgo_min_all(Handle));

    public (Tensor Values, Tensor Indices) max(long dim, bool keepdim = false)
    {
        NativeError.CheckStatus(dgo_max_dim(Handle, dim, keepdim ? 1 : 0, out var v, out var i));
        return (Wrap(v), Wrap(i));
    }

    public (Tensor Values, Tensor Indices) min(long dim, bool keepdim = false)
    {
        NativeError.CheckStatus(dgo_min_dim(Handle, dim, keepdim ? 1 : 0, out var v, out var i));
        return (Wrap(v), Wrap(i));
    }

    public Tensor argmax(long dim, bool keepdim = false) => Wrap(dgo_argmax(Handle, dim, keepdim ? 1 : 0));

    public Tensor any() => Wrap(dgo_any_all(Handle));

    public Tensor all() => Wrap(dgo_all_all(Handle));
}
