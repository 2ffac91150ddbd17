using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Benchmarks.DirectoryLookup;

/// <summary>Loading the generated million-row CSV: parsing, normalising, duplicate checks and building the index.</summary>
[Config(typeof(LoadConfig))]
public class DirectoryLoadBenchmarks
{
    private string path = "";

    [GlobalSetup]
    public void Setup() => path = GeneratedDirectory.EnsureCsv();

    [Benchmark]
    public PhoneDirectory LoadMillionRowCsv() => PhoneDirectory.Load(path);

    /// <summary>A load takes about a second: one per iteration, one warm-up and three measured.</summary>
    private sealed class LoadConfig : ManualConfig
    {
        public LoadConfig()
        {
            AddJob(Job.Default
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("LoadInProcess"));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }
}
