using DigitOcr.Torch.Native;

namespace DigitOcr.Torch.Distributed;

/// <summary>
/// A collective in flight (c10d's <c>Work</c>). <see cref="wait"/> blocks until it is done on this rank, at most the
/// group's timeout, and reports its failure; the tensors it works on must stay alive and untouched until then.
/// Dispose it: one not waited for still completes in c10d's threads.
/// </summary>
public sealed class Work : IDisposable
{
    private readonly ProcessGroup group;
    private readonly string operation;
    private IntPtr handle;

    internal Work(IntPtr handle, ProcessGroup group, string operation)
    {
        this.handle = handle;
        this.group = group;
        this.operation = operation;
    }

    /// <summary>Blocks until the collective completes.</summary>
    /// <exception cref="DistributedException">Another rank is gone or the timeout passed.</exception>
    public void wait()
    {
        ObjectDisposedException.ThrowIf(handle == IntPtr.Zero, this);
        if (NativeMethods.dgo_dist_wait(handle) != 0)
        {
            throw group.Failure(operation, NativeError.TakeMessage());
        }
    }

    public void Dispose()
    {
        if (handle != IntPtr.Zero)
        {
            NativeMethods.dgo_dist_work_free(handle);
            handle = IntPtr.Zero;
        }
    }
}
