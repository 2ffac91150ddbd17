using DigitOcr.Torch;

namespace DigitOcr;

/// <summary>What this process runs on: the native libraries' versions, threads and devices.</summary>
public sealed record RuntimeInfo(
    string DigitOcrVersion,
    string TorchVersion,
    string OpenCvVersion,
    int Threads,
    bool CudaAvailable,
    int CudaDevices)
{
    /// <summary>Reads the current process's runtime (loads the native shim if it is not loaded yet).</summary>
    public static RuntimeInfo Current() => new(
        typeof(RuntimeInfo).Assembly.GetName().Version?.ToString(3) ?? "?",
        torch.__version__,
        torch.opencv_version,
        torch.get_num_threads(),
        torch.cuda.is_available(),
        torch.cuda.device_count());
}
