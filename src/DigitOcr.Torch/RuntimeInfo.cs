using DigitOcr.Torch;
using DigitOcr.Torch.Native;

namespace DigitOcr;

/// <summary>
/// What this process runs on: the native libraries' versions, threads, devices, and the OpenMP wait policy that
/// libgomp was loaded with (<c>PASSIVE</c> unless the user's environment named another).
/// </summary>
public sealed record RuntimeInfo(
    string DigitOcrVersion,
    string TorchVersion,
    string OpenCvVersion,
    int Threads,
    bool CudaAvailable,
    int CudaDevices,
    string OpenMpWaitPolicy)
{
    /// <summary>
    /// True when DigitOcr set glibc malloc to keep freed tensor memory for reuse (mmap threshold 32 MB, trim threshold
    /// 256 MB); false when the user's environment sets malloc's thresholds, or the C library is not glibc.
    /// </summary>
    public bool MallocKeepsFreedMemory { get; init; }

    /// <summary>Reads the current process's runtime (loads the native shim if it is not loaded yet).</summary>
    public static RuntimeInfo Current() => new(
        typeof(RuntimeInfo).Assembly.GetName().Version?.ToString(3) ?? "?",
        torch.__version__,
        torch.opencv_version,
        torch.get_num_threads(),
        torch.cuda.is_available(),
        torch.cuda.device_count(),
        OpenMpDefaults.NativeValue(OpenMpDefaults.WaitPolicyVariable) ?? "unset")
    {
        MallocKeepsFreedMemory = MallocDefaults.Applied,
    };
}
