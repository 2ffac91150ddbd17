using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DigitOcr.Benchmarks;

/// <summary>
/// Short runs (2 warm-up and 5 measured iterations) with allocations measured, in this process. In-process
/// because the default toolchain builds a copy of the benchmark project into the projects' default output folders
/// (and the native shim into native/build), which collides with builds running beside it; short because the
/// build machines have two cores that other work shares, so figures are indicative, not lab-grade.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortInProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
