using System.CommandLine;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Config;
using DigitOcr.Model;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>info [--config FILE]</c>: prints the runtime (libtorch, OpenCV, threads, CUDA) and, for a config, the
/// parameter counts of backbone, neck and head, the number of priors at its input size and the multiply-adds per image.
/// </summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var configOption = ValidatedOptions.ExistingFile("--config", "A detector config (configs/*.json) to summarise.", "a detector config such as configs/lite.json");
        var command = new Command("info", "Print the native runtime and, with --config, the model's size and cost.") { configOption };
        command.SetAction(parse =>
        {
            var info = RuntimeInfo.Current();
            Console.WriteLine($"DigitOcr {info.DigitOcrVersion}");
            Console.WriteLine($"libtorch {info.TorchVersion}, OpenCV {info.OpenCvVersion}");
            Console.WriteLine($"threads  {info.Threads}, OpenMP wait policy {info.OpenMpWaitPolicy}");
            Console.WriteLine($"malloc   {(info.MallocKeepsFreedMemory ? "keeps freed memory for reuse (mmap threshold 32 MB, trim threshold 256 MB)" : "the C library's or the environment's settings")}");
            Console.WriteLine($"CUDA     {(info.CudaAvailable ? $"available, {info.CudaDevices} device(s)" : "not available (CPU only)")}");
            Console.WriteLine($"bfloat16 {(Torch.torch.cpu.is_bf16_supported() ? "native on this CPU: training.precision auto trains with bfloat16 autocast" : "not native on this CPU: training.precision auto trains in float32")}");
            if (parse.GetValue(configOption) is { } file)
            {
                var config = ConfigFiles.Load(file);
                Print(ModelSummary.Measure(config.ModelConfig, config.InputSize));
            }

            return 0;
        });
        return command;
    }

    private static void Print(ModelSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"model          {s.Name} at {s.InputSize}x{s.InputSize}");
        Console.WriteLine(string.Format(c, "parameters     {0:N0} = backbone {1:N0} + neck {2:N0} + head {3:N0}", s.TotalParameters, s.BackboneParameters, s.NeckParameters, s.HeadParameters));
        Console.WriteLine($"feature maps   {string.Join(", ", s.FeatureSizes.Select(f => $"{f.Height}x{f.Width}"))}");
        Console.WriteLine(string.Format(c, "priors         {0:N0}", s.Priors));
        Console.WriteLine(string.Format(c, "multiply-adds  {0:N0} per image ({1:F3} G)", s.MultiplyAdds, s.MultiplyAdds / 1e9));
    }
}
