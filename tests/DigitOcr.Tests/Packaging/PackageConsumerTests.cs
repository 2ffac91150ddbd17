using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Packaging;

/// <summary>
/// A new user's first five minutes, automated: pack DigitOcr, create a fresh console project that references the
/// package from a local folder feed, call <c>DigitDetector.Detect()</c> from it and read its output.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("digitocr-package-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public void FreshConsoleProject_ReferencingThePackage_DetectsOnAPage()
    {
        var root = Shell.RepositoryRoot();
        var feed = Path.Combine(work, "feed");
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        foreach (var project in new[] { "src/DigitOcr.Core/DigitOcr.Core.csproj", "src/DigitOcr.Inference/DigitOcr.Inference.csproj" })
        {
            Shell.Run("dotnet", ["pack", Path.Combine(root, project), "-c", "Release", "-o", feed, $"-p:Version={version}", "--artifacts-path", Path.Combine(work, "artifacts")], root);
        }

        Assert.True(File.Exists(Path.Combine(feed, $"DigitOcr.{version}.nupkg")));
        var consumer = Path.Combine(work, "consumer");
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

            var options = new DetectorOptions { ScoreThreshold = 0, MaxDetections = 5 };
            using var detector = DigitDetector.Load(args[1], options);
            var result = detector.Detect(args[0]);
            Console.WriteLine($"{result.Width}x{result.Height} {result.Digits.Count}");
            foreach (var d in result.Digits)
            {
                Console.WriteLine($"{d.Digit} {d.Score:F3} {d.Box}");
            }
            """);
        var model = TinyModel.Save(Path.Combine(work, "model.pt"));
        var page = Path.Combine(AppContext.BaseDirectory, "assets", "imaging", "gray8.png");
        // A private package cache, so that test versions do not pile up in the machine's.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") };
        var output = Shell.Run("dotnet", ["run", "-c", "Release", "--", page, model], consumer, environment).Trim().Split('\n');
        Assert.Matches(@"^\d+x\d+ 5$", output[0].Trim());
        Assert.Equal(6, output.Length);
    }
}
