using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Packaging;

/// <summary>
/// A new user's first five minutes, automated: pack DigitOcr, create a fresh console project that references the
/// package from a local folder feed, load the shipped model, call <c>DigitDetector.Detect()</c> on a committed
/// sample page and check the numbers read.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly TempFolder work = new("digitocr-package-");

    public void Dispose() => work.Dispose();

    [Fact]
    public void FreshConsoleProject_ReferencingThePackage_ReadsTheSamplePage()
    {
        var root = Shell.RepositoryRoot();
        var feed = work.File("feed");
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        foreach (var project in new[] { "src/DigitOcr.Torch/DigitOcr.Torch.csproj", "src/DigitOcr.Core/DigitOcr.Core.csproj", "src/DigitOcr.Inference/DigitOcr.Inference.csproj" })
        {
            Shell.Run("dotnet", ["pack", Path.Combine(root, project), "-c", "Release", "-o", feed, $"-p:Version={version}", "--artifacts-path", work.File("artifacts")], root);
        }

        // The runtime packages carry no trainer and no data synthesis.
        string[] packages = ["DigitOcr.Torch", "DigitOcr.Core", "DigitOcr.Inference"];
        foreach (var package in packages)
        {
            using var archive = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"{package}.{version}.nupkg"));
            var assemblies = archive.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)).Select(e => e.Name).ToList();
            Assert.Equal([$"{package}.dll"], assemblies);
            using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            Assert.DoesNotContain("DigitOcr.Training", nuspec.ReadToEnd(), StringComparison.Ordinal);
        }
        var consumer = work.File("consumer");
        Directory.CreateDirectory(consumer);
        var globalPackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="digitocr-local" value="{feed}" />
                <add key="machine-cache" value="{globalPackages}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DigitOcr.Inference" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using DigitOcr.Inference;
            using DigitOcr.Reading;

            using var detector = DigitDetector.Load();
            var result = detector.Detect(args[0]);
            Console.WriteLine($"{result.Width}x{result.Height} {result.Digits.Count}");
            foreach (var number in new NumberReader().Read(result.Digits))
            {
                Console.WriteLine(number.Text);
            }
            """);
        var page = Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");
        // A private package cache, so that test versions do not pile up in the machine's.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.File("packages") };
        var output = Shell.Run("dotnet", ["run", "-c", "Release", "--", page], consumer, environment).Trim().Split('\n').Select(l => l.Trim()).ToList();
        Assert.False(Directory.Exists(work.File("packages", "digitocr.training")), "restoring DigitOcr.Inference pulled in the training library");

        // samples/sample-page.png holds two numbers written with MNIST test digits (samples/make_sample_page.py).
        Assert.StartsWith("760x300 ", output[0]);
        string[] written = ["5551234567", "8006490213"];
        Assert.Equal(written.Length, output.Count - 1);
        var correct = written.Zip(output.Skip(1), (w, r) => w.Length == r.Length ? w.Zip(r).Count(p => p.First == p.Second) : 0).Sum();
        Assert.True(correct >= 18, $"read {string.Join(", ", output.Skip(1))}: {correct} of 20 digits right");
    }
}
