using DigitOcr.Torch.Native;

namespace DigitOcr.Torch;

/// <summary>Turns gradient recording off (or on) on this thread until disposed; restores the previous mode.</summary>
public sealed class GradModeGuard : IDisposable
{
    private readonly bool previous;
    private bool disposed;

    internal GradModeGuard(bool enabled)
    {
        previous = NativeMethods.dgo_is_grad_enabled() != 0;
        NativeMethods.dgo_set_grad_enabled(enabled ? 1 : 0);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        NativeMethods.dgo_set_grad_enabled(previous ? 1 : 0);
    }
}

/// <summary>
/// libtorch's inference mode on this thread until disposed: no autograd bookkeeping at all, faster than no_grad.
/// Tensors made inside cannot later join autograd. Dispose it on the thread that made it.
/// </summary>
public sealed class InferenceModeGuard : IDisposable
{
    private IntPtr guard;

    internal InferenceModeGuard()
    {
        guard = NativeError.CheckHandle(NativeMethods.dgo_inference_mode_enter());
    }

    public void Dispose()
    {
        if (guard == IntPtr.Zero)
        {
            return;
        }

        NativeMethods.dgo_inference_mode_exit(guard);
        guard = IntPtr.Zero;
    }
}
