using System.CommandLine;

namespace DigitOcr.Training.Commands;

/// <summary><c>info</c>: prints the runtime DigitOcr runs on (libtorch, OpenCV, threads, CUDA).</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Print the native runtime: libtorch and OpenCV versions, threads, CUDA devices.");
        command.SetAction(_ =>
        {
            var info = RuntimeInfo.Current();
            Console.WriteLine($"DigitOcr {info.DigitOcrVersion}");
            Console.WriteLine($"libtorch {info.TorchVersion}, OpenCV {info.OpenCvVersion}");
            Console.WriteLine($"threads  {info.Threads}");
            Console.WriteLine($"CUDA     {(info.CudaAvailable ? $"available, {info.CudaDevices} device(s)" : "not available (CPU only)")}");
            return 0;
        });
        return command;
    }
}
