using BenchmarkDotNet.Running;

namespace DigitOcr.Benchmarks;

/// <summary>Runs the benchmarks that the command line selects, such as <c>--filter '*Directory*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
