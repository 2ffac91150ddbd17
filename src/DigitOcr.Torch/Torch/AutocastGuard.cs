using DigitOcr.Torch.Native;

namespace DigitOcr.Torch;

/// <summary>
/// An autocast region on this thread (see <see cref="torch.autocast"/>); disposing it restores the previous state
/// and, leaving the outermost region, drops the cast copies of the weights. Dispose it on the thread that made it.
/// </summary>
public sealed class AutocastGuard : IDisposable
{
    private readonly int cuda;
    private readonly int previousEnabled;
    private readonly int previousDtype;
    private bool disposed;

    internal unsafe AutocastGuard(DeviceType device, ScalarType dtype)
    {
        if (device is not (DeviceType.CPU or DeviceType.CUDA))
        {
            throw new ArgumentOutOfRangeException(nameof(device), device, "autocast covers CPU and CUDA ops");
        }

        if (dtype is not (ScalarType.BFloat16 or ScalarType.Float16))
        {
            throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "autocast runs in bfloat16 or float16");
        }

        cuda = device == DeviceType.CUDA ? 1 : 0;
        int enabled, previous;
        NativeError.CheckStatus(NativeMethods.dgo_autocast_enter(cuda, (int)dtype, &enabled, &previous));
        previousEnabled = enabled;
        previousDtype = previous;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        NativeError.CheckStatus(NativeMethods.dgo_autocast_exit(cuda, previousEnabled, previousDtype));
    }
}
